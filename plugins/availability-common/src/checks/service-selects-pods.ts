import type { ServiceCheck, ServiceTarget, Workload } from '../engine/model';
import {
  fail,
  listNames,
  notApplicable,
  pass,
  unknown,
} from '../engine/outcomes';
import { asRecord, hasOwn, stringMap } from '../engine/read';
import { patchAt, yamlBlock } from '../engine/snippets';
import { ownPodLabels } from '../engine/spreading';

const EXTERNAL_NAME = notApplicable(
  'An ExternalName Service points outside the cluster and selects no pods.',
);
const NO_SELECTOR = notApplicable(
  'The Service has no selector; its endpoints are managed by hand.',
);

/** @internal */
export const serviceSelectsPods: ServiceCheck = {
  id: 'service-selects-pods',
  title: 'Service selects pods',
  description:
    "A Service whose selector matches no workload's pods has no endpoints: every request to it fails.",
  severity: 'medium',
  category: 'static',
  appliesTo: ['Service'],
  run({
    service,
    selectedWorkloads,
    namespaceWorkloads,
    customResources,
    selectedPods,
  }) {
    const spec = asRecord(service.object.spec);
    if (spec?.type === 'ExternalName') {
      return EXTERNAL_NAME;
    }
    const selector = stringMap(spec?.selector);
    if (Object.keys(selector).length === 0) {
      return NO_SELECTOR;
    }
    if (selectedWorkloads.length > 0) {
      return pass(
        `Selects the pods of ${listNames(
          selectedWorkloads.map(w => `${w.kind}/${w.name}`),
        )}.`,
      );
    }
    if (selectedPods > 0) {
      return pass(
        `Selects ${selectedPods} live ${
          selectedPods === 1 ? 'pod' : 'pods'
        } of its namespace that no workload in the input owns.`,
      );
    }
    const shown = Object.entries(selector)
      .map(([key, value]) => `${key}=${value}`)
      .join(', ');
    if (customResources > 0) {
      return unknown(
        `The selector (${shown}) matches no workload's pod template in namespace "${service.namespace}", but the namespace has custom resources in the input: the pods may be an operator's.`,
      );
    }
    return fail(
      `The selector (${shown}) matches no workload's pod template in namespace "${service.namespace}", so the Service has no endpoints.`,
      selectorFix(service, selector, namespaceWorkloads),
    );
  },
};

/**
 * The selector of the workload the Service most likely routes to: the one
 * whose pod labels share the most keys with it (its values for those keys,
 * the keys it lacks removed), or the only workload of the namespace.
 */
function selectorFix(
  service: ServiceTarget,
  selector: Record<string, string>,
  workloads: readonly Workload[],
): string {
  const keys = Object.keys(selector);
  const shared = (w: Workload) =>
    keys.reduce((count, k) => (hasOwn(w.podLabels, k) ? count + 1 : count), 0);
  // The first of those sharing the most keys.
  let best: Workload | undefined;
  let bestShared = -1;
  for (const workload of workloads) {
    const count = shared(workload);
    if (count > bestShared) {
      best = workload;
      bestShared = count;
    }
  }
  const target =
    best && (bestShared > 0 || workloads.length === 1) ? best : undefined;
  if (!target) {
    return `In Service "${service.name}" (namespace "${
      service.namespace
    }"), make \`spec.selector\` a subset of the pod template labels (\`spec.template.metadata.labels\`) of the workload it routes to; ${
      workloads.length === 0
        ? 'the input has no workload in this namespace'
        : 'no workload of the namespace carries any of its keys'
    }.`;
  }
  const fields: Record<string, string | null> = {};
  for (const key of keys) {
    fields[key] = target.podLabels[key] ?? null;
  }
  if (bestShared === 0) {
    Object.assign(fields, ownPodLabels(target));
  }
  return `If it routes to ${target.kind} "${
    target.name
  }", select its pods by their labels (\`null\` removes a key they do not carry):\n\n${yamlBlock(
    [patchAt(service, 'spec.selector', fields)],
  )}`;
}
