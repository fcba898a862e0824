import type { DockerfileCheck } from '../engine/model';
import {
  findStage,
  fromLine,
  judgeFinalStage,
  type DockerfileStage,
} from '../engine/dockerfile';
import {
  dockerfileSnippet,
  type DockerfileEdit,
} from '../engine/dockerfileSnippet';
import { imagePinning, imageRepository, imageTag } from '../engine/images';
import { fail, pass } from '../engine/outcomes';

interface Problem {
  text: string;
  /** The FROM line that pins it, where the line itself is what to change. */
  edit?: DockerfileEdit;
  /** Advice where the image comes from a build argument. */
  advice?: string;
}

function pinned(stage: DockerfileStage, image: string): DockerfileEdit {
  return { replaces: stage.line, lines: [fromLine(stage, image)] };
}

function problemOf(stage: DockerfileStage): Problem | undefined {
  const image = stage.resolvedImage;
  if (!image) {
    return {
      text: `line ${stage.line}: FROM names no image`,
      edit: pinned(stage, '<image>:<version>'),
    };
  }
  const args = [...stage.image.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map(
    m => m[1],
  );
  if (image.includes('$')) {
    return {
      text: `line ${stage.line}: ${stage.image} depends on a build argument without a default`,
      advice: `Give ${args.join(
        ', ',
      )} a pinned default in an \`ARG\` before the first FROM (e.g. \`ARG ${
        args[0]
      }=<pinned value>\`), or pass \`--build-arg\` in every build.`,
    };
  }
  const pinning = imagePinning(image);
  if (pinning === 'digest' || pinning === 'tag') {
    return undefined;
  }
  const repository = imageRepository(image);
  const tag = imageTag(image);
  const problems = {
    untagged: `${image} has no tag (that means latest)`,
    latest: image,
    floating: `${image} (a tag without a version moves like latest)`,
  };
  const text = `line ${stage.line}: ${problems[pinning]}`;
  // A floating tag names a variant (alpine, slim): keep it beside the version.
  const version = pinning === 'floating' ? `<version>-${tag}` : '<version>';
  const replacement = `${repository}:${version}`;
  if (stage.image !== stage.resolvedImage) {
    return {
      text,
      advice: `Pin the default of the build argument ${args.join(
        ', ',
      )} instead: \`${replacement}\`.`,
    };
  }
  return { text, edit: pinned(stage, replacement) };
}

/** The remediation when there is no FROM, so no stage to judge. */
const WITHOUT_FROM =
  'Start with a base image pinned to a version tag or a digest: `FROM <image>:<version>`.';

/** @internal */
export const dockerfilePinnedBase: DockerfileCheck = {
  id: 'dockerfile-pinned-base',
  title: 'Pinned base images',
  description:
    'A FROM without a tag, or with latest, builds on whatever the registry serves that day: the same commit can produce a different, untested image.',
  severity: 'high',
  category: 'dockerfile',
  appliesTo: ['Dockerfile'],
  run({ dockerfile }) {
    // Every stage is read, the final one like the others.
    return judgeFinalStage(dockerfile, WITHOUT_FROM, () => {
      const problems = dockerfile.stages.flatMap(stage =>
        // Earlier stages and scratch are not pulled from a registry.
        stage.resolvedImage === 'scratch' ||
        findStage(dockerfile, stage.resolvedImage, stage.index)
          ? []
          : problemOf(stage) ?? [],
      );
      if (problems.length === 0) {
        return pass('Every base image has a version tag or digest.');
      }
      const edits = problems.flatMap(p => p.edit ?? []);
      const advice = problems.flatMap(p => p.advice ?? []);
      const floating = problems.some(
        p => p.edit && /<version>-/.test(p.edit.lines[0]),
      );
      return fail(
        `Unpinned base image: ${problems.map(p => p.text).join('; ')}.`,
        [
          edits.length > 0
            ? `Pin each base image to the version you have tested, in place of \`<version>\`${
                floating ? ' (keeping its variant)' : ''
              }; \`docker buildx imagetools inspect <image>\` shows what a tag points at today, and adding \`@sha256:<digest>\` makes the build reproducible:\n\n${dockerfileSnippet(
                edits,
              )}`
            : '',
          ...advice,
        ]
          .filter(Boolean)
          .join('\n\n'),
      );
    });
  },
};
