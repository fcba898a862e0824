import type { DockerfileCheck } from '../engine/model';
import {
  findStage,
  fromLine,
  instructionText,
  judgeFinalStage,
  type DockerfileStage,
} from '../engine/dockerfile';
import { dockerfileSnippet } from '../engine/dockerfileSnippet';
import { fail, pass } from '../engine/outcomes';

/** What the image is run with; a new final stage must say it again. */
const RUNTIME = [
  'ENV',
  'EXPOSE',
  'USER',
  'HEALTHCHECK',
  'STOPSIGNAL',
  'ENTRYPOINT',
  'CMD',
];

/**
 * Split the one stage in two: it becomes the build stage, and a final stage
 * on the same base copies its output and repeats what the image runs with.
 */
function splitStage(stage: DockerfileStage): string {
  const name = stage.alias ?? 'build';
  const workdir = stage.instructions
    .filter(i => i.keyword === 'WORKDIR')
    .pop()?.args;
  const output = `${workdir ? workdir.replace(/\/$/, '') : ''}/<build output>`;
  const runtime = stage.instructions.filter(i => RUNTIME.includes(i.keyword));
  const user = runtime.filter(i => i.keyword === 'USER').pop();
  const edits = [
    ...(stage.alias
      ? []
      : [
          { replaces: stage.line, lines: [fromLine(stage, stage.image, name)] },
        ]),
    {
      atEnd: true as const,
      lines: [
        fromLine(stage, stage.image, ''),
        ...(workdir ? [`WORKDIR ${workdir}`] : []),
        `COPY --from=${name} ${output} ${output}`,
        ...runtime.map(instructionText),
      ],
    },
  ];
  return [
    `Build in this stage and start a final one on the same base (${stage.image}, or a slimmer variant of it) that copies only the build's output; put its path in place of \`<build output>\`:`,
    dockerfileSnippet(edits),
    user && !/^\d+(:\d+)?$/.test(user.args)
      ? `USER ${user.args} must exist in the final stage too: create it there, or use a numeric uid.`
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Copy the build's output into the final stage from the stage before it. */
function copyFromEarlier(final: DockerfileStage, earlier: DockerfileStage) {
  const from = earlier.alias ?? String(earlier.index);
  return `Copy the build's output from the stage on line ${
    earlier.line
  } (${from}) into the final stage, in place of what it builds or copies from the context:\n\n${dockerfileSnippet(
    [
      {
        after: final.line,
        lines: [`COPY --from=${from} <build output> <destination>`],
      },
    ],
  )}`;
}

/** The remediation when there is no FROM, so no stage to judge. */
const WITHOUT_FROM =
  'Build in one stage and copy only its output into a final stage with `COPY --from=<stage>`.';

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
    return judgeFinalStage(dockerfile, WITHOUT_FROM, final => {
      if (dockerfile.stages.length < 2) {
        return fail(
          'The image is built in a single stage, so build tools and sources ship with it.',
          splitStage(final),
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
        copyFromEarlier(final, dockerfile.stages[final.index - 1]),
      );
    });
  },
};
