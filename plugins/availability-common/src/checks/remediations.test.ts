/*
 * Every remediation with a YAML snippet, applied to a failing fixture as a
 * service owner would paste it: its check then passes, and no check that
 * passed before fails.
 */
import { parseAllDocuments } from 'yaml';
import { evaluate } from '../engine/evaluate';
import { strategicMerge } from '../failureDomains/simulator/strategicMerge';
import {
  claim,
  deployment,
  hpa,
  inputs,
  networkPolicy,
  pdb,
  pod,
  resultOf,
  rollout,
  scaledObject,
  service,
  statefulSet,
  type Obj,
} from './__fixtures__/objects';

const SECTION = /^# (\S+) "([^"]*)"(?:: (\S+))?.*$/;

/** Sets `patch` at a dotted path with `[i]` indexes, as a strategic merge. */
function patchPath(object: Obj, path: string, patch: unknown): Obj {
  const keys = path ? path.replace(/\[(\d+)\]/g, '.$1').split('.') : [];
  const apply = (node: any, rest: string[]): any => {
    if (rest.length === 0) {
      return strategicMerge(node, patch);
    }
    const [key, ...tail] = rest;
    const copy = Array.isArray(node) ? [...node] : { ...node };
    copy[key] = apply(node?.[key], tail);
    return copy;
  };
  return apply(object, keys);
}

/** The objects after the remediation's snippet is applied to them. */
function applyRemediation(objects: Obj[], remediation: string | null): Obj[] {
  const yaml = /```yaml\n([\s\S]*?)```/.exec(remediation ?? '')?.[1];
  if (!yaml) {
    throw new Error(`No YAML block in ${remediation}`);
  }
  let result = [...objects];
  for (const document of yaml.split(/^---\n/m).filter(d => d.trim())) {
    const header = SECTION.exec(document.split('\n')[0]);
    if (!header) {
      const object = parseAllDocuments(document)[0].toJS() as Obj;
      const same = (o: Obj) =>
        o.kind === object.kind && o.metadata?.name === object.metadata?.name;
      result = [...result.filter(o => !same(o)), object];
      continue;
    }
    // One section per header line: `# Kind "name": path`.
    for (const section of document.split(/^(?=# )/m)) {
      const [, kind, name, path = ''] = SECTION.exec(section.split('\n')[0])!;
      const fields = parseAllDocuments(section)[0].toJS();
      const at = result.findIndex(
        o => o.kind === kind && o.metadata?.name === name,
      );
      if (at === -1) {
        throw new Error(
          `The remediation names ${kind} "${name}", not in the set`,
        );
      }
      result[at] = patchPath(result[at], path, fields);
    }
  }
  return result;
}

function passing(objects: Obj[], cluster?: string): Set<string> {
  return new Set(
    evaluate(inputs(objects, cluster)).workloads.flatMap(w =>
      w.checks
        .filter(c => c.status === 'pass')
        .map(c => `${w.kind}/${w.name} ${c.id}`),
    ),
  );
}

const friends = [pdb(), networkPolicy(), service()];
const container = 'spec.template.spec.containers.0';

/** [check, failing set, target kind, cluster] */
const CASES: Array<[string, Obj[], string?, string?]> = [
  ['replicas-min', [deployment({ 'spec.replicas': 1 }), ...friends]],
  ['replicas-min', [deployment(), hpa({ 'spec.minReplicas': 1 }), ...friends]],
  [
    'replicas-min',
    [
      deployment(),
      scaledObject({
        'spec.minReplicaCount': undefined,
        'spec.maxReplicaCount': 2,
      }),
      ...friends,
    ],
  ],
  ['replicas-recommended', [deployment({ 'spec.replicas': 2 }), ...friends]],
  [
    'replicas-recommended',
    [
      deployment(),
      hpa({ 'spec.minReplicas': 2, 'spec.maxReplicas': 3 }),
      ...friends,
    ],
  ],
  [
    'rollout-strategy',
    [deployment({ 'spec.strategy': { type: 'Recreate' } }), hpa(), ...friends],
  ],
  [
    'rollout-strategy',
    [statefulSet({ 'spec.updateStrategy': { type: 'OnDelete' } })],
    'StatefulSet',
  ],
  [
    'rollout-strategy',
    [
      rollout({ 'spec.strategy': { canary: { maxUnavailable: '100%' } } }),
      ...friends,
    ],
    'Rollout',
  ],
  [
    'rollout-zero-unavailable',
    [
      deployment({
        'spec.strategy.rollingUpdate': { maxUnavailable: 1, maxSurge: 0 },
      }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'probe-readiness',
    [
      deployment({ [`${container}.readinessProbe`]: undefined }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'probe-readiness',
    [
      deployment({
        [`${container}.readinessProbe`]: undefined,
        [`${container}.livenessProbe`]: undefined,
      }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'probe-liveness',
    [
      deployment({ [`${container}.livenessProbe`]: undefined }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'probe-distinct',
    [
      deployment({
        [`${container}.livenessProbe`]: {
          httpGet: { path: '/ready', port: 8080 },
        },
      }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'resources-requests',
    [deployment({ [`${container}.resources`]: undefined }), hpa(), ...friends],
  ],
  [
    'resources-limits',
    [
      deployment({ [`${container}.resources.limits`]: undefined }),
      hpa(),
      ...friends,
    ],
  ],
  ['hpa-present', [deployment(), ...friends]],
  [
    'hpa-min-replicas',
    [
      deployment(),
      hpa({ 'spec.minReplicas': 1, 'spec.maxReplicas': 2 }),
      ...friends,
    ],
  ],
  ['hpa-range', [deployment(), hpa({ 'spec.maxReplicas': 3 }), ...friends]],
  [
    'hpa-requests',
    [
      deployment({
        [`${container}.resources.requests.cpu`]: undefined,
        [`${container}.resources.limits.cpu`]: undefined,
      }),
      hpa(),
      ...friends,
    ],
  ],
  ['pdb-present', [deployment(), hpa(), networkPolicy(), service()]],
  [
    'pdb-allows-eviction',
    [
      deployment(),
      hpa(),
      pdb({ 'spec.maxUnavailable': 0 }),
      networkPolicy(),
      service(),
    ],
  ],
  [
    'pdb-allows-eviction',
    [
      deployment(),
      hpa(),
      pdb({ 'spec.maxUnavailable': undefined, 'spec.minAvailable': '100%' }),
      networkPolicy(),
      service(),
    ],
  ],
  [
    'pdb-keeps-minimum',
    [
      deployment(),
      hpa(),
      pdb({ 'spec.maxUnavailable': 3 }),
      networkPolicy(),
      service(),
    ],
  ],
  [
    'spread-nodes',
    [
      deployment({ 'spec.template.spec.topologySpreadConstraints': [] }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'spread-zones',
    [
      deployment({
        'spec.template.spec.topologySpreadConstraints.1': undefined,
      }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'image-tag-pinned',
    [deployment({ [`${container}.image`]: 'nginx:alpine' }), hpa(), ...friends],
  ],
  [
    'security-non-root',
    [
      deployment({ [`${container}.securityContext.runAsUser`]: 0 }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'security-non-root',
    [
      deployment({
        [`${container}.securityContext.runAsUser`]: undefined,
        [`${container}.securityContext.runAsNonRoot`]: undefined,
        'spec.template.spec.securityContext': { runAsUser: 0 },
      }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'security-no-escalation',
    [
      deployment({ [`${container}.securityContext.privileged`]: true }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'security-read-only-fs',
    [
      deployment({
        [`${container}.securityContext.readOnlyRootFilesystem`]: false,
      }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'secrets-by-reference',
    [
      deployment({
        [`${container}.env.0`]: { name: 'DB_PASSWORD', value: 's3cret' },
      }),
      hpa(),
      ...friends,
    ],
  ],
  ['network-policy', [deployment(), hpa(), pdb(), service()]],
  [
    'network-policy',
    [
      deployment({
        [`${container}.ports`]: [
          { containerPort: 8080 },
          { containerPort: 9090, protocol: 'UDP' },
        ],
      }),
      hpa(),
      pdb(),
      service(),
    ],
  ],
  ['network-policy', [pod({ 'metadata.labels': undefined })], 'Pod'],
  [
    'service-selects-pods',
    [
      deployment(),
      hpa(),
      pdb(),
      networkPolicy(),
      service({ 'spec.selector': { app: 'apii', tier: 'web' } }),
    ],
    'Service',
  ],
  [
    'statefulset-headless-service',
    [statefulSet({ 'spec.serviceName': undefined })],
    'StatefulSet',
  ],
  [
    'statefulset-headless-service',
    [
      statefulSet(),
      service({ 'metadata.name': 'db', 'spec.selector': { app: 'db' } }),
    ],
    'StatefulSet',
  ],
  [
    'graceful-shutdown',
    [deployment({ [`${container}.lifecycle`]: undefined }), hpa(), ...friends],
  ],
  [
    'priority-class',
    [
      deployment({ 'spec.template.spec.priorityClassName': undefined }),
      hpa(),
      ...friends,
    ],
  ],
  [
    'hpa-target-exists',
    [
      rollout({
        'spec.template': undefined,
        'spec.workloadRef': {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: 'api',
        },
      }),
      deployment(),
      hpa(),
    ],
    'HorizontalPodAutoscaler',
  ],
  [
    'hpa-target-exists',
    [deployment(), hpa({ 'spec.scaleTargetRef.name': 'apii' }), ...friends],
    'HorizontalPodAutoscaler',
  ],
  [
    'runtime-hpa-headroom',
    [deployment(), hpa({ status: { currentReplicas: 10 } }), ...friends],
    'Deployment',
    'prod',
  ],
];

describe('remediations', () => {
  it.each(CASES)(
    '%s: applying the fix passes and breaks nothing',
    (id, objects, kind = 'Deployment', cluster) => {
      const target = { kind, cluster };
      const failing = resultOf(objects, id, target);
      expect(failing.status).toBe('fail');
      const fixed = applyRemediation(objects, failing.remediation);
      expect(resultOf(fixed, id, target)).toMatchObject({ status: 'pass' });
      const after = passing(fixed, cluster);
      expect(
        [...passing(objects, cluster)].filter(check => !after.has(check)),
      ).toEqual([]);
    },
  );

  it('pod-controller: the Deployment in place of the Pod keeps what passed', () => {
    const failing = resultOf([pod()], 'pod-controller', { kind: 'Pod' });
    const fixed = applyRemediation([], failing.remediation);
    expect(fixed.map(o => o.kind)).toEqual(['Deployment']);
    const onPod = [...passing([pod()])].map(c => c.split(' ')[1]);
    const onDeployment = [...passing(fixed)].map(c => c.split(' ')[1]);
    expect(onPod.filter(c => !onDeployment.includes(c))).toEqual([]);
  });

  it('storage-shared-rwo: a StatefulSet in place of the Deployment fails nothing new', () => {
    const objects = [
      deployment({
        'spec.template.spec.volumes': [
          { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        ],
      }),
      claim(),
      hpa(),
      ...friends,
    ];
    const failing = resultOf(objects, 'storage-shared-rwo');
    expect(failing.status).toBe('fail');
    const fixed = applyRemediation(
      objects.filter(o => o.kind !== 'Deployment'),
      failing.remediation,
    );
    const statefulSetChecks = resultOf(fixed, 'statefulset-headless-service', {
      kind: 'StatefulSet',
    });
    expect(statefulSetChecks.status).toBe('pass');
    expect(
      resultOf(fixed, 'hpa-target-exists', { kind: 'HorizontalPodAutoscaler' })
        .status,
    ).toBe('pass');
    const failingIds = (set: Obj[]) =>
      new Set(
        evaluate(inputs(set)).workloads.flatMap(w =>
          w.checks.filter(c => c.status === 'fail').map(c => c.id),
        ),
      );
    expect([...failingIds(fixed)]).toEqual([]);
    expect([...failingIds(objects)]).toEqual(['storage-shared-rwo']);
  });

  it('lets the NetworkPolicy admit the declared ports and names the Service', () => {
    const failing = resultOf(
      [deployment(), hpa(), pdb(), service()],
      'network-policy',
    );
    expect(failing.remediation).toContain('Service "api"');
    const [policy] = applyRemediation([], failing.remediation) as any[];
    expect(policy.spec.ingress).toEqual([
      { ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
  });

  it('names the container, its path and the object that holds the template', () => {
    const failing = resultOf(
      [deployment({ [`${container}.lifecycle`]: undefined })],
      'graceful-shutdown',
    );
    expect(failing.remediation).toContain(
      '# Deployment "api": spec.template.spec.containers[0] ("api")',
    );
  });
});
