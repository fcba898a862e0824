import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { toYaml } from './yamlText';

describe('toYaml', () => {
  it('writes snippets as the yaml package does', () => {
    const value = {
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'cart' } },
        template: {
          spec: {
            containers: [
              {
                name: 'cart',
                image: 'ghcr.io/shop/cart:1.4.2',
                ports: [{ containerPort: 8080, name: 'http' }],
                args: ['--port', '8080'],
                env: [],
                resources: {},
              },
            ],
            securityContext: { runAsNonRoot: true, runAsUser: null },
          },
        },
      },
    };
    expect(toYaml(value)).toBe(stringify(value));
  });

  it('leaves out undefined values as the yaml package does', () => {
    for (const value of [
      { a: { b: undefined } },
      { a: [{ b: undefined }] },
      { a: [undefined, 1] },
      { a: { b: undefined, c: 1 } },
      { b: undefined },
      [{ b: undefined }],
      [[], {}, [[1, 2]], [{ c: [3] }]],
    ]) {
      expect(toYaml(value)).toBe(stringify(value));
    }
  });

  it('quotes what YAML would read as something else', () => {
    for (const text of [
      '8080',
      'true',
      'No',
      '~',
      '1e3',
      '0x1F',
      '2026-12-01',
      '10:30',
      '- item',
      'a: b',
      'a #b',
      ' padded',
      'trailing ',
      'multi\nline',
      '',
      '*alias',
      '"quoted"',
    ]) {
      expect(parse(toYaml({ text }))).toEqual({ text });
    }
  });

  it('reads back as the value it was given', () => {
    const key = fc.string({ unit: 'binary', maxLength: 12 });
    const leaf = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const tree = fc.letrec(tie => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, tree, { maxKeys: 5 }), value => {
        expect(parse(toYaml(value))).toEqual(value);
      }),
      { numRuns: 1000 },
    );
  });
});
