import type { V1Container } from '@kubernetes/client-node';
import { toYaml } from './yamlText';
import { containerName, podSpecPath } from './containers';
import type { Workload } from './model';

/*
 * Remediation snippets say which object they change and where: each
 * section opens with `# <Kind> "<name>": <path>` and holds the fields to
 * set at that path as a strategic merge patch would (a section without a
 * path sets fields from the object's root; `null` removes a field); a
 * whole new object is a YAML document of its own, after `---`.
 */

/**
 * A YAML block of sections and objects; a section after an object opens a
 * document of its own.
 *
 * @internal
 */
export function yamlBlock(sections: string[]): string {
  // Joined with `+`, not `join`: the engine copies each result's text into
  // one piece once it is complete (runChecks.ts).
  let text = '```yaml\n';
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i];
    if (i > 0) {
      text +=
        sections[i - 1].startsWith('---\n') && !section.startsWith('---\n')
          ? '\n---\n'
          : '\n';
    }
    text += section;
  }
  return `${text}\`\`\``;
}

/**
 * A section that sets `fields` at `path` of the object `kind`/`name`.
 *
 * @internal
 */
export function patchAt(
  target: { kind: string; name: string },
  path: string,
  fields: unknown,
  note?: string,
): string {
  return toYaml(
    fields,
    `# ${target.kind} "${target.name}"${path ? `: ${path}` : ''}${
      note ? ` (${note})` : ''
    }\n`,
  );
}

/**
 * The object that holds a workload's pod template: the workload itself, or
 * the Deployment a Rollout's `workloadRef` names.
 *
 * @internal
 */
export function templateOwner(workload: Workload): {
  kind: string;
  name: string;
} {
  return workload.templateFrom === undefined
    ? workload
    : { kind: 'Deployment', name: workload.templateFrom };
}

/**
 * A section that sets `fields` on one container of the workload, at its
 * full path (`spec.template.spec.containers[0]`).
 *
 * @internal
 */
export function containerPatch(
  workload: Workload,
  container: V1Container,
  fields: unknown,
): string {
  const init = workload.initContainers.includes(container);
  const list = init ? 'initContainers' : 'containers';
  const position = (
    init ? workload.initContainers : workload.containers
  ).indexOf(container);
  return patchAt(
    templateOwner(workload),
    `${podSpecPath(workload)}.${list}[${position}]`,
    fields,
    `"${containerName(container, position)}"`,
  );
}

/**
 * A section that sets `fields` on the workload's pod spec.
 *
 * @internal
 */
export function podSpecPatch(workload: Workload, fields: unknown): string {
  return patchAt(templateOwner(workload), podSpecPath(workload), fields);
}

/**
 * A whole object, as its own YAML document.
 *
 * @internal
 */
export function newObject(object: unknown): string {
  return `---\n${toYaml(object)}`;
}
