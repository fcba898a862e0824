import { constant, OutcomeMemo, pass } from './outcomes';

describe('constant outcomes', () => {
  it('are frozen and marked as shareable', () => {
    const outcome = constant(pass('Fine.'));
    expect(outcome).toEqual({ status: 'pass', message: 'Fine.', fixed: true });
    expect(Object.isFrozen(outcome)).toBe(true);
  });

  it('are remembered up to the limit, then built afresh', () => {
    const memo = new OutcomeMemo<number>(2);
    const one = memo.remember(1, pass('1 replica.'));
    expect(memo.get(1)).toBe(one);
    expect(one.fixed).toBe(true);
    memo.remember(2, pass('2 replicas.'));
    const three = memo.remember(3, pass('3 replicas.'));
    expect(three).toEqual({ status: 'pass', message: '3 replicas.' });
    expect(three.fixed).toBeUndefined();
    expect(memo.get(3)).toBeUndefined();
  });
});
