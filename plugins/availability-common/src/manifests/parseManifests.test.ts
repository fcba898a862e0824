import { parseManifests } from './parseManifests';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
`;

describe('parseManifests', () => {
  it('reads every document of a multi-document file with its start line', () => {
    const text = `# leading comment
---
${deployment('a')}---
# comment inside the document
${deployment('b')}`;
    const { objects, errors } = parseManifests(text, 'k8s/app.yaml');
    expect(errors).toEqual([]);
    expect(
      objects.map(o => [
        o.object.metadata?.name,
        o.source?.line,
        o.source?.path,
      ]),
    ).toEqual([
      ['a', 3, 'k8s/app.yaml'],
      ['b', 11, 'k8s/app.yaml'],
    ]);
    expect(objects[0].object).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'a' },
      spec: { replicas: 2 },
    });
    expect(objects[0].cluster).toBeUndefined();
  });

  it('skips documents that are not Kubernetes objects and empty documents', () => {
    const text = `---
# only a comment
---
name: my-chart
version: 1.0.0
---
apiVersion: v1
kind: ConfigMap
---
- a
- b
---
plain text
---
${deployment('kept')}`;
    const { objects, errors } = parseManifests(text, 'mixed.yaml');
    expect(errors).toEqual([]);
    expect(objects.map(o => o.object.metadata?.name)).toEqual(['kept']);
    expect(objects[0].source?.line).toBe(15);
  });

  it('reports a broken document with its line and keeps the others', () => {
    const text = `${deployment('first')}---
apiVersion: v1
kind: Service
metadata:
  name: broken
   labels: x
---
${deployment('last')}`;
    const { objects, errors } = parseManifests(text, 'broken.yaml');
    expect(objects.map(o => [o.object.metadata?.name, o.source?.line])).toEqual(
      [
        ['first', 1],
        ['last', 14],
      ],
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toEqual({
      source: 'broken.yaml',
      line: 11,
      message:
        'line 11, column 9: Nested mappings are not allowed in compact mappings',
    });
  });

  it('reports duplicate keys and unterminated flow collections', () => {
    const duplicate = parseManifests(
      'apiVersion: v1\nkind: Service\nkind: Pod\nmetadata: {name: x}\n',
      'dup.yaml',
    );
    expect(duplicate.objects).toEqual([]);
    expect(duplicate.errors[0]).toMatchObject({ source: 'dup.yaml', line: 3 });

    const unterminated = parseManifests(
      'apiVersion: v1\nkind: Service\nmetadata: {name: x\n',
      'flow.yaml',
    );
    expect(unterminated.objects).toEqual([]);
    expect(unterminated.errors).toHaveLength(1);
    expect(unterminated.errors[0].message).toMatch(/^line \d+, column \d+: /);
  });

  it('expands a List with the line of each item', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: one
  - apiVersion: v1
    kind: Service
    metadata:
      name: two
`;
    const { objects, errors } = parseManifests(text, 'list.yaml');
    expect(errors).toEqual([]);
    expect(
      objects.map(o => [
        o.object.kind,
        o.object.metadata?.name,
        o.source?.line,
      ]),
    ).toEqual([
      ['Deployment', 'one', 4],
      ['Service', 'two', 8],
    ]);
  });

  it('fills kind and apiVersion of items of a typed list', () => {
    const text = JSON.stringify(
      {
        apiVersion: 'apps/v1',
        kind: 'DeploymentList',
        metadata: {},
        items: [{ metadata: { name: 'x' } }],
      },
      null,
      2,
    );
    const { objects } = parseManifests(text, 'list.json');
    expect(objects).toEqual([
      {
        object: {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'x' },
        },
        source: { path: 'list.json', line: 6 },
      },
    ]);
  });

  it('reads JSON, including JSON indented with tabs', () => {
    const object = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'svc', namespace: 'shop' },
      spec: { selector: { app: 'svc' } },
    };
    const spaces = parseManifests(JSON.stringify(object, null, 2), 'a.json');
    expect(spaces).toEqual({
      objects: [{ object, source: { path: 'a.json', line: 1 } }],
      errors: [],
    });
    const tabs = parseManifests(
      `\n${JSON.stringify(object, null, '\t')}`,
      'b.json',
    );
    expect(tabs).toEqual({
      objects: [{ object, source: { path: 'b.json', line: 2 } }],
      errors: [],
    });
  });

  it('reports broken JSON', () => {
    const { objects, errors } = parseManifests(
      '{\n  "apiVersion": "v1",\n  "kind": "Service"\n  "metadata": {}\n}\n',
      'bad.json',
    );
    expect(objects).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0].source).toBe('bad.json');
    expect(errors[0].line).toBeGreaterThanOrEqual(3);
  });

  it('returns nothing for an empty file', () => {
    expect(parseManifests('', 'empty.yaml')).toEqual({
      objects: [],
      errors: [],
    });
    expect(parseManifests('# nothing\n', 'comment.yaml')).toEqual({
      objects: [],
      errors: [],
    });
  });

  it('refuses alias bombs instead of expanding them', () => {
    const text = `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
apiVersion: v1
kind: ConfigMap
metadata: {name: bomb}
`;
    const { objects, errors } = parseManifests(text, 'bomb.yaml');
    expect(objects).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({ source: 'bomb.yaml', line: 1 }),
    ]);
  });
});
