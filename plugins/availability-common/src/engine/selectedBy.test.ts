import { selectedByPass } from './selectedBy';
import { pass } from './outcomes';

describe('selectedByPass', () => {
  it('names the one selecting object', () => {
    expect(
      selectedByPass('NetworkPolicy', [{ metadata: { name: 'deny-all' } }]),
    ).toEqual(pass('NetworkPolicy "deny-all" selects its pods.'));
  });

  it('names several objects', () => {
    expect(
      selectedByPass('PodDisruptionBudget', [
        { metadata: { name: 'a' } },
        { metadata: { name: 'b' } },
        {},
      ]),
    ).toEqual(
      pass('PodDisruptionBudget "a", "b" and "(unnamed)" selects its pods.'),
    );
  });

  it('names the kind it is given', () => {
    const named = [{ metadata: { name: 'x' } }];
    expect(selectedByPass('NetworkPolicy', named).message).toBe(
      'NetworkPolicy "x" selects its pods.',
    );
    expect(selectedByPass('PodDisruptionBudget', named).message).toBe(
      'PodDisruptionBudget "x" selects its pods.',
    );
  });
});
