import {
  ExemptionResolver,
  globToRegExp,
  parseCheckList,
  parseIsoDate,
} from './exemptions';

describe('exemption helpers', () => {
  it('splits and trims check lists', () => {
    expect(parseCheckList(' a, b ,,c ')).toEqual(['a', 'b', 'c']);
    expect(parseCheckList('')).toEqual([]);
  });

  it.each([
    ['2025-06-30', '2025-06-30'],
    ['2024-02-29', '2024-02-29'],
    ['2025-06-30T12:00:00Z', '2025-06-30'],
    ['2025-02-29', undefined],
    ['2025-6-30', undefined],
    ['tomorrow', undefined],
    ['2025-06-30Tnoon', undefined],
  ])('parses %p as %p', (text, expected) => {
    expect(parseIsoDate(text)).toBe(expected);
  });

  it.each([
    ['api-*', 'api-v2', true],
    ['api-*', 'web-api', false],
    ['*', 'anything', true],
    ['a.b', 'a.b', true],
    ['a.b', 'axb', false],
    ['job-?', 'job-1', true],
    ['job-?', 'job-12', false],
  ])('glob %p on %p is %p', (glob, name, expected) => {
    expect(globToRegExp(glob).test(name)).toBe(expected);
  });

  it('uses the current date when now is invalid', () => {
    const resolver = new ExemptionResolver({ now: new Date('garbage') });
    const find = resolver.forTarget({
      kind: 'Deployment',
      name: 'api',
      namespace: 'shop',
      annotations: {
        'availability.backstage.io/exempt': 'x',
        'availability.backstage.io/exempt-until': '2999-01-01',
      },
    });
    expect(find('x')).toMatchObject({ active: true, until: '2999-01-01' });
    expect(find('y')).toBeUndefined();
  });
});
