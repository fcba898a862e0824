import type { Budget } from './disruption';
import { judgeBudgets } from './disruption';
import { NO_PDB, pass } from './outcomes';

const budget = {
  metadata: { name: 'api' },
  spec: { minAvailable: 1 },
};

describe('judgeBudgets', () => {
  const judge = jest.fn((budgets: Budget[], replicas: number) =>
    pass(`${budgets.length} of ${replicas}`),
  );

  beforeEach(() => judge.mockClear());

  it('is not applicable without a PDB', () => {
    expect(
      judgeBudgets({ pdbs: [], replicas: { value: 3, from: 'spec' } }, judge),
    ).toBe(NO_PDB);
    expect(judge).not.toHaveBeenCalled();
  });

  it.each([
    [undefined, 'The replica count could not be read.'],
    [
      { from: 'spec' as const, problem: 'spec.replicas is "x"' },
      'spec.replicas is "x"',
    ],
  ])('is unknown when the replicas read as %j', (replicas, message) => {
    expect(judgeBudgets({ pdbs: [budget], replicas }, judge)).toEqual({
      status: 'unknown',
      message,
    });
    expect(judge).not.toHaveBeenCalled();
  });

  it('judges the budgets read against the effective replicas', () => {
    expect(
      judgeBudgets(
        {
          pdbs: [
            budget,
            { metadata: { name: 'all' }, spec: { minAvailable: 3 } },
          ],
          replicas: { value: 3, from: 'autoscaler' },
        },
        judge,
      ),
    ).toEqual(pass('2 of 3'));
    expect(judge.mock.calls[0][0]).toEqual([
      {
        name: 'api',
        blocks: false,
        keepsOne: true,
        describe: 'minAvailable 1',
        field: 'minAvailable',
      },
      {
        name: 'all',
        blocks: true,
        keepsOne: true,
        describe: 'minAvailable 3',
        field: 'minAvailable',
      },
    ]);
  });
});
