import fc from 'fast-check';
import type { KubernetesObject } from '@kubernetes/client-node';
import { evaluate } from './evaluate';
import { scoreChecks } from './scoring';
import type {
  AvailabilityReport,
  CheckResult,
  EvaluationObject,
} from '../types';
import {
  claim,
  compliantSet,
  daemonSet,
  pod,
  statefulSet,
  withPatch,
} from '../checks/__fixtures__/objects';
import { apiPod, node } from '../checks/__fixtures__/live';

const STATUSES = ['pass', 'fail', 'exempt', 'not-applicable', 'unknown'];

/** Every dotted path of an object, for targeted corruption. */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [];
  }
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...paths(child, path)];
  });
}

const bases = [
  ...compliantSet(),
  statefulSet(),
  daemonSet(),
  pod(),
  claim(),
  apiPod('api-5d8f-a'),
  node('node-a', 'eu-1a'),
];

/** A well-formed object with a few fields replaced by arbitrary values. */
const corrupted = fc.integer({ min: 0, max: bases.length - 1 }).chain(i => {
  const base = bases[i];
  const all = paths(base);
  return fc
    .array(
      fc.tuple(
        fc.constantFrom(...all),
        fc.anything({ withNullPrototype: true, withBigInt: false }),
      ),
      {
        maxLength: 4,
      },
    )
    .map(patches => withPatch(base, Object.fromEntries(patches)));
});

const anyObject = fc.oneof(
  corrupted,
  corrupted,
  fc.anything(),
  fc.record({
    kind: fc.constantFrom(
      'Deployment',
      'Pod',
      'Service',
      'PodDisruptionBudget',
      'List',
    ),
    metadata: fc.anything(),
    spec: fc.anything(),
    status: fc.anything(),
    items: fc.anything(),
  }),
);

const inputsArb = fc.array(
  fc.record({
    object: anyObject,
    cluster: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
  }),
  { maxLength: 8 },
);

function expectConsistent(entry: {
  score: number | null;
  level: string | null;
  checks: CheckResult[];
}) {
  const counts = entry.checks.some(
    c => c.status === 'pass' || c.status === 'fail',
  );
  if (entry.score === null) {
    // Nothing judged: no score and no level, never 100 or gold.
    expect([counts, entry.level]).toEqual([false, null]);
    return;
  }
  expect(counts).toBe(true);
  expect(Number.isInteger(entry.score)).toBe(true);
  expect(entry.score).toBeGreaterThanOrEqual(0);
  expect(entry.score).toBeLessThanOrEqual(100);
  const failing = (severity: string) =>
    entry.checks.some(c => c.status === 'fail' && c.severity === severity);
  if (entry.level === 'gold') {
    expect(entry.score >= 90 && !failing('critical') && !failing('high')).toBe(
      true,
    );
  }
  if (entry.level === 'silver') {
    expect(entry.score >= 75 && !failing('critical')).toBe(true);
  }
  if (entry.level === 'bronze') {
    expect(entry.score).toBeGreaterThanOrEqual(50);
  }
  expect(scoreChecks(entry.checks)).toEqual({
    score: entry.score,
    level: entry.level,
  });
}

function expectWellFormed(report: AvailabilityReport) {
  expect(report.errors).toEqual([]);
  expectConsistent({
    ...report,
    checks: report.workloads.flatMap(w => w.checks),
  });
  for (const workload of report.workloads) {
    expectConsistent(workload);
    for (const check of workload.checks) {
      expect(STATUSES).toContain(check.status);
      expect(typeof check.message).toBe('string');
      // Checks read defensively: the engine's last-resort guard never fires.
      expect(check.message).not.toContain('unexpected shape');
      expect(check.reason !== null).toBe(check.status === 'exempt');
    }
  }
}

describe('evaluate (properties)', () => {
  it('never throws on random or malformed objects and keeps scores consistent', () => {
    // fc.assert throws with the shrunk counterexample when a property fails.
    expect(() =>
      fc.assert(
        fc.property(
          inputsArb,
          fc.option(fc.anything(), { nil: undefined }),
          (objects, annotations) => {
            const report = evaluate(objects as EvaluationObject[], {
              entityAnnotations: annotations as Record<string, string>,
              now: new Date('2025-06-01T00:00:00Z'),
            });
            expectWellFormed(report);
          },
        ),
        { numRuns: 300 },
      ),
    ).not.toThrow();
  });

  it('never throws on malformed arguments', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (objects, options) => {
        expect(() =>
          evaluate(objects as EvaluationObject[], options as never),
        ).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random Dockerfiles', () => {
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom(
        'FROM node:22 AS build',
        'FROM build',
        'USER root',
        'USER app',
        'HEALTHCHECK NONE',
        'COPY --from=build /a /b',
        'RUN <<EOF',
        'EOF',
        '\\',
        '# escape=`',
        'ARG X',
        'FROM $X',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.boolean(),
        (lines, has) => {
          const report = evaluate([], {
            dockerfiles: [
              {
                path: 'Dockerfile',
                content: lines.join('\n'),
                hasDockerignore: has,
              },
            ],
          });
          expectWellFormed(report);
          expect(report.workloads[0].checks).toHaveLength(5);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('scores an unchanged compliant set at 100 with every static check passing or not applicable', () => {
    const report = evaluate(
      compliantSet().map(object => ({ object: object as KubernetesObject })),
    );
    const statuses = new Set(
      report.workloads.flatMap(w =>
        w.checks
          .filter(c => !c.id.startsWith('runtime-'))
          .map(c => `${c.id}:${c.status}`),
      ),
    );
    expect(
      [...statuses].filter(
        s => !s.endsWith(':pass') && !s.endsWith(':not-applicable'),
      ),
    ).toEqual([]);
    expect(report).toMatchObject({ score: 100, level: 'gold' });
  });
});
