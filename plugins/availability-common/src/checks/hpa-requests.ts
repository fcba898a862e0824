import { describeAutoscaler } from '../engine/autoscalers';
import { containerName } from '../engine/containers';
import type { WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, NO_HPA, notApplicable, pass } from '../engine/outcomes';
import { requestsResource, startingAmount } from '../engine/resources';
import { containerPatch, yamlBlock } from '../engine/snippets';

const NO_RESOURCE_METRIC = notApplicable(
  'The autoscaler does not scale on resource utilization.',
);

/** @internal */
export const hpaRequests: WorkloadCheck = {
  id: 'hpa-requests',
  title: 'Requests for what the HPA scales on',
  description:
    'An HPA (or a KEDA cpu or memory trigger) scaling on utilization divides usage by the request. Without a request it cannot compute utilization and never scales.',
  severity: 'high',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  run({ autoscaler, workload }) {
    if (!autoscaler) {
      return NO_HPA;
    }
    const scaled = autoscaler.resources;
    if (scaled.length === 0) {
      return NO_RESOURCE_METRIC;
    }
    const gaps: string[] = [];
    const patches: string[] = [];
    workload.containers.forEach((container, i) => {
      const name = containerName(container, i);
      const missing = [
        ...new Set(
          scaled
            .filter(
              ({ resource, container: only }) =>
                (only === undefined || only === name) &&
                !requestsResource(container, resource),
            )
            .map(s => s.resource),
        ),
      ];
      if (missing.length > 0) {
        gaps.push(`"${name}" (${missing.join(', ')})`);
        patches.push(
          containerPatch(workload, container, {
            resources: {
              requests: Object.fromEntries(
                missing.map(r => [r, startingAmount('requests', r)]),
              ),
            },
          }),
        );
      }
    });
    const names = [...new Set(scaled.map(s => s.resource))].join(' and ');
    if (gaps.length === 0) {
      return pass(
        `Every container requests the ${names} ${describeAutoscaler(
          autoscaler,
        )} scales on.`,
      );
    }
    return fail(
      `${describeAutoscaler(
        autoscaler,
      )} scales on ${names} utilization, but ${gaps.join(
        '; ',
      )} has no request, so it cannot compute utilization and will not scale.`,
      `Request what each container uses under normal load (these are starting values: size them from its real use):\n\n${yamlBlock(
        patches,
      )}`,
    );
  },
};
