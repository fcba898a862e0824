import type {
  HorizontalPodAutoscaler,
  Workload,
  WorkloadCheck,
} from '../engine/model';
import { REPLICATED_KINDS } from '../engine/model';
import { fail, pass, plural } from '../engine/outcomes';
import { asNonEmptyString, asRecord } from '../engine/read';

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
  run({ replicas, thresholds, hpa, workload }) {
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
    const from = hpa ? ' (HPA minReplicas)' : '';
    if (count >= min) {
      return pass(`${plural(count, 'replica')}${from}.`);
    }
    return fail(
      `Only ${plural(
        count,
        'replica',
      )}${from}; at least ${min} are needed so that one pod can go down without an outage.`,
      moreReplicas(workload, hpa, Math.max(min, 2)),
    );
  },
};

/** How to get more replicas: from the HPA, the spec, or (datastores) elsewhere. */
function moreReplicas(
  workload: Workload,
  hpa: HorizontalPodAutoscaler | undefined,
  wanted: number,
): string {
  if (hpa) {
    return `Raise the minimum of HorizontalPodAutoscaler "${
      asNonEmptyString(asRecord(hpa.metadata)?.name) ?? '(unnamed)'
    }":\n\n\`\`\`yaml\nspec:\n  minReplicas: ${wanted}\n\`\`\``;
  }
  const datastore =
    workload.kind === 'Deployment' ? datastoreImage(workload) : undefined;
  if (datastore) {
    return `${workload.kind} "${workload.name}" runs ${datastore}, a single-instance datastore: more replicas of it would be independent copies behind one Service, each with its own data. Run it as a replicated StatefulSet (its own replication set up, e.g. by the datastore's operator or Helm chart), or use a managed service, rather than raising \`spec.replicas\`.`;
  }
  return `Run more replicas (or add an HPA with minReplicas ≥ ${wanted}):\n\n\`\`\`yaml\nspec:\n  replicas: ${wanted}\n\`\`\``;
}
