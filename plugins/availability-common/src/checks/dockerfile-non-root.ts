import type { DockerfileCheck } from '../engine/model';
import { stageLineage } from '../engine/dockerfile';
import { fail, pass } from '../engine/outcomes';

const ROOT = ['root', '0'];

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
    const final = dockerfile.stages[dockerfile.stages.length - 1];
    const remediation =
      'Create or pick an unprivileged user and switch to it at the end of the final stage:\n\n```dockerfile\nRUN useradd --uid 10001 --no-create-home app\nUSER 10001\n```';
    if (!final) {
      return fail('The Dockerfile has no FROM instruction.', remediation);
    }
    // The last USER wins; a stage built FROM an earlier one inherits its USER.
    for (const stage of stageLineage(dockerfile, final)) {
      const users = stage.instructions.filter(i => i.keyword === 'USER');
      const last = users[users.length - 1];
      if (last) {
        const user = last.args.split(':')[0].trim();
        if (ROOT.includes(user.toLowerCase())) {
          return fail(
            `The final stage switches to USER ${last.args} (line ${last.line}).`,
            remediation,
          );
        }
        return pass(
          `The final stage runs as USER ${user} (line ${last.line}).`,
        );
      }
    }
    return fail(
      `The final stage (line ${final.line}) sets no USER, so the container runs as root unless its base image sets a user.`,
      remediation,
    );
  },
};
