import { everyAppContainerHas, lacking } from '../engine/containers';
import type { Workload, WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { fail, listNames, pass } from '../engine/outcomes';
import { asNonEmptyString, asRecord, records } from '../engine/read';
import { containerPatch, podSpecPatch, yamlBlock } from '../engine/snippets';

const PASSED = pass('Every app container has a read-only root filesystem.');

const writableRoot = lacking(
  container =>
    asRecord(container.securityContext)?.readOnlyRootFilesystem === true,
);

/** @internal */
export const securityReadOnlyFs: WorkloadCheck = {
  id: 'security-read-only-fs',
  title: 'Read-only root filesystem',
  description:
    'A read-only root filesystem stops a compromised or buggy process from changing the container, and keeps state out of places that vanish on restart.',
  severity: 'low',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    return everyAppContainerHas({
      workload,
      gap: writableRoot,
      passed: PASSED,
      failed: gaps =>
        fail(
          `Container ${listNames(gaps)} can write to its root filesystem.`,
          `Make the root filesystem read-only and mount an emptyDir where the app must write (/tmp here; add the other paths it writes to):\n\n${yamlBlock(
            readOnlyPatches(workload),
          )}`,
        ),
    });
  },
};

/** Read-only roots for the writable containers, with a /tmp emptyDir each lacks. */
function readOnlyPatches(workload: Workload): string[] {
  const taken = new Set(
    records(workload.podSpec.volumes).map(v => asNonEmptyString(v.name)),
  );
  let volume = 'tmp';
  for (let i = 2; taken.has(volume); i++) {
    volume = `tmp-${i}`;
  }
  let needsVolume = false;
  const patches = workload.containers.flatMap((container, i) => {
    if (writableRoot(container, i) === undefined) {
      return [];
    }
    const mountsTmp = records(container.volumeMounts).some(
      m => m.mountPath === '/tmp',
    );
    needsVolume ||= !mountsTmp;
    return [
      containerPatch(workload, container, {
        securityContext: { readOnlyRootFilesystem: true },
        ...(mountsTmp
          ? {}
          : { volumeMounts: [{ name: volume, mountPath: '/tmp' }] }),
      }),
    ];
  });
  return needsVolume
    ? [
        ...patches,
        podSpecPatch(workload, { volumes: [{ name: volume, emptyDir: {} }] }),
      ]
    : patches;
}
