import type { DockerfileCheck } from '../engine/model';
import { fail, pass } from '../engine/outcomes';

/** @internal */
export const dockerfileDockerignore: DockerfileCheck = {
  id: 'dockerfile-dockerignore',
  title: '.dockerignore',
  description:
    'Without a .dockerignore the whole directory (.git, node_modules, local secrets) is sent to the build and may be copied into the image.',
  severity: 'low',
  category: 'dockerfile',
  appliesTo: ['Dockerfile'],
  run({ hasDockerignore }) {
    if (hasDockerignore) {
      return pass('A .dockerignore sits beside the Dockerfile.');
    }
    return fail(
      'No .dockerignore beside the Dockerfile, so the whole build context (including .git and local files) reaches the build.',
      'Add a `.dockerignore` next to the Dockerfile:\n\n```\n.git\nnode_modules\n*.env\n```',
    );
  },
};
