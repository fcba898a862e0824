import type { DockerfileCheck } from '../engine/model';
import {
  judgeFinalStage,
  lastInLineage,
  stageLineage,
  type DockerfileStage,
  type ParsedDockerfile,
} from '../engine/dockerfile';
import {
  dockerfileSnippet,
  type DockerfileEdit,
} from '../engine/dockerfileSnippet';
import { fail, pass } from '../engine/outcomes';

/** The TCP ports the final stage EXPOSEs, in the order they are declared. */
function exposedPorts(
  dockerfile: ParsedDockerfile,
  final: DockerfileStage,
): string[] {
  return stageLineage(dockerfile, final)
    .reverse()
    .flatMap(stage => stage.instructions)
    .filter(i => i.keyword === 'EXPOSE')
    .flatMap(i => i.args.split(/\s+/))
    .flatMap(port => /^(\d+)(\/tcp)?$/i.exec(port)?.[1] ?? []);
}

/** A HEALTHCHECK on the port the image EXPOSEs; never a port it does not. */
function remediation(
  dockerfile: ParsedDockerfile,
  final: DockerfileStage,
  replaces?: number,
): string {
  const ports = [...new Set(exposedPorts(dockerfile, final))];
  const port = ports[0] ?? '<port>';
  const line = `HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:${port}/<health path> || exit 1`;
  const edit: DockerfileEdit =
    replaces === undefined
      ? { atEnd: true, lines: [line] }
      : { replaces, lines: [line] };
  const which =
    ports.length === 0
      ? 'The Dockerfile EXPOSEs no port: put the port the app listens on in place of `<port>`, and its health endpoint in place of `<health path>`.'
      : `Put the app's health endpoint in place of \`<health path>\`${
          ports.length > 1
            ? ` (port ${port} is the first of the ports it EXPOSEs, ${ports.join(
                ', ',
              )}: use the one that serves HTTP)`
            : ` (port ${port} is the one it EXPOSEs)`
        }.`;
  return `${dockerfileSnippet([
    edit,
  ])}\n\n${which} The command needs \`wget\` in the image; where there is none (distroless, scratch), use a health command of the app itself.`;
}

/** The remediation when there is no FROM, so no stage to judge. */
const WITHOUT_FROM =
  'Start with a FROM, and declare a `HEALTHCHECK` in the final stage.';

/** @internal */
export const dockerfileHealthcheck: DockerfileCheck = {
  id: 'dockerfile-healthcheck',
  title: 'HEALTHCHECK',
  description:
    'A HEALTHCHECK lets Docker and Compose notice a hung container. Kubernetes ignores it (its probes are what count there), so this is a low-severity hint.',
  severity: 'low',
  category: 'dockerfile',
  appliesTo: ['Dockerfile'],
  run({ dockerfile }) {
    return judgeFinalStage(dockerfile, WITHOUT_FROM, final => {
      const last = lastInLineage(dockerfile, final, 'HEALTHCHECK');
      if (!last) {
        return fail(
          'The final stage declares no HEALTHCHECK.',
          remediation(dockerfile, final),
        );
      }
      return last.args.trim().toUpperCase() === 'NONE'
        ? fail(
            `HEALTHCHECK NONE (line ${last.line}) disables the health check.`,
            remediation(dockerfile, final, last.line),
          )
        : pass(`The final stage declares a HEALTHCHECK (line ${last.line}).`);
    });
  },
};
