import { ConfigReader } from '@backstage/config';
import { readAvailabilityBackendConfig } from './config';

describe('readAvailabilityBackendConfig', () => {
  it('gives the defaults without an availability block', () => {
    expect(readAvailabilityBackendConfig(new ConfigReader({}))).toEqual({
      evaluation: {},
      schedule: {
        frequency: { minutes: 30 },
        timeout: { minutes: 15 },
        initialDelay: { seconds: 15 },
      },
      source: 'cluster',
      clusterTimeoutMs: 20_000,
      concurrency: 4,
      requestTimeoutMs: 30_000,
      nodeCacheTtlMs: 300_000,
      historyLimit: 365,
      evaluateMaxBodySize: '4mb',
      ledgerHorizonDays: 365,
      notifications: {
        enabled: false,
        minLevelDrop: 1,
        quietPeriodMs: 3_600_000,
      },
    });
  });

  it('reads every setting', () => {
    const config = readAvailabilityBackendConfig(
      new ConfigReader({
        availability: {
          checks: { 'replicas-recommended': { enabled: false } },
          thresholds: { minReplicas: 3 },
          exemptions: [{ namespaces: ['batch'], reason: 'batch jobs' }],
          schedule: { frequency: { minutes: 10 }, timeout: { minutes: 2 } },
          source: 'entity',
          clusterTimeout: { seconds: 7 },
          refresh: {
            concurrency: 8,
            requestTimeout: { seconds: 5 },
            nodeCacheTtl: { minutes: 1 },
          },
          history: { maxPoints: 30 },
          evaluate: { maxBodySize: '1mb' },
          ledger: { horizonDays: 180 },
          notifications: {
            enabled: true,
            minLevelDrop: 2,
            quietPeriod: { minutes: 10 },
          },
        },
      }),
    );
    expect(config).toEqual({
      evaluation: {
        checks: { 'replicas-recommended': { enabled: false } },
        thresholds: { minReplicas: 3 },
        exemptions: [{ namespaces: ['batch'], reason: 'batch jobs' }],
      },
      schedule: { frequency: { minutes: 10 }, timeout: { minutes: 2 } },
      source: 'entity',
      clusterTimeoutMs: 7_000,
      concurrency: 8,
      requestTimeoutMs: 5_000,
      nodeCacheTtlMs: 60_000,
      historyLimit: 30,
      evaluateMaxBodySize: '1mb',
      ledgerHorizonDays: 180,
      notifications: { enabled: true, minLevelDrop: 2, quietPeriodMs: 600_000 },
    });
  });

  it('accepts a zero node cache lifetime (no reuse)', () => {
    expect(
      readAvailabilityBackendConfig(
        new ConfigReader({
          availability: { refresh: { nodeCacheTtl: { seconds: 0 } } },
        }),
      ).nodeCacheTtlMs,
    ).toBe(0);
  });

  it.each([
    [{ refresh: { concurrency: 0 } }, /availability.refresh.concurrency/],
    [{ refresh: { concurrency: 1.5 } }, /availability.refresh.concurrency/],
    [{ history: { maxPoints: -1 } }, /availability.history.maxPoints/],
    [{ refresh: { requestTimeout: { seconds: 0 } } }, /must be positive/],
    [{ refresh: { nodeCacheTtl: { seconds: -1 } } }, /zero or positive/],
    [{ source: 'namespace' }, /availability.source/],
    [{ clusterTimeout: { seconds: 0 } }, /availability.clusterTimeout/],
    [
      { evaluate: { maxBodySize: 'huge' } },
      /availability.evaluate.maxBodySize/,
    ],
    [{ checks: { 'no-such-check': { enabled: false } } }, /no-such-check/],
    [{ thresholds: { minReplicas: 'two' } }, /minReplicas/],
    [{ exemptions: [{ namespaces: ['x'] }] }, /reason/],
    [
      { notifications: { minLevelDrop: 0 } },
      /availability.notifications.minLevelDrop/,
    ],
    [{ notifications: { minLevelDrop: 4 } }, /can fall by at most 3/],
  ])('rejects %j', (availability, message) => {
    expect(() =>
      readAvailabilityBackendConfig(new ConfigReader({ availability })),
    ).toThrow(message);
  });
});
