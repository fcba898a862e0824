import { describeAutoscaler, roomAbove } from '../engine/autoscalers';
import type { Autoscaler, Workload, WorkloadCheck } from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, pass, plural } from '../engine/outcomes';
import { asNonEmptyString } from '../engine/read';
import { patchAt, yamlBlock } from '../engine/snippets';

/** Images of datastores that run as one instance unless set up to replicate. */
const DATASTORES = [
  'mongo',
  'mysql',
  'mariadb',
  'postgres',
  'redis',
  'valkey',
  'memcached',
  'elasticsearch',
  'opensearch',
  'rabbitmq',
  'zookeeper',
  'etcd',
  'cassandra',
];

/** The first app container image that is a well-known datastore's. */
function datastoreImage(workload: Workload): string | undefined {
  for (const container of workload.containers) {
    const image = asNonEmptyString(container.image);
    const repository = image
      ?.slice(image.lastIndexOf('/') + 1)
      .split(/[:@]/)[0]
      .toLowerCase();
    if (
      image &&
      repository &&
      // Official and Bitnami names: mongo / mongodb, postgres / postgresql.
      DATASTORES.some(name =>
        [name, `${name}db`, `${name}ql`].includes(repository),
      )
    ) {
      return image;
    }
  }
  return undefined;
}

/** @internal */
export const replicasMin: WorkloadCheck = {
  id: 'replicas-min',
  title: 'At least two replicas',
  description:
    'With a single replica every rollout, node drain or crash is an outage. Run at least two (the minReplicas threshold), counting the HPA minimum when an HPA scales the workload.',
  severity: 'critical',
  category: 'static',
  appliesTo: REPLICATED_KINDS,
  readsPodTemplate: false,
  run({ replicas, thresholds, autoscaler, workload }) {
    const min = thresholds.minReplicas;
    if (!replicas || replicas.problem !== undefined) {
      return fail(
        `${
          replicas?.problem ?? 'The replica count could not be read.'
        } Kubernetes will not run it as intended.`,
        'Set a whole number of replicas.',
      );
    }
    const count = replicas.value;
    const from = replicasFrom(autoscaler);
    if (count >= min) {
      return pass(`${plural(count, 'replica')}${from}.`);
    }
    return fail(
      `Only ${plural(
        count,
        'replica',
      )}${from}; at least ${min} are needed so that one pod can go down without an outage.`,
      moreReplicas(workload, autoscaler, Math.max(min, 2)),
    );
  },
};

/**
 * Where the replica count comes from, for messages: ` (HPA minReplicas)`.
 *
 * @internal
 */
export function replicasFrom(autoscaler: Autoscaler | undefined): string {
  if (!autoscaler) {
    return '';
  }
  const kind = autoscaler.kind === 'ScaledObject' ? 'ScaledObject' : 'HPA';
  return ` (${kind} ${autoscaler.fields.min})`;
}

/** How to get more replicas: from the autoscaler, the spec, or (datastores) elsewhere. */
function moreReplicas(
  workload: Workload,
  autoscaler: Autoscaler | undefined,
  wanted: number,
): string {
  if (autoscaler) {
    const { max, fields } = autoscaler;
    const bounds: Record<string, number> = { [fields.min]: wanted };
    if (max.problem !== undefined || max.value <= wanted) {
      bounds[fields.max] = roomAbove(wanted);
    }
    return `Raise the minimum of ${describeAutoscaler(
      autoscaler,
    )} (it overrides spec.replicas):\n\n${yamlBlock([
      patchAt(autoscaler, 'spec', bounds),
    ])}`;
  }
  const datastore =
    workload.kind === 'Deployment' ? datastoreImage(workload) : undefined;
  if (datastore) {
    return `${workload.kind} "${workload.name}" runs ${datastore}, a single-instance datastore: more replicas of it would be independent copies behind one Service, each with its own data. Run it as a replicated StatefulSet (its own replication set up, e.g. by the datastore's operator or Helm chart), or use a managed service, rather than raising \`spec.replicas\`.`;
  }
  return `Run more replicas (or add an HPA with minReplicas ≥ ${wanted}):\n\n${yamlBlock(
    [patchAt(workload, 'spec', { replicas: wanted })],
  )}`;
}
