import { everyContainerPasses } from '../engine/containerFindings';
import { imagePinning } from '../engine/images';
import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { pass } from '../engine/outcomes';
import { asNonEmptyString } from '../engine/read';

const PASSED = pass('Every container image has a version tag or digest.');

/** What is wrong with an image that does not pin a version. */
const PROBLEMS: Record<string, string> = {
  latest: '',
  floating: ', a tag without a version that moves like latest',
  untagged: ' without a tag (that means latest)',
};

/** The image's repository: all before its tag or digest. */
function repositoryOf(image: string): string {
  const at = image.indexOf('@');
  const named = at === -1 ? image : image.slice(0, at);
  const colon = named.lastIndexOf(':');
  return colon > named.lastIndexOf('/') ? named.slice(0, colon) : named;
}

/** @internal */
export const imageTagPinned: WorkloadCheck = {
  id: 'image-tag-pinned',
  title: 'Pinned image versions',
  description:
    'An image without a tag, or tagged latest, can change under you: a restart or a new node pulls a different build than the one that was tested, and a rollback cannot go back.',
  severity: 'high',
  category: 'static',
  appliesTo: ALL_WORKLOAD_KINDS,
  run({ workload }) {
    return everyContainerPasses(workload, {
      finding(container, name) {
        const image = asNonEmptyString(container.image)?.trim();
        if (!image) {
          return { problem: `"${name}" has no image` };
        }
        const pinning = imagePinning(image);
        if (pinning === 'digest' || pinning === 'tag') {
          return undefined;
        }
        return {
          problem: `"${name}" uses ${image}${PROBLEMS[pinning] ?? ''}`,
          fix: {
            image: `${repositoryOf(image)}:<version>@sha256:<digest>`,
          },
        };
      },
      passed: PASSED,
      advice:
        'Pin each image to the version it runs now, with its digest (`crane digest <image>` or `docker buildx imagetools inspect <image>` gives it):',
    });
  },
};
