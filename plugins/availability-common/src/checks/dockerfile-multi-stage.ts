import type { DockerfileCheck } from '../engine/model';
import { findStage } from '../engine/dockerfile';
import { fail, pass } from '../engine/outcomes';

/** @internal */
export const dockerfileMultiStage: DockerfileCheck = {
  id: 'dockerfile-multi-stage',
  title: 'Multi-stage build',
  description:
    'Building in one stage and copying only the result into a slim final stage keeps compilers and sources out of the image: smaller, faster to pull when a node replaces a pod, and less to patch.',
  severity: 'low',
  category: 'dockerfile',
  appliesTo: ['Dockerfile'],
  run({ dockerfile }) {
    const remediation =
      '```dockerfile\nFROM node:22.11 AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci && npm run build\n\nFROM node:22.11-slim\nCOPY --from=build /src/dist /app\n```';
    const final = dockerfile.stages[dockerfile.stages.length - 1];
    if (!final || dockerfile.stages.length < 2) {
      return fail(
        'The image is built in a single stage, so build tools and sources ship with it.',
        remediation,
      );
    }
    const copies = final.instructions.filter(
      i =>
        (i.keyword === 'COPY' || i.keyword === 'ADD') &&
        i.flags.from !== undefined &&
        findStage(dockerfile, i.flags.from, final.index),
    );
    if (copies.length > 0) {
      return pass(
        `The final stage copies from an earlier stage (line ${copies[0].line}).`,
      );
    }
    return fail(
      `There are ${dockerfile.stages.length} stages, but the final stage copies nothing from an earlier one.`,
      remediation,
    );
  },
};
