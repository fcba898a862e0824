import { mockServices } from '@backstage/backend-test-utils';
import {
  AvailabilityReport,
  Level,
} from '@availability-backstage/plugin-availability-common';
import { LevelChangeNotifier } from './notifyLevelChanges';
import { checkResult, oneWorkloadReport } from '../__testUtils__/reports';

function report(level: Level, failing: Array<[string, 'critical' | 'high']>) {
  const checks = failing.map(([id, severity]) =>
    checkResult(id, 'fail', {
      severity,
      message: `${id} fails`,
      remediation: `fix ${id}`,
    }),
  );
  const score = { gold: 95, silver: 80, bronze: 60, none: 20 }[level];
  return oneWorkloadReport({ score, level, checks });
}

function setup(config?: { minLevelDrop?: number; quietPeriodMs?: number }) {
  const send = jest.fn(async () => {});
  let now = 0;
  const notifier = LevelChangeNotifier.create({
    notifications: { send },
    config: {
      enabled: true,
      minLevelDrop: config?.minLevelDrop ?? 1,
      quietPeriodMs: config?.quietPeriodMs ?? 0,
    },
    logger: mockServices.logger.mock(),
    now: () => now,
  });
  const change = (
    previous: AvailabilityReport | null,
    current: AvailabilityReport,
  ) =>
    notifier.notifyLevelChanges({
      entityRef: 'component:default/api',
      entityTitle: 'api',
      previous,
      current,
    });
  return { send, change, advance: (ms: number) => (now += ms) };
}

describe('LevelChangeNotifier', () => {
  it.each([
    ['a first report', null, report('none', [['pdb-present', 'critical']])],
    ['an unchanged report', report('silver', []), report('silver', [])],
    ['a better level', report('bronze', []), report('gold', [])],
    [
      'a critical check that was failing already',
      report('silver', [['pdb-present', 'critical']]),
      report('silver', [['pdb-present', 'critical']]),
    ],
    [
      'a new high check at the same level',
      report('silver', []),
      report('silver', [['probes', 'high']]),
    ],
  ])('says nothing about %s', async (_what, previous, current) => {
    const { send, change } = setup();
    await change(previous, current);
    expect(send).not.toHaveBeenCalled();
  });

  it('tells a level drop with the top failing check', async () => {
    const { send, change } = setup();
    await change(report('gold', []), report('silver', [['probes', 'high']]));
    expect(send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: 'component:default/api' },
      payload: {
        title: 'api: availability dropped from gold to silver',
        description:
          'Availability level gold → silver (score 95 → 80).\nTop failing check: probes (high) on Deployment shop/api: probes fails',
        link: '/catalog/default/component/api/availability',
        severity: 'high',
        topic: 'availability',
        scope: 'availability:component:default/api:gold->silver:',
      },
    });
  });

  it('tells a critical check that starts failing, at the same level', async () => {
    const { send, change } = setup();
    await change(
      report('bronze', [['probes', 'high']]),
      report('bronze', [
        ['probes', 'high'],
        ['pdb-present', 'critical'],
      ]),
    );
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          title: 'api: availability critical check pdb-present started failing',
          severity: 'critical',
          scope:
            'availability:component:default/api:bronze->bronze:pdb-present',
        }),
      }),
    ]);
  });

  it('waits for a drop of the configured size', async () => {
    const { send, change } = setup({ minLevelDrop: 2 });
    await change(report('gold', []), report('silver', []));
    expect(send).not.toHaveBeenCalled();
    await change(report('gold', []), report('bronze', []));
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('keeps quiet about further changes within the quiet period', async () => {
    const { send, change, advance } = setup({ quietPeriodMs: 60_000 });
    await change(report('gold', []), report('silver', []));
    advance(59_999);
    await change(report('silver', []), report('bronze', []));
    expect(send).toHaveBeenCalledTimes(1);
    advance(1);
    await change(report('bronze', []), report('none', []));
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('does not fail the refresh when sending fails', async () => {
    const { send, change } = setup();
    send.mockRejectedValueOnce(new Error('notifications backend down'));
    await expect(
      change(report('gold', []), report('silver', [])),
    ).resolves.toBeUndefined();
  });
});
