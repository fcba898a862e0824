import type { V1Container } from '@kubernetes/client-node';
import { everyAppContainerHas, withoutObject } from './containers';
import type { Workload } from './model';
import { fail, NO_CONTAINERS, pass } from './outcomes';
import { cpuAndMemoryGap, limitsResource } from './resources';

function workloadWith(containers: V1Container[]): Workload {
  return {
    kind: 'Deployment',
    name: 'api',
    namespace: 'shop',
    annotations: {},
    object: { apiVersion: 'apps/v1', kind: 'Deployment' },
    spec: {},
    status: undefined,
    podSpec: { containers },
    podLabels: {},
    containers,
    initContainers: [],
    selector: undefined,
  };
}

const PASSED = pass('All good.');

describe('everyAppContainerHas', () => {
  const gap = (container: V1Container) =>
    container.image ? undefined : container.name;
  const failed = (gaps: string[]) => fail(`Missing: ${gaps.join(', ')}`);

  it('fails a pod template without containers', () => {
    expect(
      everyAppContainerHas({
        workload: workloadWith([]),
        gap,
        passed: PASSED,
        failed,
      }),
    ).toBe(NO_CONTAINERS);
  });

  it('returns the passing outcome when no container has a gap', () => {
    const workload = workloadWith([{ name: 'a', image: 'x' }]);
    expect(
      everyAppContainerHas({ workload, gap, passed: PASSED, failed }),
    ).toBe(PASSED);
  });

  it('hands every gap to failed, in container order', () => {
    const workload = workloadWith([
      { name: 'a' },
      { name: 'b', image: 'x' },
      { name: 'c' },
    ]);
    expect(
      everyAppContainerHas({ workload, gap, passed: PASSED, failed }),
    ).toEqual(fail('Missing: a, c'));
  });

  it('passes each container its position', () => {
    const positions: number[] = [];
    everyAppContainerHas({
      workload: workloadWith([{ name: 'a' }, { name: 'b' }]),
      gap: (_container, position) => {
        positions.push(position);
        return undefined;
      },
      passed: PASSED,
      failed,
    });
    expect(positions).toEqual([0, 1]);
  });
});

describe('cpuAndMemoryGap', () => {
  const gap = cpuAndMemoryGap(limitsResource);

  it.each([
    [{ cpu: '1', memory: '1Gi' }, undefined],
    [{ cpu: '1' }, '"web" (memory)'],
    [{ memory: '1Gi' }, '"web" (cpu)'],
    [{}, '"web" (cpu, memory)'],
  ])('limits %j -> %s', (limits, expected) => {
    expect(gap({ name: 'web', resources: { limits } }, 0)).toBe(expected);
  });

  it('names an unnamed container by its position', () => {
    expect(gap({} as V1Container, 1)).toBe('"#2" (cpu, memory)');
  });
});

describe('withoutObject', () => {
  const gap = withoutObject('livenessProbe');

  it.each([
    [{ httpGet: { port: 8080 } }, undefined],
    [undefined, 'web'],
    [null, 'web'],
    ['yes', 'web'],
    [[], 'web'],
  ])('livenessProbe %j -> %s', (probe, expected) => {
    expect(gap({ name: 'web', livenessProbe: probe } as V1Container, 0)).toBe(
      expected,
    );
  });
});
