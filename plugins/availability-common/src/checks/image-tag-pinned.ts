import type { WorkloadCheck } from '../engine/model';
import { ALL_WORKLOAD_KINDS } from '../engine/model';
import { containerName, everyContainer } from '../engine/containers';
import { imagePinning } from '../engine/images';
import { fail, NO_CONTAINERS, pass } from '../engine/outcomes';
import { asNonEmptyString } from '../engine/read';

const PASSED = pass('Every container image has a version tag or digest.');

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
    const containers = everyContainer(workload);
    if (containers.length === 0) {
      return NO_CONTAINERS;
    }
    let problems: string[] | undefined;
    containers.forEach((container, i) => {
      const image = asNonEmptyString(container.image)?.trim();
      if (!image) {
        (problems ??= []).push(`"${containerName(container, i)}" has no image`);
        return;
      }
      const pinning = imagePinning(image);
      if (pinning === 'latest') {
        (problems ??= []).push(
          `"${containerName(container, i)}" uses ${image}`,
        );
      } else if (pinning === 'floating') {
        (problems ??= []).push(
          `"${containerName(
            container,
            i,
          )}" uses ${image}, a tag without a version that moves like latest`,
        );
      } else if (pinning === 'untagged') {
        (problems ??= []).push(
          `"${containerName(
            container,
            i,
          )}" uses ${image} without a tag (that means latest)`,
        );
      }
    });
    if (!problems) {
      return PASSED;
    }
    return fail(
      `${problems.join('; ')}.`,
      'Pin each image to a version, or better a digest:\n\n```yaml\ncontainers:\n  - name: app\n    image: registry.example.com/team/app:1.4.2@sha256:<digest>\n```',
    );
  },
};
