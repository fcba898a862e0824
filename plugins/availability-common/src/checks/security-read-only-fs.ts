import type { V1Container } from '@kubernetes/client-node';
import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName, everyAppContainerHas } from '../engine/containers';
import { fail, listNames, pass } from '../engine/outcomes';
import { asRecord } from '../engine/read';

const PASSED = pass('Every app container has a read-only root filesystem.');

const WRITABLE_ROOT = (container: V1Container, position: number) =>
  asRecord(container.securityContext)?.readOnlyRootFilesystem === true
    ? undefined
    : containerName(container, position);

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
      gap: WRITABLE_ROOT,
      passed: PASSED,
      failed: gaps =>
        fail(
          `Container ${listNames(gaps)} can write to its root filesystem.`,
          'Make the root filesystem read-only and mount an emptyDir where the app must write:\n\n```yaml\ncontainers:\n  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n      - name: tmp\n        mountPath: /tmp\nvolumes:\n  - name: tmp\n    emptyDir: {}\n```',
        ),
    });
  },
};
