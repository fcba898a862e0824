import { deployment, resultOf } from './__fixtures__/objects';

const probes = (readinessProbe: unknown, livenessProbe: unknown) => ({
  'spec.template.spec.containers.0.readinessProbe': readinessProbe,
  'spec.template.spec.containers.0.livenessProbe': livenessProbe,
});
const http = { httpGet: { path: '/health', port: 8080 } };

describe('probe-distinct', () => {
  it.each([
    ['identical probes', probes(http, http), 'fail'],
    [
      'identical after defaults',
      probes(http, {
        httpGet: { path: '/health', port: 8080, scheme: 'HTTP' },
        periodSeconds: 10,
        failureThreshold: 3,
        timeoutSeconds: 1,
      }),
      'fail',
    ],
    [
      'the same endpoint with a higher failureThreshold',
      probes(http, { ...http, failureThreshold: 6 }),
      'pass',
    ],
    [
      'another path',
      probes(http, { httpGet: { path: '/live', port: 8080 } }),
      'pass',
    ],
    ['another handler', probes(http, { tcpSocket: { port: 8080 } }), 'pass'],
    [
      'identical exec probes',
      probes({ exec: { command: ['true'] } }, { exec: { command: ['true'] } }),
      'fail',
    ],
    ['only a readiness probe', probes(http, undefined), 'not-applicable'],
    ['no probes', probes(undefined, undefined), 'not-applicable'],
  ])('%s gives %s', (_, patch, status) => {
    expect(resultOf([deployment(patch)], 'probe-distinct').status).toBe(status);
  });

  it('passes the compliant fixture and explains a failure', () => {
    expect(resultOf([deployment()], 'probe-distinct').status).toBe('pass');
    const result = resultOf([deployment(probes(http, http))], 'probe-distinct');
    expect(result.message).toContain('"api"');
    expect(result.remediation).toContain('failureThreshold');
  });
});
