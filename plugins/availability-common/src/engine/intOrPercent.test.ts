import { resolveIntOrPercent } from './intOrPercent';

describe('resolveIntOrPercent', () => {
  it.each([
    [1, 3, 'down', 1],
    ['1', 3, 'down', 1],
    [' 2 ', 3, 'up', 2],
    ['25%', 3, 'down', 0],
    ['25%', 3, 'up', 1],
    ['50%', 3, 'up', 2],
    ['50%', 3, 'down', 1],
    ['100%', 3, 'down', 3],
    ['0%', 5, 'up', 0],
    ['10%', 10, 'up', 1],
    ['30%', 10, 'down', 3],
  ] as const)('%p of %p rounded %s is %p', (raw, total, rounding, value) => {
    expect(resolveIntOrPercent(raw, total, rounding)).toEqual(
      expect.objectContaining({ value }),
    );
  });

  it.each([[-1], [1.5], ['abc'], ['1.5%'], ['%'], [null], [{}], [true]])(
    'reports a problem for %p',
    raw => {
      const result = resolveIntOrPercent(raw, 3, 'up');
      expect(result.value).toBeUndefined();
      expect(result.problem).toEqual(expect.any(String));
    },
  );
});
