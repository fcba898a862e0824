import type { KubernetesObject } from '@kubernetes/client-node';
import type { CheckOutcome } from './model';
import { listNames, OutcomeMemo, pass } from './outcomes';
import { asNonEmptyString, asRecord } from './read';

/**
 * The passing outcome of a check that wants some object of one kind to
 * select the workload's pods: `NetworkPolicy "a" selects its pods.`
 *
 * @internal
 */
export class SelectedByPass {
  readonly #kind: string;
  // One object, the usual case: its message depends on its name only.
  readonly #single = new OutcomeMemo<string>();

  constructor(kind: string) {
    this.#kind = kind;
  }

  /** The outcome naming `objects` (at least one). */
  of(objects: KubernetesObject[]): CheckOutcome {
    const names = objects.map(
      o => asNonEmptyString(asRecord(o.metadata)?.name) ?? '(unnamed)',
    );
    if (names.length === 1) {
      return (
        this.#single.get(names[0]) ??
        this.#single.remember(names[0], this.#pass(names))
      );
    }
    return this.#pass(names);
  }

  #pass(names: string[]): CheckOutcome {
    return pass(`${this.#kind} ${listNames(names)} selects its pods.`);
  }
}
