import { check, workload } from '../__fixtures__/workloads';
import { groupWorkloads } from './workloadGroups';

describe('groupWorkloads', () => {
  it('shows a workload of three clusters once, each check saying where it fails', () => {
    const groups = groupWorkloads([
      workload('web', 'prod-eu', [
        check('replicas-min', 'fail', 'critical', '1 replica'),
        check('probe-readiness', 'pass', 'high'),
      ]),
      workload('web', 'prod-us', [
        check('replicas-min', 'fail', 'critical', '1 replica'),
        check('probe-readiness', 'pass', 'high'),
      ]),
      workload('web', 'staging', [
        check('replicas-min', 'pass', 'critical', '2 replicas'),
        check('probe-readiness', 'pass', 'high'),
      ]),
      workload('web', 'prod-eu', [check('service-selects-pods')], 'Service'),
    ]);
    expect(groups.map(g => g.key)).toEqual([
      'Deployment/shop/web',
      'Service/shop/web',
    ]);
    const [replicas, probe] = groups[0].rows;
    expect(replicas).toMatchObject({
      id: 'replicas-min',
      status: 'fail',
      failingIn: ['prod-eu', 'prod-us'],
    });
    expect(replicas.differing.map(r => r.cluster)).toEqual(['staging']);
    expect(probe).toMatchObject({ status: 'pass', differing: [] });
  });

  it('nests a runtime symptom under the static check that causes it, only when both fail', () => {
    const [group] = groupWorkloads([
      workload('cart', 'prod-eu', [
        check('spread-nodes', 'fail', 'high'),
        check('runtime-node-spread', 'fail', 'high'),
        check('runtime-zone-spread', 'fail', 'medium'),
        check('spread-zones', 'pass', 'medium'),
      ]),
    ]);
    expect(group.rows.map(r => r.id)).toEqual([
      'spread-nodes',
      'runtime-zone-spread',
      'spread-zones',
    ]);
    expect(group.rows[0].symptoms.map(r => r.id)).toEqual([
      'runtime-node-spread',
    ]);
  });

  it('orders rows by worst outcome, then severity, then id', () => {
    const [group] = groupWorkloads([
      workload('web', undefined, [
        check('b', 'pass', 'critical'),
        check('c', 'fail', 'low'),
        check('a', 'fail', 'high'),
        check('d', 'exempt', 'critical'),
      ]),
    ]);
    expect(group.rows.map(r => r.id)).toEqual(['a', 'c', 'd', 'b']);
  });
});
