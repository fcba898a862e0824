import type { ServiceCheck } from '../engine/model';
import {
  fail,
  listNames,
  notApplicable,
  pass,
  unknown,
} from '../engine/outcomes';
import { asRecord, stringMap } from '../engine/read';

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
  run({ service, selectedWorkloads, customResources, selectedPods }) {
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
      `In Service "${service.name}" (namespace "${
        service.namespace
      }"), make \`spec.selector\` a subset of the pod template labels (\`spec.template.metadata.labels\`) of the workload it routes to:\n\n\`\`\`yaml\n# Service ${
        service.name
      }\nspec:\n  selector:\n${Object.keys(selector)
        .map(key => `    ${key}: <the value in the pod template>`)
        .join('\n')}\n\`\`\``,
    );
  },
};
