import { InputError } from '@backstage/errors';
import {
  DEFAULT_AVAILABILITY_CONFIG,
  resolveConfig,
  engineConfigOf,
  validateAvailabilityConfig,
} from './config';

describe('resolveConfig', () => {
  it('gives the defaults for no config', () => {
    expect(resolveConfig()).toEqual({
      checks: {},
      thresholds: { minReplicas: 2, maxRestarts: 5 },
      exemptions: [{ namespaces: ['kube-system'], reason: expect.any(String) }],
    });
    expect(resolveConfig()).toEqual(DEFAULT_AVAILABILITY_CONFIG);
  });

  it('merges thresholds key by key and replaces exemptions when given', () => {
    const resolved = resolveConfig({
      thresholds: { maxRestarts: 10 },
      exemptions: [{ namespaces: ['batch'], reason: 'jobs' }],
      checks: { 'hpa-present': { enabled: false } },
    });
    expect(resolved.thresholds).toEqual({ minReplicas: 2, maxRestarts: 10 });
    expect(resolved.exemptions).toEqual([
      { namespaces: ['batch'], reason: 'jobs' },
    ]);
    expect(resolved.checks).toEqual({ 'hpa-present': { enabled: false } });
  });

  it('falls back to defaults for values of the wrong shape', () => {
    const resolved = resolveConfig({
      thresholds: { minReplicas: -3, maxRestarts: 'x' },
      exemptions: 'none',
    } as never);
    expect(resolved.thresholds).toEqual({ minReplicas: 2, maxRestarts: 5 });
    expect(resolved.exemptions).toEqual(DEFAULT_AVAILABILITY_CONFIG.exemptions);
  });

  it('keeps the defaults immutable', () => {
    expect(Object.isFrozen(DEFAULT_AVAILABILITY_CONFIG.thresholds)).toBe(true);
    resolveConfig().exemptions.push({ reason: 'x' });
    expect(DEFAULT_AVAILABILITY_CONFIG.exemptions).toHaveLength(1);
  });
});

describe('validateAvailabilityConfig', () => {
  it('accepts a full config and reads numeric strings', () => {
    // Everything but the numeric string comes back as it was given.
    const given = {
      checks: {
        'replicas-min': { severity: 'high' },
        'hpa-present': { enabled: false },
      },
      exemptions: [
        {
          namespaces: ['batch'],
          names: ['job-*'],
          checks: ['replicas-min'],
          reason: 'Batch',
          until: '2026-01-31',
        },
      ],
    };
    expect(
      validateAvailabilityConfig({
        ...structuredClone(given),
        thresholds: { minReplicas: '3', maxRestarts: 4 },
      }),
    ).toEqual({ ...given, thresholds: { minReplicas: 3, maxRestarts: 4 } });
    expect(validateAvailabilityConfig(undefined)).toEqual({});
  });

  it("reads only the engine's keys of a block other readers share", () => {
    expect(
      validateAvailabilityConfig(
        engineConfigOf({
          thresholds: { minReplicas: 3 },
          schedule: { frequency: { minutes: 30 } },
          refresh: { concurrency: 4 },
          history: { maxPoints: 100 },
          evaluate: { maxBodySize: '4mb' },
        }),
      ),
    ).toEqual({ thresholds: { minReplicas: 3 } });
    expect(() => validateAvailabilityConfig(engineConfigOf('yes'))).toThrow(
      'availability must be an object',
    );
  });

  it('reads a YAML date as an ISO date', () => {
    const config = validateAvailabilityConfig({
      exemptions: [{ reason: 'x', until: new Date('2026-03-01T00:00:00Z') }],
    });
    expect(config.exemptions?.[0].until).toBe('2026-03-01');
  });

  it.each([
    ['a non-object', 'yes', 'availability must be an object, got "yes"'],
    [
      'an unknown key',
      { threshold: {} },
      'availability.threshold is not a known key',
    ],
    [
      'an unknown check id',
      { checks: { 'replica-min': {} } },
      'availability.checks.replica-min "replica-min" is not a known check id',
    ],
    [
      'a bad severity',
      { checks: { 'replicas-min': { severity: 'urgent' } } },
      'availability.checks.replicas-min.severity must be one of critical, high, medium, low, got "urgent"',
    ],
    [
      'a non-boolean enabled',
      { checks: { 'replicas-min': { enabled: 'no' } } },
      'availability.checks.replicas-min.enabled must be true or false',
    ],
    [
      'a bad threshold',
      { thresholds: { minReplicas: 0 } },
      'availability.thresholds.minReplicas must be a whole number of at least 1, got 0',
    ],
    [
      'exemptions not a list',
      { exemptions: {} },
      'availability.exemptions must be a list',
    ],
    [
      'an exemption without reason',
      { exemptions: [{ namespaces: ['a'] }] },
      'availability.exemptions[0].reason is required',
    ],
    [
      'an exemption with a bad date',
      { exemptions: [{ reason: 'x', until: '2026-13-01' }] },
      'availability.exemptions[0].until "2026-13-01" is not a valid ISO date',
    ],
    [
      'an exemption with an unknown check',
      { exemptions: [{ reason: 'x', checks: ['ok', 'replicas-min'] }] },
      'availability.exemptions[0].checks[0] "ok" is not a known check id',
    ],
    [
      'an exemption with a bad names list',
      { exemptions: [{ reason: 'x', names: 'api' }] },
      'availability.exemptions[0].names must be a list of strings',
    ],
    [
      'an exemption with an empty namespace',
      { exemptions: [{ reason: 'x', namespaces: [''] }] },
      'availability.exemptions[0].namespaces[0] must be a non-empty string',
    ],
  ])('rejects %s with a precise message', (_, value, message) => {
    expect(() => validateAvailabilityConfig(value)).toThrow(InputError);
    expect(() => validateAvailabilityConfig(value)).toThrow(message);
  });
});
