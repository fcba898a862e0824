import { createMockDirectory } from '@backstage/backend-test-utils';
import { readBundledTemplates } from './readBundledTemplates';

const index = (targets: string[]) =>
  `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: t}\nspec:\n  targets: ${JSON.stringify(
    targets,
  )}\n`;

describe('readBundledTemplates', () => {
  const dir = createMockDirectory();

  it('names the listed file that is missing', async () => {
    dir.setContent({ 'all.yaml': index(['./gone.yaml']) });
    await expect(readBundledTemplates({ directory: dir.path })).rejects.toThrow(
      `Cannot read the bundled template file ${dir.resolve('gone.yaml')}`,
    );
  });

  it('refuses an index that is not a Location with targets', async () => {
    dir.setContent({ 'all.yaml': 'kind: Component\n' });
    await expect(readBundledTemplates({ directory: dir.path })).rejects.toThrow(
      /all\.yaml must be a Location whose spec\.targets lists the template files/,
    );
  });

  it('refuses a listed file that is not a Template', async () => {
    dir.setContent({
      'all.yaml': index(['./c.yaml']),
      'c.yaml': 'kind: Component\nmetadata: {name: c}\n',
    });
    await expect(readBundledTemplates({ directory: dir.path })).rejects.toThrow(
      /c\.yaml is not a named Template entity/,
    );
  });

  it('refuses a target outside the directory', async () => {
    dir.setContent({ 'all.yaml': index(['../elsewhere.yaml']) });
    await expect(readBundledTemplates({ directory: dir.path })).rejects.toThrow(
      /outside/,
    );
  });

  it('keeps the YAML anchors of a template resolved', async () => {
    dir.setContent({
      'all.yaml': index(['./t.yaml']),
      't.yaml': [
        'apiVersion: scaffolder.backstage.io/v1beta3',
        'kind: Template',
        'metadata: {name: t}',
        'spec:',
        '  owner: group:default/a',
        '  steps:',
        '    - {id: a, action: x, input: {values: &v {k: 1}}}',
        '    - {id: b, action: x, input: {values: *v}}',
      ].join('\n'),
    });
    const [template] = await readBundledTemplates({ directory: dir.path });
    expect((template.spec!.steps as any[])[1].input.values).toEqual({ k: 1 });
    expect(template.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': `file:${dir.resolve('t.yaml')}`,
      'backstage.io/managed-by-origin-location': `file:${dir.resolve(
        't.yaml',
      )}`,
    });
    expect(template.spec!.owner).toBe('group:default/a');
  });
});
