import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { singleReplicaBudget } from '../engine/disruption';
import { fail } from '../engine/outcomes';
import { selectedByPass } from '../engine/selectedBy';
import { newObject, yamlBlock } from '../engine/snippets';
import { ownPodLabels } from '../engine/spreading';

/** @internal */
export const pdbPresent: WorkloadCheck = {
  id: 'pdb-present',
  title: 'PodDisruptionBudget',
  description:
    'Without a PodDisruptionBudget, a node drain or cluster upgrade may evict every pod of the workload at once.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ pdbs, replicas, workload }) {
    if (replicas?.value !== undefined && replicas.value < 2) {
      return singleReplicaBudget(replicas.value);
    }
    if (pdbs.length > 0) {
      return selectedByPass('PodDisruptionBudget', pdbs);
    }
    return fail(
      `No PodDisruptionBudget selects the pods of ${workload.kind} "${workload.name}": a node drain may evict all of them at once.`,
      `Let drains take one pod at a time:\n\n${yamlBlock([
        newObject({
          apiVersion: 'policy/v1',
          kind: 'PodDisruptionBudget',
          metadata: { name: workload.name, namespace: workload.namespace },
          spec: {
            maxUnavailable: 1,
            selector: { matchLabels: ownPodLabels(workload) },
          },
        }),
      ])}`,
    );
  },
};
