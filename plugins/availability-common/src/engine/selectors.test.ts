import { labelSelectorMatches, LabelIndex } from './selectors';

const labels = { app: 'api', tier: 'web' };

describe('labelSelectorMatches', () => {
  it.each([
    ['an empty selector', {}, true],
    ['matching matchLabels', { matchLabels: { app: 'api' } }, true],
    ['a differing label', { matchLabels: { app: 'db' } }, false],
    ['a missing label', { matchLabels: { zone: 'a' } }, false],
    [
      'In',
      {
        matchExpressions: [
          { key: 'app', operator: 'In', values: ['db', 'api'] },
        ],
      },
      true,
    ],
    [
      'In without the value',
      { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] },
      false,
    ],
    [
      'In on a missing key',
      { matchExpressions: [{ key: 'x', operator: 'In', values: ['api'] }] },
      false,
    ],
    [
      'NotIn',
      { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['db'] }] },
      true,
    ],
    [
      'NotIn on a missing key',
      { matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['db'] }] },
      true,
    ],
    [
      'NotIn with the value',
      {
        matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }],
      },
      false,
    ],
    [
      'Exists',
      { matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
      true,
    ],
    [
      'Exists on a missing key',
      { matchExpressions: [{ key: 'x', operator: 'Exists' }] },
      false,
    ],
    [
      'DoesNotExist',
      { matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] },
      true,
    ],
    [
      'DoesNotExist on a present key',
      { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] },
      false,
    ],
    [
      'labels and expressions together',
      {
        matchLabels: { app: 'api' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['db'] }],
      },
      false,
    ],
    [
      'an unknown operator',
      { matchExpressions: [{ key: 'app', operator: 'Gt', values: ['1'] }] },
      false,
    ],
    [
      'In without values',
      { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] },
      false,
    ],
    [
      'Exists with values',
      {
        matchExpressions: [{ key: 'app', operator: 'Exists', values: ['api'] }],
      },
      false,
    ],
    ['a non-string label value', { matchLabels: { app: 1 } }, false],
    ['matchLabels of the wrong type', { matchLabels: 'app=api' }, false],
    ['matchExpressions of the wrong type', { matchExpressions: {} }, false],
    ['a null entry in matchExpressions', { matchExpressions: [null] }, false],
  ])('%s -> %p', (_, selector, expected) => {
    expect(labelSelectorMatches(selector as never, labels)).toBe(expected);
  });

  it('matches nothing for a missing selector', () => {
    expect(labelSelectorMatches(undefined, labels)).toBe(false);
    expect(labelSelectorMatches(null, labels)).toBe(false);
  });

  it('does not read inherited properties as labels', () => {
    expect(
      labelSelectorMatches(
        { matchExpressions: [{ key: 'toString', operator: 'Exists' }] },
        {},
      ),
    ).toBe(false);
  });
});

describe('LabelIndex', () => {
  it('selects the same items as a full scan', () => {
    const index = new LabelIndex<string>();
    index.add('a', { app: 'api', tier: 'web' });
    index.add('b', { app: 'api', tier: 'worker' });
    index.add('c', { app: 'db' });
    expect(index.select({ matchLabels: { app: 'api' } })).toEqual(['a', 'b']);
    expect(index.select({ matchLabels: { app: 'api', tier: 'web' } })).toEqual([
      'a',
    ]);
    expect(
      index.select({
        matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }],
      }),
    ).toEqual(['c']);
    expect(index.select({})).toEqual(['a', 'b', 'c']);
    expect(index.select(undefined)).toEqual([]);
    expect(index.selectMap({ app: 'db' })).toEqual(['c']);
    expect(index.selectMap({})).toEqual([]);
  });
});
