import { describeAutoscaler, scaleTargetRefOf } from '../engine/autoscalers';
import type { Autoscaler, AutoscalerCheck, Workload } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail, listNames, pass, unknown } from '../engine/outcomes';
import { patchAt, yamlBlock } from '../engine/snippets';

/** @internal */
export const hpaTargetExists: AutoscalerCheck = {
  id: 'hpa-target-exists',
  title: 'Autoscaler targets a workload',
  description:
    'An HPA or ScaledObject whose scaleTargetRef names no workload scales nothing, and hides the missing autoscaler of the workload it was meant for.',
  severity: 'medium',
  category: 'static',
  appliesTo: ['HorizontalPodAutoscaler', 'ScaledObject'],
  run({ autoscaler, target, replacedBy, unscaled }) {
    const { targetKind: kind, targetName: name } = autoscaler;
    if (kind === undefined || name === undefined) {
      return fail(
        `${describeAutoscaler(
          autoscaler,
        )} has no scaleTargetRef kind and name, so it scales nothing.`,
        `In ${describeAutoscaler(
          autoscaler,
        )}, name the workload it scales in \`spec.scaleTargetRef\` by kind and name (a Deployment, Rollout or StatefulSet of the same namespace).`,
      );
    }
    if (replacedBy) {
      return fail(
        `It targets Deployment "${name}", whose pod template Rollout "${replacedBy.name}" runs (workloadRef): the Rollout owns the pods, so scaling the Deployment protects nothing.`,
        `Target the Rollout:\n\n${yamlBlock([
          patchAt(
            autoscaler,
            'spec.scaleTargetRef',
            scaleTargetRefOf(replacedBy),
          ),
        ])}`,
      );
    }
    if (target) {
      return pass(`Targets ${kind} "${name}".`);
    }
    if (!(ALL_WORKLOAD_KINDS as readonly string[]).includes(kind)) {
      return unknown(
        `It targets a ${kind}, a kind the checks do not evaluate, so whether "${name}" exists is not known.`,
      );
    }
    return fail(
      `It targets ${kind} "${name}", which is not in namespace "${autoscaler.namespace}" of the input: it scales nothing, and the workload it was meant for shows no autoscaler.`,
      retarget(autoscaler, unscaled),
    );
  },
};

/**
 * How to point a dangling autoscaler at a workload: the namespace's only
 * workload that no autoscaler scales, else the candidates by name.
 */
function retarget(
  autoscaler: Autoscaler,
  unscaled: readonly Workload[],
): string {
  const where = `In ${describeAutoscaler(
    autoscaler,
  )}, make \`spec.scaleTargetRef\` name the workload to scale by its kind and name`;
  if (unscaled.length === 1) {
    const [workload] = unscaled;
    return `${where}; if it is meant for ${workload.kind} "${
      workload.name
    }", the only workload of the namespace without an autoscaler:\n\n${yamlBlock(
      [patchAt(autoscaler, 'spec.scaleTargetRef', scaleTargetRefOf(workload))],
    )}`;
  }
  return `${where}${
    unscaled.length > 0
      ? ` (without an autoscaler in its namespace: ${listNames(
          unscaled.map(w => `${w.kind}/${w.name}`),
        )})`
      : ''
  }, or delete the autoscaler if that workload is gone.`;
}
