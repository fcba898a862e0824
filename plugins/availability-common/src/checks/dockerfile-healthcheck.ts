import type { DockerfileCheck } from '../engine/model';
import { stageLineage } from '../engine/dockerfile';
import { fail, pass } from '../engine/outcomes';

/** @internal */
export const dockerfileHealthcheck: DockerfileCheck = {
  id: 'dockerfile-healthcheck',
  title: 'HEALTHCHECK',
  description:
    'A HEALTHCHECK lets Docker and Compose notice a hung container. Kubernetes ignores it (its probes are what count there), so this is a low-severity hint.',
  severity: 'low',
  category: 'dockerfile',
  appliesTo: ['Dockerfile'],
  run({ dockerfile }) {
    const remediation =
      '```dockerfile\nHEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:8080/healthz || exit 1\n```';
    const final = dockerfile.stages[dockerfile.stages.length - 1];
    if (!final) {
      return fail('The Dockerfile has no FROM instruction.', remediation);
    }
    for (const stage of stageLineage(dockerfile, final)) {
      const checks = stage.instructions.filter(
        i => i.keyword === 'HEALTHCHECK',
      );
      const last = checks[checks.length - 1];
      if (last) {
        return last.args.trim().toUpperCase() === 'NONE'
          ? fail(
              `HEALTHCHECK NONE (line ${last.line}) disables the health check.`,
              remediation,
            )
          : pass(`The final stage declares a HEALTHCHECK (line ${last.line}).`);
      }
    }
    return fail('The final stage declares no HEALTHCHECK.', remediation);
  },
};
