import { availabilityChecks, checkCatalog, getCheck } from '.';

/** The catalog of the product contract (/docs checks.md): id, severity, category. */
const CONTRACT: Array<[string, string, string]> = [
  ['replicas-min', 'critical', 'static'],
  ['replicas-recommended', 'low', 'static'],
  ['rollout-strategy', 'high', 'static'],
  ['rollout-zero-unavailable', 'medium', 'static'],
  ['probe-readiness', 'high', 'static'],
  ['probe-liveness', 'high', 'static'],
  ['probe-distinct', 'medium', 'static'],
  ['resources-requests', 'high', 'static'],
  ['resources-limits', 'medium', 'static'],
  ['hpa-present', 'medium', 'static'],
  ['hpa-min-replicas', 'high', 'static'],
  ['hpa-target-exists', 'medium', 'static'],
  ['hpa-range', 'low', 'static'],
  ['hpa-requests', 'high', 'static'],
  ['pdb-present', 'high', 'static'],
  ['pdb-allows-eviction', 'high', 'static'],
  ['pdb-keeps-minimum', 'medium', 'static'],
  ['spread-nodes', 'high', 'static'],
  ['spread-zones', 'medium', 'static'],
  ['image-tag-pinned', 'high', 'static'],
  ['security-non-root', 'high', 'static'],
  ['security-no-escalation', 'medium', 'static'],
  ['security-read-only-fs', 'low', 'static'],
  ['secrets-by-reference', 'high', 'static'],
  ['network-policy', 'medium', 'static'],
  ['service-selects-pods', 'medium', 'static'],
  ['statefulset-headless-service', 'medium', 'static'],
  ['storage-shared-rwo', 'high', 'static'],
  ['graceful-shutdown', 'low', 'static'],
  ['priority-class', 'low', 'static'],
  ['pod-controller', 'critical', 'static'],
  ['runtime-ready', 'critical', 'runtime'],
  ['runtime-restarts', 'high', 'runtime'],
  ['runtime-node-spread', 'high', 'runtime'],
  ['runtime-zone-spread', 'medium', 'runtime'],
  ['runtime-hpa-headroom', 'medium', 'runtime'],
  ['runtime-pdb-healthy', 'medium', 'runtime'],
  ['dockerfile-pinned-base', 'high', 'dockerfile'],
  ['dockerfile-non-root', 'high', 'dockerfile'],
  ['dockerfile-multi-stage', 'low', 'dockerfile'],
  ['dockerfile-healthcheck', 'low', 'dockerfile'],
  ['dockerfile-dockerignore', 'low', 'dockerfile'],
];

describe('check catalog', () => {
  it('holds exactly the contract checks with their severities and categories', () => {
    expect(
      [...checkCatalog.map(c => [c.id, c.severity, c.category])].sort(),
    ).toEqual([...CONTRACT].sort());
  });

  it('has unique ids and a title and description for each', () => {
    expect(new Set(checkCatalog.map(c => c.id)).size).toBe(checkCatalog.length);
    for (const check of checkCatalog) {
      expect(check.title.length).toBeGreaterThan(3);
      expect(check.description.length).toBeGreaterThan(20);
      expect(Object.keys(check).sort()).toEqual([
        'category',
        'description',
        'id',
        'severity',
        'title',
      ]);
    }
  });

  it('pairs the Dockerfile kind with its category', () => {
    for (const check of availabilityChecks) {
      expect(check.appliesTo.includes('Dockerfile' as never)).toBe(
        check.category === 'dockerfile',
      );
      expect(check.appliesTo.length).toBeGreaterThan(0);
    }
  });

  it('looks checks up by id', () => {
    expect(getCheck('replicas-min')).toMatchObject({ severity: 'critical' });
    expect(getCheck('nope')).toBeUndefined();
  });
});
