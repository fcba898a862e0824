import { evaluate } from '../../engine/evaluate';
import type { CheckResult } from '../../types';

/** Evaluates one Dockerfile and returns its check results. */
export function dockerfileResults(
  content: string,
  hasDockerignore = true,
): CheckResult[] {
  const report = evaluate([], {
    dockerfiles: [{ path: 'app/Dockerfile', content, hasDockerignore }],
  });
  return report.workloads[0]?.checks ?? [];
}

/** Evaluates one Dockerfile and returns one check's result. */
export function dockerfileResult(
  content: string,
  checkId: string,
  hasDockerignore = true,
): CheckResult {
  const result = dockerfileResults(content, hasDockerignore).find(
    c => c.id === checkId,
  );
  if (!result) {
    throw new Error(`No ${checkId} result`);
  }
  return result;
}

/** What a service owner would type in place of each placeholder. */
const PLACEHOLDERS: Record<string, string> = {
  version: '1.2.3',
  port: '8080',
  'health path': 'healthz',
  'build output': 'dist',
  destination: '/srv',
  image: 'node',
};

const HEADER =
  /^# (replaces line (\d+)|after line (\d+)|at the end of the Dockerfile)$/;

/**
 * The Dockerfile after the remediation's `dockerfile` block is applied as
 * its headers say, placeholders filled in.
 */
export function applyDockerfileRemediation(
  content: string,
  remediation: string | null,
): string {
  const block = /```dockerfile\n([\s\S]*?)\n```/.exec(remediation ?? '')?.[1];
  if (!block) {
    throw new Error(`No dockerfile block in ${remediation}`);
  }
  const filled = block.replace(/<([a-z ]+)>/g, (whole, name: string) => {
    if (!PLACEHOLDERS[name]) {
      throw new Error(`Unknown placeholder ${whole}`);
    }
    return PLACEHOLDERS[name];
  });
  const edits = filled
    .split(/\n(?=# (?:replaces|after|at the end))/)
    .map(section => {
      const [head, ...lines] = section.replace(/\n+$/, '').split('\n');
      const match = HEADER.exec(head);
      if (!match) {
        throw new Error(`No placement in ${head}`);
      }
      const at = Number(match[2] ?? match[3] ?? Infinity);
      return { replaces: match[2] !== undefined, at, lines };
    })
    // Bottom up, so that the line numbers of the others stay true.
    .sort((a, b) => b.at - a.at);
  const result = content.split('\n');
  for (const edit of edits) {
    if (edit.at === Infinity) {
      result.push(...edit.lines);
    } else if (edit.replaces) {
      result.splice(edit.at - 1, 1, ...edit.lines);
    } else {
      result.splice(edit.at, 0, ...edit.lines);
    }
  }
  return result.join('\n');
}

/**
 * Applies the check's remediation to a Dockerfile: its status before and
 * after, and the checks that passed before but no longer do.
 */
export function applyFix(content: string, checkId: string) {
  const before = dockerfileResults(content);
  const failing = before.find(c => c.id === checkId);
  const fixed = applyDockerfileRemediation(
    content,
    failing?.remediation ?? null,
  );
  const after = dockerfileResults(fixed);
  const broken = before
    .filter(c => c.status === 'pass')
    .filter(c => after.find(a => a.id === c.id)?.status !== 'pass')
    .map(c => c.id);
  return {
    fixed,
    before: failing?.status,
    after: after.find(c => c.id === checkId)?.status,
    broken,
  };
}

/** What `applyFix` gives for a remediation that works. */
export const FIXED = { before: 'fail', after: 'pass', broken: [] };
