import type { ServiceCheck } from '../engine/model';
import { fail, listNames, notApplicable, pass } from '../engine/outcomes';
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
  run({ service, selectedWorkloads }) {
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
    const shown = Object.entries(selector)
      .map(([key, value]) => `${key}=${value}`)
      .join(', ');
    return fail(
      `The selector (${shown}) matches no workload's pod template in namespace "${service.namespace}", so the Service has no endpoints.`,
      "Make the selector match the labels of the workload's pod template:\n\n```yaml\nspec:\n  selector:\n    app: my-app # as in spec.template.metadata.labels\n```",
    );
  },
};
