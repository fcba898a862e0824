import type { WorkloadCheck, WorkloadSubject } from '../engine/model';
import { DEPLOYMENT_KINDS } from '../engine/model';
import { fail, listNames, pass, unknown } from '../engine/outcomes';
import { asNonEmptyString, asRecord, records } from '../engine/read';
import { scaleTargetRefOf } from '../engine/autoscalers';
import { newObject, patchAt, yamlBlock } from '../engine/snippets';
import { ownPodLabels } from '../engine/spreading';

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
  run(subject) {
    const { workload, replicas, claimNamed } = subject;
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
        perReplicaVolumes(subject, singleNode),
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

/**
 * The StatefulSet that gives each replica its own copy of the shared
 * claims (the same pod template, each claim as a volume claim template of
 * its volume's name and the claim's spec), with the headless Service it
 * needs and its autoscaler retargeted; or ReadWriteMany storage.
 */
function perReplicaVolumes(subject: WorkloadSubject, shared: string[]): string {
  const { workload, autoscaler, claimNamed, servicesNamed } = subject;
  // The Service that gives the pods their names must be headless: beside
  // an ordinary Service of the workload's name it takes another name.
  const serviceName =
    servicesNamed(workload.name).length > 0
      ? `${workload.name}-headless`
      : workload.name;
  const volumes = records(workload.podSpec.volumes);
  const sharedVolume = (volume: Record<string, unknown>) => {
    const name = asNonEmptyString(
      asRecord(volume.persistentVolumeClaim)?.claimName,
    );
    return name !== undefined && shared.includes(name);
  };
  const templates = volumes.filter(sharedVolume).map(volume => {
    const claim = claimNamed(
      asNonEmptyString(asRecord(volume.persistentVolumeClaim)?.claimName)!,
    );
    const spec = asRecord(claim?.spec) ?? {};
    return {
      metadata: { name: volume.name },
      spec: {
        accessModes: ['ReadWriteOnce'],
        ...(spec.storageClassName
          ? { storageClassName: spec.storageClassName }
          : {}),
        resources: spec.resources,
      },
    };
  });
  const template = asRecord(workload.spec.template) ?? {};
  const sections = [
    newObject({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: workload.name, namespace: workload.namespace },
      spec: {
        replicas: workload.spec.replicas,
        serviceName,
        selector: workload.selector,
        template: {
          ...template,
          spec: {
            ...workload.podSpec,
            volumes: volumes.filter(volume => !sharedVolume(volume)),
          },
        },
        volumeClaimTemplates: templates,
      },
    }),
    newObject({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: serviceName, namespace: workload.namespace },
      spec: { clusterIP: 'None', selector: ownPodLabels(workload) },
    }),
  ];
  if (autoscaler) {
    sections.push(
      patchAt(
        autoscaler,
        'spec.scaleTargetRef',
        scaleTargetRefOf({ kind: 'StatefulSet', name: workload.name }),
      ),
    );
  }
  return `Give each replica its own volume: replace ${workload.kind} "${
    workload.name
  }" with this StatefulSet (and a headless Service for its pods' names), move the data out of ${listNames(
    shared,
  )} and delete ${
    shared.length === 1 ? 'it' : 'them'
  }. Or, where the data can be shared, use storage that supports ReadWriteMany.\n\n${yamlBlock(
    sections,
  )}`;
}
