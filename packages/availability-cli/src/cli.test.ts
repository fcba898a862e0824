import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkCatalog } from '@availability-backstage/plugin-availability-common';
import type {
  AvailabilityReport,
  WorkloadReport,
} from '@availability-backstage/plugin-availability-common';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import type { SarifLog } from './format/formatSarif';

const BIN = path.resolve(__dirname, '../bin/availability');
const FIXTURES = path.resolve(__dirname, '__fixtures__');

jest.setTimeout(60_000);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Spawns the real CLI, as CI would, from the fixtures directory. */
function run(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Run {
  const env = { ...process.env, ...options.env };
  if (!options.env?.FORCE_COLOR) {
    delete env.FORCE_COLOR;
  }
  delete env.NO_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? FIXTURES,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

function json(args: string[], options?: Parameters<typeof run>[1]) {
  const result = run(['check', '--format', 'json', ...args], options);
  return { ...result, report: JSON.parse(result.stdout) as AvailabilityReport };
}

function entry(
  report: AvailabilityReport,
  kind: string,
  name: string,
): WorkloadReport {
  const found = report.workloads.find(w => w.kind === kind && w.name === name);
  if (!found) {
    throw new Error(
      `no ${kind} ${name} in ${report.workloads
        .map(w => `${w.kind}/${w.name}`)
        .join(', ')}`,
    );
  }
  return found;
}

function statusOf(workload: WorkloadReport, id: string) {
  return workload.checks.find(c => c.id === id)?.status;
}

/** The 1-based line of the first line of `file` equal to `text`. */
function lineOf(file: string, text: string, occurrence = 1): number {
  const lines = fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n');
  let seen = 0;
  const index = lines.findIndex(line => line === text && ++seen === occurrence);
  return index + 1;
}

describe('availability check', () => {
  it('reports the good set as gold and exits 0, with exactly the report shape', () => {
    const { status, report, stderr } = json(['good']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(Object.keys(report).sort()).toEqual([
      'errors',
      'level',
      'score',
      // r3: documents that were not evaluated, and why.
      'warnings',
      'workloads',
    ]);
    expect(report.errors).toEqual([]);
    const api = entry(report, 'Deployment', 'api');
    expect(api).toMatchObject({
      namespace: 'shop',
      level: 'gold',
      source: { path: 'good/deployment.yaml', line: 2 },
    });
    expect(api.cluster).toBeUndefined();
    expect(api.checks.filter(c => c.status === 'fail')).toEqual([]);
    for (const check of api.checks) {
      expect(Object.keys(check)).toEqual(
        expect.arrayContaining([
          'id',
          'status',
          'severity',
          'message',
          'remediation',
          'reason',
        ]),
      );
    }
    expect(
      statusOf(entry(report, 'Service', 'api'), 'service-selects-pods'),
    ).toBe('pass');
    const dockerfile = entry(report, 'Dockerfile', 'good/Dockerfile');
    expect(statusOf(dockerfile, 'dockerfile-dockerignore')).toBe('pass');
    expect(dockerfile.checks.filter(c => c.status === 'fail')).toEqual([]);
    expect(report.level).toBe('gold');
  });

  it('skips files a directory walk does not read, but reads them when named', () => {
    const walked = json(['good']);
    expect(
      walked.report.workloads.some(w => w.source?.path.endsWith('.txt')),
    ).toBe(false);

    const named = json(['explicit/manifest.txt']);
    expect(named.status).toBe(0);
    expect(entry(named.report, 'Pod', 'from-txt')).toMatchObject({
      namespace: 'default',
      source: { path: 'explicit/manifest.txt', line: 1 },
    });
  });

  it('reports the poor set with failures and fails thresholds with exit 1', () => {
    const { status, report } = json(['poor']);
    expect(status).toBe(0);
    const web = entry(report, 'Deployment', 'web');
    expect(web.source).toEqual({ path: 'poor/app.yaml', line: 1 });
    for (const id of [
      'replicas-min',
      'probe-readiness',
      'image-tag-pinned',
      'secrets-by-reference',
      'rollout-strategy',
    ]) {
      expect([id, statusOf(web, id)]).toEqual([id, 'fail']);
    }
    const pod = entry(report, 'Pod', 'debug');
    expect(statusOf(pod, 'pod-controller')).toBe('fail');
    expect(pod.source?.line).toBe(lineOf('poor/app.yaml', 'kind: Pod') - 1);
    expect(
      statusOf(entry(report, 'Service', 'orphan'), 'service-selects-pods'),
    ).toBe('fail');
    const dockerfile = entry(report, 'Dockerfile', 'poor/worker.Dockerfile');
    expect(statusOf(dockerfile, 'dockerfile-dockerignore')).toBe('fail');
    expect(statusOf(dockerfile, 'dockerfile-pinned-base')).toBe('fail');
    expect(statusOf(dockerfile, 'dockerfile-non-root')).toBe('fail');
    expect(report.level).not.toBe('gold');

    const level = run(['check', '--min-level', 'silver', 'poor']);
    expect(level.status).toBe(1);
    expect(level.stderr).toContain('threshold not met: level');

    const score = run([
      'check',
      '--min-score',
      String(report.score! + 1),
      'poor',
    ]);
    expect(score.status).toBe(1);
    expect(score.stderr).toContain(`score ${report.score} is below`);

    const met = run([
      'check',
      '--min-score',
      String(report.score),
      '--min-level',
      'bronze',
      'good',
    ]);
    expect(met.status).toBe(0);
  });

  it('reports a broken document with its line, still evaluates the rest and exits 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-cli-'));
    try {
      fs.copyFileSync(
        path.join(FIXTURES, 'broken/manifests.txt'),
        path.join(dir, 'manifests.yaml'),
      );
      fs.copyFileSync(
        path.join(FIXTURES, 'good/deployment.yaml'),
        path.join(dir, 'deployment.yaml'),
      );
      const { status, report, stderr } = json(['.'], { cwd: dir });
      expect(status).toBe(2);
      expect(stderr).toMatch(
        /1 input could not be read:\n {2}manifests\.yaml: line 13, column \d+: /,
      );
      expect(report.errors).toEqual([
        {
          source: 'manifests.yaml',
          line: 13,
          message: expect.stringMatching(/^line 13, column \d+: /),
        },
      ]);
      expect(report.workloads.map(w => `${w.kind}/${w.name}`).sort()).toEqual([
        'Deployment/api',
        'Service/after',
        'Service/api',
        'Service/before',
      ]);
      expect(entry(report, 'Service', 'after').source?.line).toBe(16);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists missing inputs as errors, evaluates the others and exits 2', () => {
    const { status, report } = json(['good', 'does-not-exist.yaml']);
    expect(status).toBe(2);
    expect(report.errors).toEqual([
      { source: 'does-not-exist.yaml', message: 'no such file or directory' },
    ]);
    expect(entry(report, 'Deployment', 'api')).toBeDefined();
  });

  it('refuses to pass inputs where nothing is found: exit 2 unless --allow-empty', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-cli-'));
    try {
      fs.writeFileSync(path.join(dir, 'values.yaml'), 'replicaCount: 3\n');
      const empty = json(['--min-score', '90', '.'], { cwd: dir });
      expect(empty.status).toBe(2);
      expect(empty.report).toEqual({
        score: null,
        level: null,
        workloads: [],
        warnings: [],
        errors: [],
      });
      expect(empty.stderr).toContain(
        'error: no workloads, Services, autoscalers or Dockerfiles found in the inputs (pass --allow-empty to accept this)',
      );

      // Thresholds do not apply to a report without a score.
      const allowed = run(
        ['check', '--allow-empty', '--min-level', 'gold', '.'],
        { cwd: dir },
      );
      expect(allowed.status).toBe(0);
      expect(allowed.stderr).toContain('warning: no workloads');
      expect(allowed.stderr).not.toContain('threshold');
      expect(allowed.stdout).toContain('no score');
      expect(allowed.stdout).not.toContain('100');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns of a kustomization.yaml met in a directory walk (r3), in JSON and text', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-cli-'));
    try {
      fs.mkdirSync(path.join(dir, 'overlay'));
      fs.writeFileSync(
        path.join(dir, 'overlay', 'kustomization.yaml'),
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\n',
      );
      fs.copyFileSync(
        path.join(FIXTURES, 'good', 'deployment.yaml'),
        path.join(dir, 'api.yaml'),
      );
      const { report } = json(['.'], { cwd: dir });
      expect(report.warnings).toEqual([
        {
          source: 'overlay/kustomization.yaml',
          line: 1,
          message: expect.stringContaining(
            'kustomize build . | availability check -',
          ),
        },
      ]);
      expect(run(['check', '.'], { cwd: dir }).stdout).toContain(
        'Not evaluated:\n  overlay/kustomization.yaml:1: a Kustomization is not evaluated',
      );
      // Named explicitly, it is a file like any other.
      expect(
        json(['overlay/kustomization.yaml', 'api.yaml'], { cwd: dir }).report
          .warnings,
      ).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses to pass inputs where every check is exempt or unknown', () => {
    const input = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: external',
      '  annotations:',
      '    availability.backstage.io/exempt: service-selects-pods',
      'spec:',
      '  selector: { app: elsewhere }',
    ].join('\n');
    const { status, report, stderr } = json(['-'], { input });
    expect(status).toBe(2);
    expect(report.workloads[0]).toMatchObject({ score: null, level: null });
    expect([report.score, report.level]).toEqual([null, null]);
    expect(stderr).toContain('no check passed or failed on the inputs');
  });

  it('skips documents that are not Kubernetes objects', () => {
    const { status, report } = json(['mixed']);
    expect(status).toBe(0);
    expect(report.errors).toEqual([]);
    expect(report.workloads.map(w => `${w.kind}/${w.name}`)).toEqual([
      'DaemonSet/agent',
    ]);
    expect(report.workloads[0].source).toEqual({
      path: 'mixed/values.yaml',
      line: 7,
    });
    expect(statusOf(report.workloads[0], 'hpa-present')).toBe('not-applicable');
  });

  it('expands a List with the line of each item', () => {
    const { status, report } = json(['list']);
    expect(status).toBe(0);
    const db = entry(report, 'StatefulSet', 'db');
    expect(db.source).toEqual({ path: 'list/list.yaml', line: 4 });
    expect(entry(report, 'Service', 'db').source).toEqual({
      path: 'list/list.yaml',
      line: lineOf('list/list.yaml', '  - apiVersion: v1'),
    });
    expect(statusOf(db, 'statefulset-headless-service')).toBe('pass');
  });

  it('reads JSON manifests', () => {
    const { status, report } = json(['json']);
    expect(status).toBe(0);
    expect(entry(report, 'Deployment', 'json-api')).toMatchObject({
      namespace: 'json',
      source: { path: 'json/deployment.json', line: 1 },
    });
  });

  it('reads standard input for -', () => {
    const input = fs.readFileSync(path.join(FIXTURES, 'poor/app.yaml'), 'utf8');
    const { status, report } = json(['-'], { input });
    expect(status).toBe(0);
    expect(entry(report, 'Deployment', 'web').source).toEqual({
      path: '<stdin>',
      line: 1,
    });
    expect(report.workloads).toHaveLength(3);
  });

  it('waives kube-system by default', () => {
    const { status, report } = json(['kube-system.yaml']);
    expect(status).toBe(0);
    const coredns = entry(report, 'Deployment', 'coredns');
    expect(statusOf(coredns, 'replicas-min')).toBe('exempt');
    expect(coredns.checks.find(c => c.id === 'replicas-min')?.reason).toMatch(
      /kube-system/,
    );
    expect(coredns.checks.some(c => c.status === 'fail')).toBe(false);
  });

  it('applies --config with a top-level availability key', () => {
    const { status, report } = json([
      '--config',
      'config/app-config.yaml',
      'poor',
    ]);
    expect(status).toBe(0);
    const web = entry(report, 'Deployment', 'web');
    const pinned = web.checks.find(c => c.id === 'image-tag-pinned');
    expect(pinned).toMatchObject({
      status: 'exempt',
      reason: 'Vendor image, tracked in SHOP-42',
    });
    expect(statusOf(web, 'replicas-recommended')).not.toBe('fail');
  });

  it('applies --config holding only the availability block', () => {
    const { report } = json(['--config', 'config/block.yaml', 'poor']);
    const check = entry(report, 'Pod', 'debug').checks.find(
      c => c.id === 'pod-controller',
    );
    expect(check).toMatchObject({ status: 'fail', severity: 'low' });
  });

  it('rejects an invalid config with exit 2 and nothing on stdout', () => {
    const result = run(['check', '--config', 'config/invalid.yaml', 'good']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/config\/invalid\.yaml.*severity/s);

    const missing = run(['check', '--config', 'config/nope.yaml', 'good']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Cannot read config file');
  });

  it('writes SARIF 2.1.0 with one rule per check and located failures', () => {
    const result = run(['check', '--format', 'sarif', 'poor', 'good']);
    expect(result.status).toBe(0);
    const sarif = JSON.parse(result.stdout) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const [sarifRun] = sarif.runs;
    const rules = sarifRun.tool.driver.rules;
    expect(rules.map(r => r.id)).toEqual(checkCatalog.map(c => c.id));
    for (const rule of rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(['error', 'warning', 'note']).toContain(
        rule.defaultConfiguration.level,
      );
    }
    expect(sarifRun.results.length).toBeGreaterThan(0);
    for (const sarifResult of sarifRun.results) {
      expect(rules[sarifResult.ruleIndex!].id).toBe(sarifResult.ruleId);
      expect(sarifResult.locations).toHaveLength(1);
    }
    const replicas = sarifRun.results.find(
      r => r.ruleId === 'replicas-min' && r.properties.name === 'web',
    );
    expect(replicas).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'poor/app.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: lineOf('poor/app.yaml', '  replicas: 1') },
          },
        },
      ],
    });
    expect(sarifRun.originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: `${pathToFileURL(FIXTURES).href}/` },
    });
    // Every result has a line, Dockerfile results too.
    for (const sarifResult of sarifRun.results) {
      expect(
        sarifResult.locations[0].physicalLocation.region?.startLine,
      ).toBeGreaterThan(0);
    }
    const pod = sarifRun.results.find(r => r.ruleId === 'pod-controller');
    expect(pod?.locations[0].physicalLocation.region?.startLine).toBe(
      lineOf('poor/app.yaml', 'kind: Pod') - 1,
    );
    const dockerignore = sarifRun.results.find(
      r => r.ruleId === 'dockerfile-dockerignore',
    );
    expect(
      dockerignore?.locations[0].physicalLocation.artifactLocation.uri,
    ).toBe('poor/worker.Dockerfile');
    // Only failures become results: the good set contributes none.
    expect(
      sarifRun.results.filter(r =>
        r.locations[0].physicalLocation.artifactLocation.uri.startsWith(
          'good/',
        ),
      ),
    ).toEqual([]);
    expect(sarifRun.invocations[0].executionSuccessful).toBe(true);
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema', () => {
    const result = run([
      'check',
      '--format',
      'sarif',
      'poor',
      'good',
      'elsewhere',
      'missing.yaml',
    ]);
    expect(result.status).toBe(2);
    // The published 2.1.0 schema is draft-04, and one of its patterns is
    // not valid as a Unicode regular expression.
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      unicodeRegExp: false,
    });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    expect([validate(JSON.parse(result.stdout)), validate.errors]).toEqual([
      true,
      null,
    ]);
  });

  it('reports a dangling autoscaler as its own entry, located on its scaleTargetRef (r3)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-cli-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'scaler.yaml'),
        [
          'apiVersion: keda.sh/v1alpha1',
          'kind: ScaledObject',
          'metadata:',
          '  name: worker',
          'spec:',
          '  scaleTargetRef:',
          '    name: gone',
          '',
        ].join('\n'),
      );
      const { report } = json(['.'], { cwd: dir });
      expect(entry(report, 'ScaledObject', 'worker').checks).toEqual([
        expect.objectContaining({ id: 'hpa-target-exists', status: 'fail' }),
      ]);
      const sarif = JSON.parse(
        run(['check', '--format', 'sarif', '.'], { cwd: dir }).stdout,
      ) as SarifLog;
      const [result] = sarif.runs[0].results;
      expect(result.ruleId).toBe('hpa-target-exists');
      expect(result.locations[0].physicalLocation).toMatchObject({
        artifactLocation: { uri: 'scaler.yaml' },
        region: { startLine: 6 },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('locates SARIF results on the object to change and the line of the field', () => {
    const sarif = JSON.parse(
      run(['check', '--format', 'sarif', 'poor', 'elsewhere']).stdout,
    ) as SarifLog;
    const at = (ruleId: string, name: string) => {
      const found = sarif.runs[0].results.find(
        r => r.ruleId === ruleId && r.properties.name === name,
      );
      const { artifactLocation, region } = found!.locations[0].physicalLocation;
      return `${artifactLocation.uri}:${region?.startLine}`;
    };
    const budgets = (text: string) =>
      `elsewhere/budgets.yaml:${lineOf('elsewhere/budgets.yaml', text)}`;
    // The HPA is what to change, not the Deployment. (Its one replica makes
    // the PDB rows not-applicable under revision 3, so none is located here.)
    expect(at('hpa-min-replicas', 'api')).toBe(budgets('  minReplicas: 1'));
    expect(at('replicas-min', 'api')).toBe(budgets('  minReplicas: 1'));
    expect(at('hpa-range', 'api')).toBe(budgets('  maxReplicas: 1'));
    // The field's own line where it exists, else the container's.
    const app = (text: string) =>
      `poor/app.yaml:${lineOf('poor/app.yaml', text)}`;
    expect(at('replicas-min', 'web')).toBe(app('  replicas: 1'));
    expect(at('rollout-strategy', 'web')).toBe(app('  strategy:'));
    expect(at('image-tag-pinned', 'web')).toBe(
      app('          image: nginx:latest'),
    );
    expect(at('secrets-by-reference', 'web')).toBe(
      app('              value: s3cr3t-value'),
    );
    expect(at('probe-readiness', 'web')).toBe(app('        - name: web'));
    expect(at('service-selects-pods', 'orphan')).toBe(
      `poor/app.yaml:${lineOf('poor/app.yaml', '  selector:', 2)}`,
    );
    // Dockerfile results: the instruction named, else the final stage.
    expect(at('dockerfile-healthcheck', 'elsewhere/Dockerfile')).toBe(
      `elsewhere/Dockerfile:${lineOf(
        'elsewhere/Dockerfile',
        'FROM node:22.11-slim',
      )}`,
    );
    expect(at('dockerfile-pinned-base', 'poor/worker.Dockerfile')).toBe(
      'poor/worker.Dockerfile:1',
    );
  });

  it('opens the text report with the score and the most failing checks, then workloads worst first', () => {
    const { stdout } = run(['check', 'poor', 'good']);
    const blocks = stdout.trimEnd().split(/\n\n(?=\S)/);
    expect(blocks[0]).toMatch(
      /^Availability score \d+\/100 \w+: \d+ entries, \d+ failing checks$/,
    );
    expect(blocks[1]).toMatch(/^Most failing checks:\n/);
    expect(blocks[1]).toMatch(
      /✗ probe-readiness \(high\) on 2 entries: Deployment shop\/web, Pod shop\/debug/,
    );
    // Fixes are built from each object, so a check whose entries need
    // different fixes shows each with its entry, and no fix twice.
    expect(blocks[1]).toContain("(each entry's fix is shown with it below)");
    expect(stdout).toContain(
      '# Deployment "web": spec.template.spec.containers[0] ("web")',
    );
    expect(stdout).toContain('# Pod "debug": spec.containers[0] ("debug")');
    // Worst first; passing entries take one line, saying why checks are unknown.
    const scores = blocks
      .slice(2)
      .map(b => /(\d+)\/100/.exec(b.split('\n')[0])?.[1])
      .filter(Boolean)
      .map(Number);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    const passing = blocks.filter(b => b.startsWith('✓ '));
    expect(passing.length).toBeGreaterThan(0);
    for (const block of passing) {
      expect(block.split('\n')).toHaveLength(1);
    }
    const withUnknown = passing.filter(b => /\d+ unknown/.test(b));
    expect(withUnknown.length).toBeGreaterThan(0);
    for (const block of withUnknown) {
      expect(block).toMatch(/unknown; \d+ Runtime check: /);
    }
    const web = blocks.find(b => b.startsWith('Deployment shop/web'))!;
    expect(web).toMatch(/\? runtime-ready, [^:]+ unknown: Runtime check: /);
  });

  it('writes a readable text report, failing checks first by severity', () => {
    const result = run(['check', 'poor']);
    expect(result.status).toBe(0);
    const text = result.stdout;
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('Deployment shop/web  poor/app.yaml:1');
    const webBlock = text
      .split(/\n\n(?=\S)/)
      .find(b => b.startsWith('Deployment shop/web'))!;
    const order = ['critical', 'high', 'medium', 'low'];
    const severities = [...webBlock.matchAll(/✗ \S+ \((\w+)\)/g)].map(m =>
      order.indexOf(m[1]),
    );
    expect(severities.length).toBeGreaterThan(3);
    expect([...severities].sort((a, b) => a - b)).toEqual(severities);
    expect(webBlock).toContain('✗ replicas-min (critical)');
    expect(text).toMatch(/^Availability score \d+\/100 \w+: 4 entries/);

    const colored = run(['check', 'poor'], { env: { FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain('\u001b[');
  });

  it('shows unreadable inputs in the text report', () => {
    const result = run(['check', 'good', 'missing-dir']);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(
      'Could not read:\n  missing-dir: no such file or directory',
    );
  });

  it.each([
    [['check'], /missing required argument/],
    [
      ['check', '--format', 'xml', 'good'],
      /Allowed choices are text, json, sarif/,
    ],
    [['check', '--min-score', '150', 'good'], /integer from 0 to 100/],
    [
      ['check', '--min-level', 'platinum', 'good'],
      /Allowed choices are bronze, silver, gold/,
    ],
    [['frobnicate'], /unknown command/],
    [[], /Usage: availability/],
  ])('exits 2 on the usage error %j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('prints help for the program and for check', () => {
    const program = run(['--help']);
    expect(program.status).toBe(0);
    expect(program.stdout).toContain('check [options] <inputs...>');
    const check = run(['check', '--help']);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('--min-level <level>');
    expect(check.stdout).toContain('Exit codes:');
  });
});
