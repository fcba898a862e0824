import { SelectedByPass } from './selectedBy';
import { pass } from './outcomes';

describe('SelectedByPass', () => {
  it('names the one selecting object and shares its outcome', () => {
    const outcomes = new SelectedByPass('NetworkPolicy');
    const first = outcomes.of([{ metadata: { name: 'deny-all' } }]);
    expect(first).toMatchObject(
      pass('NetworkPolicy "deny-all" selects its pods.'),
    );
    expect(first.fixed).toBe(true);
    expect(outcomes.of([{ metadata: { name: 'deny-all' } }])).toBe(first);
  });

  it('names several objects in one fresh outcome', () => {
    const outcomes = new SelectedByPass('PodDisruptionBudget');
    expect(
      outcomes.of([
        { metadata: { name: 'a' } },
        { metadata: { name: 'b' } },
        {},
      ]),
    ).toEqual(
      pass('PodDisruptionBudget "a", "b" and "(unnamed)" selects its pods.'),
    );
  });

  it('keeps the outcomes of different kinds apart', () => {
    const policies = new SelectedByPass('NetworkPolicy');
    const budgets = new SelectedByPass('PodDisruptionBudget');
    const named = [{ metadata: { name: 'x' } }];
    expect(policies.of(named).message).toBe(
      'NetworkPolicy "x" selects its pods.',
    );
    expect(budgets.of(named).message).toBe(
      'PodDisruptionBudget "x" selects its pods.',
    );
  });
});
