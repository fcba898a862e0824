import type { V1Container } from '@kubernetes/client-node';
import { containerName, everyContainer } from './containers';
import type { CheckOutcome, Workload } from './model';
import { fail, NO_CONTAINERS } from './outcomes';
import { containerPatch, yamlBlock } from './snippets';

/**
 * The outcome of a check that every container (init containers too) must
 * pass: `NO_CONTAINERS` for an empty pod template, `passed` when no
 * container has a finding, else a failure that names each finding's
 * problem, with `advice` and the patch of each container that has a fix as
 * its remediation.
 *
 * @internal
 */
export function everyContainerPasses(
  workload: Workload,
  options: {
    passed: CheckOutcome;
    /** What the remediation says before the patches (ending in a colon). */
    advice: string;
    /** What is wrong with a container and the fields that fix it, or undefined. */
    finding: (
      container: V1Container,
      name: string,
    ) => { problem: string; fix?: unknown } | undefined;
  },
): CheckOutcome {
  const { passed, advice, finding } = options;
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
  return problems
    ? fail(`${problems.join('; ')}.`, `${advice}\n\n${yamlBlock(patches)}`)
    : passed;
}
