import type { WorkloadCheck } from '../engine/model';
import { fail, pass, unknown } from '../engine/outcomes';
import { asNonEmptyString, asRecord, records, stringMap } from '../engine/read';
import type { Workload } from '../engine/model';
import { mapSelectorMatches } from '../engine/selectors';
import { newObject, patchAt, yamlBlock } from '../engine/snippets';
import { ownPodLabels } from '../engine/spreading';

/** @internal */
export const statefulsetHeadlessService: WorkloadCheck = {
  id: 'statefulset-headless-service',
  title: 'Headless Service for the StatefulSet',
  description:
    'A StatefulSet gives its pods stable DNS names only through a headless Service (clusterIP: None) named by spec.serviceName that selects them; peers and clients rely on those names.',
  severity: 'medium',
  category: 'static',
  appliesTo: ['StatefulSet'],
  run({ workload, servicesNamed }) {
    const serviceName = asNonEmptyString(workload.spec.serviceName);
    const snippet = (name: string) =>
      yamlBlock([headlessService(workload, name)]);
    if (!serviceName) {
      return fail(
        'spec.serviceName is not set, so the pods get no stable DNS names.',
        `Name a headless Service in \`spec.serviceName\` (set at creation: the StatefulSet must be recreated) and add it:\n\n${yamlBlock(
          [
            patchAt(workload, 'spec', { serviceName: workload.name }),
            headlessService(workload, workload.name),
          ],
        )}`,
      );
    }
    const services = servicesNamed(serviceName);
    if (services.length === 0) {
      return unknown(
        `Service "${serviceName}" (spec.serviceName) is not in the input, so it cannot be checked.`,
      );
    }
    const spec = asRecord(services[0].spec);
    if (spec?.clusterIP !== 'None') {
      return fail(
        `Service "${serviceName}" is not headless (clusterIP: None), so the pods get no per-pod DNS names.`,
        `clusterIP cannot be changed in place: recreate the Service as headless.\n\n${snippet(
          serviceName,
        )}`,
      );
    }
    if (!mapSelectorMatches(stringMap(spec.selector), workload.podLabels)) {
      return fail(
        `Headless Service "${serviceName}" does not select the StatefulSet's pods.`,
        `Make its selector match the pod template labels:\n\n${snippet(
          serviceName,
        )}`,
      );
    }
    return pass(`Headless Service "${serviceName}" selects the pods.`);
  },
};

/** A headless Service over the pods and every port their containers declare. */
function headlessService(workload: Workload, name: string): string {
  const ports = workload.containers.flatMap(container =>
    records(container.ports).flatMap(port =>
      typeof port.containerPort === 'number'
        ? [
            {
              ...(asNonEmptyString(port.name) ? { name: port.name } : {}),
              port: port.containerPort,
              ...(port.protocol && port.protocol !== 'TCP'
                ? { protocol: port.protocol }
                : {}),
            },
          ]
        : [],
    ),
  );
  return newObject({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: workload.namespace },
    spec: {
      clusterIP: 'None',
      selector: ownPodLabels(workload),
      // A headless Service needs no port for DNS; list what clients use.
      ...(ports.length > 0 ? { ports } : {}),
    },
  });
}
