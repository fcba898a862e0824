import type { TemplateExample } from '@backstage/plugin-scaffolder-node';

/**
 * Examples for the `availability:validate` action; each one is run as a test.
 *
 * @internal
 */
export const examples: TemplateExample[] = [
  {
    description:
      'Check every manifest and Dockerfile in the workspace; the task fails below gold.',
    example: `steps:
  - id: availability
    name: Check availability
    action: availability:validate
`,
  },
  {
    description:
      'Check only the manifests under k8s/ and accept silver or better.',
    example: `steps:
  - id: availability
    name: Check availability
    action: availability:validate
    input:
      path: k8s
      minLevel: silver
`,
  },
  {
    description:
      'Require gold, and fail even on a gold score if a PodDisruptionBudget or the replica minimum is missing.',
    example: `steps:
  - id: availability
    name: Check availability
    action: availability:validate
    input:
      path: .
      minLevel: gold
      failOn:
        - pdb-present
        - replicas-min
`,
  },
  {
    description:
      'Use the outputs in a later step, e.g. to show the score in the task output.',
    example: `steps:
  - id: availability
    name: Check availability
    action: availability:validate
    input:
      minLevel: silver
output:
  text:
    - title: Availability
      content: 'Score \${{ steps.availability.output.score }}, level \${{ steps.availability.output.level }}'
`,
  },
];
