import { availableFixes, simulateFixes } from './simulateFixes';
import { deployment, inputs, pdb } from '../../checks/__fixtures__/objects';
import { evaluate } from '../../engine';

describe('simulateFixes', () => {
  const single = deployment({
    'spec.replicas': 1,
    'spec.template.spec.topologySpreadConstraints': undefined,
    'spec.template.spec.affinity': undefined,
  });
  const objects = [
    ...inputs([single], 'prod-eu'),
    ...inputs([single], 'prod-us'),
  ];
  const fix = (checkId: string) => ({
    checkId,
    kind: 'Deployment',
    namespace: 'shop',
    name: 'api',
  });

  it('offers the failing checks it can fix, once per workload', () => {
    const fixes = availableFixes(evaluate(objects));
    expect(fixes.find(f => f.checkId === 'replicas-min')).toMatchObject({
      severity: 'critical',
      clusters: ['prod-eu', 'prod-us'],
    });
  });

  it('re-scores with the fixes applied and gives one merged patch per workload', () => {
    const result = simulateFixes({
      objects,
      fixes: [fix('replicas-min'), fix('spread-nodes')],
    });
    expect(result.after.score!).toBeGreaterThan(result.before.score!);
    expect(result.skipped).toEqual([]);
    expect(result.patches).toHaveLength(1);
    const [patch] = result.patches;
    expect(patch).toMatchObject({
      kind: 'Deployment',
      name: 'api',
      clusters: ['prod-eu', 'prod-us'],
      checks: ['replicas-min', 'spread-nodes'],
    });
    expect(patch.changes).toEqual([
      {
        action: 'patch',
        object: expect.objectContaining({ kind: 'Deployment' }),
        patch: {
          spec: {
            replicas: 2,
            template: {
              spec: {
                topologySpreadConstraints: [
                  expect.objectContaining({
                    topologyKey: 'kubernetes.io/hostname',
                  }),
                ],
              },
            },
          },
        },
      },
    ]);
    expect(patch.yaml).toContain(
      '# kubectl patch deployment api -n shop --type strategic',
    );
    const entry = result.report.workloads.find(w => w.cluster === 'prod-eu')!;
    expect(entry.checks.find(c => c.id === 'replicas-min')?.status).toBe(
      'pass',
    );
  });

  it('replaces a blocking PDB field rather than adding a second one', () => {
    const strict = pdb({
      'spec.maxUnavailable': undefined,
      'spec.minAvailable': '100%',
    });
    const result = simulateFixes({
      objects: inputs([deployment(), strict]),
      fixes: [fix('pdb-allows-eviction')],
    });
    expect(result.patches[0].changes[0]).toMatchObject({
      action: 'patch',
      patch: { spec: { minAvailable: null, maxUnavailable: 1 } },
    });
    const entry = result.report.workloads.find(w => w.kind === 'Deployment')!;
    expect(entry.checks.find(c => c.id === 'pdb-allows-eviction')?.status).toBe(
      'pass',
    );
  });

  it('says why a fix was not applied', () => {
    const result = simulateFixes({
      objects,
      fixes: [fix('image-tag-pinned'), fix('probe-readiness')],
    });
    expect(result.skipped.map(s => [s.checkId, s.reason])).toEqual([
      [
        'image-tag-pinned',
        'no automatic fix for this check; see its remediation',
      ],
      ['probe-readiness', 'the check does not fail on this workload'],
    ]);
  });
});
