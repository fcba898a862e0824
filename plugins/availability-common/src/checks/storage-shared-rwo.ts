import type { WorkloadCheck } from '../engine/model';
import { DEPLOYMENT_KINDS } from '../engine/model';
import { fail, listNames, pass, unknown } from '../engine/outcomes';
import { asNonEmptyString, asRecord, records } from '../engine/read';

const SINGLE_NODE_MODES = ['ReadWriteOnce', 'ReadWriteOncePod'];

const NO_CLAIMS = pass('Mounts no PersistentVolumeClaim.');

/** @internal */
export const storageSharedRwo: WorkloadCheck = {
  id: 'storage-shared-rwo',
  title: 'No shared ReadWriteOnce volume',
  description:
    'A Deployment with several replicas sharing one ReadWriteOnce claim can only run on one node: extra pods hang in ContainerCreating, and rollouts and node failures stall. Use a StatefulSet with volumeClaimTemplates or ReadWriteMany storage.',
  severity: 'high',
  category: 'static',
  appliesTo: DEPLOYMENT_KINDS,
  run({ workload, replicas, claimNamed }) {
    const claims = records(workload.podSpec.volumes).flatMap(volume => {
      const name = asNonEmptyString(
        asRecord(volume.persistentVolumeClaim)?.claimName,
      );
      return name ? [name] : [];
    });
    if (claims.length === 0) {
      return NO_CLAIMS;
    }
    if (!replicas || replicas.problem !== undefined) {
      return unknown(
        replicas?.problem ?? 'The replica count could not be read.',
      );
    }
    if (replicas.value <= 1) {
      return pass(`Mounts ${listNames(claims)} with a single replica.`);
    }
    const missing = claims.filter(name => !claimNamed(name));
    const singleNode = claims.filter(name => {
      const modes = asRecord(claimNamed(name)?.spec)?.accessModes;
      return (
        Array.isArray(modes) &&
        modes.some(mode => SINGLE_NODE_MODES.includes(mode))
      );
    });
    if (singleNode.length > 0) {
      return fail(
        `${replicas.value} replicas share the ReadWriteOnce claim ${listNames(
          singleNode,
        )}: only pods on one node can mount it.`,
        'Give each replica its own volume with a StatefulSet, or use storage that supports ReadWriteMany:\n\n```yaml\nkind: StatefulSet\nspec:\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources:\n          requests:\n            storage: 10Gi\n```',
      );
    }
    if (missing.length > 0) {
      return unknown(
        `Claim ${listNames(
          missing,
        )} is not in the input, so its access mode is unknown.`,
      );
    }
    return pass(`The claims ${listNames(claims)} can be shared across nodes.`);
  },
};
