import type { V1Container } from '@kubernetes/client-node';
import { containerName, everyContainer } from './containers';
import type { CheckOutcome, Workload } from './model';
import { NO_CONTAINERS } from './outcomes';
import { containerPatch } from './snippets';

/**
 * The outcome of a check that every container (init containers too) must
 * pass: `NO_CONTAINERS` for an empty pod template, `passed` when no
 * container has a finding, else `failed` with each finding's problem and
 * the patch of its container (for those with a fix).
 *
 * @internal
 */
export function everyContainerPasses(options: {
  workload: Workload;
  /** What is wrong with a container and the fields that fix it, or undefined. */
  finding: (
    container: V1Container,
    name: string,
  ) => { problem: string; fix?: unknown } | undefined;
  passed: CheckOutcome;
  failed: (problems: string[], patches: string[]) => CheckOutcome;
}): CheckOutcome {
  const { workload, finding, passed, failed } = options;
  const containers = everyContainer(workload);
  if (containers.length === 0) {
    return NO_CONTAINERS;
  }
  let problems: string[] | undefined;
  const patches: string[] = [];
  containers.forEach((container, i) => {
    const found = finding(container, containerName(container, i));
    if (found) {
      (problems ??= []).push(found.problem);
      if (found.fix !== undefined) {
        patches.push(containerPatch(workload, container, found.fix));
      }
    }
  });
  return problems ? failed(problems, patches) : passed;
}
