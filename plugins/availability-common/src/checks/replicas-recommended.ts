import { roomAbove } from '../engine/autoscalers';
import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, pass, plural, unknown } from '../engine/outcomes';
import { patchAt, yamlBlock } from '../engine/snippets';
import { replicasFrom } from './replicas-min';

const RECOMMENDED = 3;

/** @internal */
export const replicasRecommended: WorkloadCheck = {
  id: 'replicas-recommended',
  title: 'Three replicas or more',
  description:
    'With two replicas, one pod down for a rollout or a node drain leaves a single pod carrying all traffic with no margin. Three replicas keep redundancy during maintenance.',
  severity: 'low',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  readsPodTemplate: false,
  run({ replicas, autoscaler, workload }) {
    if (!replicas || replicas.problem !== undefined) {
      return unknown(
        replicas?.problem ?? 'The replica count could not be read.',
      );
    }
    const from = replicasFrom(autoscaler);
    if (replicas.value >= RECOMMENDED) {
      return pass(`${plural(replicas.value, 'replica')}${from}.`);
    }
    return fail(
      `${plural(
        replicas.value,
        'replica',
      )}${from}; ${RECOMMENDED} keep redundancy while one pod is down for maintenance.`,
      yamlBlock([
        autoscaler
          ? patchAt(autoscaler, 'spec', {
              [autoscaler.fields.min]: RECOMMENDED,
              ...(autoscaler.max.problem !== undefined ||
              autoscaler.max.value <= RECOMMENDED
                ? { [autoscaler.fields.max]: roomAbove(RECOMMENDED) }
                : {}),
            })
          : patchAt(workload, 'spec', { replicas: RECOMMENDED }),
      ]),
    );
  },
};
