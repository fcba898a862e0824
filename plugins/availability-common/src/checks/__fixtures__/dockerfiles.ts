import { evaluate } from '../../engine/evaluate';
import type { CheckResult } from '../../types';

/** Evaluates one Dockerfile and returns one check's result. */
export function dockerfileResult(
  content: string,
  checkId: string,
  hasDockerignore = true,
): CheckResult {
  const report = evaluate([], {
    dockerfiles: [{ path: 'app/Dockerfile', content, hasDockerignore }],
  });
  const result = report.workloads[0]?.checks.find(c => c.id === checkId);
  if (!result) {
    throw new Error(`No ${checkId} result`);
  }
  return result;
}
