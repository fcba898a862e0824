import type { DockerfileCheck } from '../engine/model';
import {
  judgeFinalStage,
  lastInLineage,
  stageBase,
  stageLineage,
  type DockerfileInstruction,
  type DockerfileStage,
  type ParsedDockerfile,
} from '../engine/dockerfile';
import { dockerfileSnippet } from '../engine/dockerfileSnippet';
import { imageRepository } from '../engine/images';
import { fail, pass } from '../engine/outcomes';

const ROOT = ['root', '0'];

const userOf = (instruction: DockerfileInstruction) =>
  instruction.args.split(':')[0].trim();

/**
 * Switch, at the end of the final stage, to the unprivileged user the
 * Dockerfile already names (root may have been needed for the steps after
 * it), else to the one the base image ships, else to a numeric one.
 */
function remediation(
  dockerfile: ParsedDockerfile,
  final: DockerfileStage,
): string {
  // Instructions in build order: the earliest stage of the lineage first.
  const instructions = stageLineage(dockerfile, final)
    .reverse()
    .flatMap(stage => stage.instructions);
  const earlier = instructions
    .filter(
      i => i.keyword === 'USER' && !ROOT.includes(userOf(i).toLowerCase()),
    )
    .pop();
  const workdir = instructions.filter(i => i.keyword === 'WORKDIR').pop()?.args;
  const base = imageRepository(stageBase(dockerfile, final));
  let why: string;
  let user: string;
  if (earlier) {
    user = earlier.args;
    why = `Switch back to ${userOf(earlier)}, the user line ${
      earlier.line
    } sets, once the steps that need root are done`;
  } else if (base.split('/').pop() === 'node') {
    user = 'node';
    why = `The ${base} image ships an unprivileged user, node (uid 1000): switch to it`;
  } else {
    user = '10001:10001';
    why =
      'Switch to an unprivileged numeric user (it needs no entry in /etc/passwd)';
  }
  const owner = user.includes(':') ? user : `${user}:${user}`;
  return [
    `${why}, at the end of the final stage (the one from line ${final.line}):`,
    dockerfileSnippet([{ atEnd: true, lines: [`USER ${user}`] }]),
    ...(workdir
      ? [
          `If the app writes under ${workdir} (the WORKDIR), give it to that user before the switch: \`RUN chown -R ${owner} ${workdir}\`, or \`COPY --chown=${owner}\`.`,
        ]
      : []),
  ].join('\n\n');
}

/** The remediation when there is no FROM, so no stage to judge. */
const WITHOUT_FROM =
  'Start with a FROM, and end the final stage with a `USER` other than root.';

/** @internal */
export const dockerfileNonRoot: DockerfileCheck = {
  id: 'dockerfile-non-root',
  title: 'Final stage runs as non-root',
  description:
    'Images run as root unless the Dockerfile says otherwise. Set USER to an unprivileged user in the final stage.',
  severity: 'high',
  category: 'dockerfile',
  appliesTo: ['Dockerfile'],
  run({ dockerfile }) {
    return judgeFinalStage(dockerfile, WITHOUT_FROM, final => {
      // The last USER wins; a stage built FROM an earlier one inherits it.
      const last = lastInLineage(dockerfile, final, 'USER');
      if (!last) {
        return fail(
          `The final stage (line ${final.line}) sets no USER, so the container runs as root unless its base image sets a user.`,
          remediation(dockerfile, final),
        );
      }
      const user = userOf(last);
      return ROOT.includes(user.toLowerCase())
        ? fail(
            `The final stage switches to USER ${last.args} (line ${last.line}).`,
            remediation(dockerfile, final),
          )
        : pass(`The final stage runs as USER ${user} (line ${last.line}).`);
    });
  },
};
