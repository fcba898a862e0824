import type { DockerfileCheck } from '../engine/model';
import { findStage } from '../engine/dockerfile';
import { imagePinning } from '../engine/images';
import { fail, pass } from '../engine/outcomes';

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
    if (dockerfile.stages.length === 0) {
      return fail(
        'The Dockerfile has no FROM instruction.',
        'Start with a pinned base image, e.g. `FROM node:22.11-bookworm-slim`.',
      );
    }
    const problems = dockerfile.stages.flatMap(stage => {
      const image = stage.resolvedImage;
      // Earlier stages and scratch are not pulled from a registry.
      if (image === 'scratch' || findStage(dockerfile, image, stage.index)) {
        return [];
      }
      if (!image) {
        return [`line ${stage.line}: FROM names no image`];
      }
      if (image.includes('$')) {
        return [
          `line ${stage.line}: ${stage.image} depends on a build argument without a default`,
        ];
      }
      const pinning = imagePinning(image);
      if (pinning === 'untagged') {
        return [`line ${stage.line}: ${image} has no tag (that means latest)`];
      }
      if (pinning === 'latest') {
        return [`line ${stage.line}: ${image}`];
      }
      if (pinning === 'floating') {
        return [
          `line ${stage.line}: ${image} (a tag without a version moves like latest)`,
        ];
      }
      return [];
    });
    if (problems.length === 0) {
      return pass('Every base image has a version tag or digest.');
    }
    return fail(
      `Unpinned base image: ${problems.join('; ')}.`,
      'Pin a version, or a digest for reproducible builds:\n\n```dockerfile\nFROM node:22.11-bookworm-slim@sha256:<digest>\n```',
    );
  },
};
