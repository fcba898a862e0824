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

describe('probe-distinct in steady state (r3)', () => {
  const named = {
    'spec.template.spec.containers.0.ports': [
      { name: 'http', containerPort: 8080 },
    ],
  };
  it.each([
    [
      'only initialDelaySeconds differs',
      probes(http, { ...http, initialDelaySeconds: 30 }),
      'fail',
    ],
    [
      'only successThreshold differs',
      probes({ ...http, successThreshold: 2 }, http),
      'fail',
    ],
    [
      'only terminationGracePeriodSeconds differs',
      probes(http, { ...http, terminationGracePeriodSeconds: 10 }),
      'fail',
    ],
    [
      'only httpHeaders differ',
      probes(http, {
        httpGet: { ...http.httpGet, httpHeaders: [{ name: 'X', value: '1' }] },
      }),
      'fail',
    ],
    [
      'a named port that resolves to the same number',
      {
        ...named,
        ...probes(http, { httpGet: { path: '/health', port: 'http' } }),
      },
      'fail',
    ],
    [
      'a named port that the container does not declare',
      probes(http, { httpGet: { path: '/health', port: 'web' } }),
      'pass',
    ],
    [
      'gRPC probes of one port and service',
      probes({ grpc: { port: 9090 } }, { grpc: { port: 9090, service: '' } }),
      'fail',
    ],
    [
      'gRPC probes of different services',
      probes(
        { grpc: { port: 9090 } },
        { grpc: { port: 9090, service: 'live' } },
      ),
      'pass',
    ],
    [
      'a longer periodSeconds',
      probes(http, { ...http, periodSeconds: 20 }),
      'pass',
    ],
    [
      'a longer timeoutSeconds',
      probes(http, { ...http, timeoutSeconds: 5 }),
      'pass',
    ],
  ])('%s gives %s', (_, patch, status) => {
    expect(resultOf([deployment(patch)], 'probe-distinct').status).toBe(status);
  });
});

describe('probe-distinct remediation', () => {
  it('keeps the probe and doubles its failureThreshold, which passes', () => {
    const failing = deployment(probes(http, http));
    const result = resultOf([failing], 'probe-distinct');
    expect(result.remediation).toContain('containers[0] ("api")');
    expect(result.remediation).toContain('port: 8080');
    const fixed = deployment({
      ...probes(http, { ...http, failureThreshold: 6 }),
    });
    expect(result.remediation).toContain('failureThreshold: 6');
    expect(resultOf([fixed], 'probe-distinct').status).toBe('pass');
    expect(resultOf([fixed], 'probe-liveness').status).toBe('pass');
  });
});
