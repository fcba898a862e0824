import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments, parse } from 'yaml';
import { checkCatalog } from '@availability-backstage/plugin-availability-common';
import { createAvailabilityValidateAction } from './actions';
import {
  TEMPLATE_NAMES,
  readTemplate,
  renderTemplate,
} from './__testUtils__/renderTemplate';

const execFileAsync = promisify(execFile);

// The repository's node_modules: the generated services compile and run
// against the express, prom-client and TypeScript installed here.
const REPO_NODE_MODULES = path.resolve(__dirname, '../../../node_modules');

const BASE_PARAMETERS = {
  owner: 'group:default/guests',
  system: 'system:default/shop',
  repoUrl: 'github.com?owner=Acme-Corp&repo=orders',
};

const COMBINATIONS = [
  { name: 'orders', replicas: 2, size: 'small' },
  { name: 'orders', replicas: 3, size: 'medium' },
  { name: 'orders-api', replicas: 3, size: 'large' },
  { name: 'o', replicas: 5, size: 'small' },
  { name: 'payments-v2', replicas: 12, size: 'medium' },
  // Defaults from the form: replicas 3, size small.
  { name: 'defaults-only' },
];

const tmpDirs: string[] = [];
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-ws-'));
  tmpDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tmpDirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function validate(dir: string, input: Record<string, unknown>) {
  const ctx = createMockActionContext({
    input: input as any,
    workspacePath: dir,
  });
  await createAvailabilityValidateAction().handler(ctx);
  const outputs = Object.fromEntries(
    (ctx.output as jest.Mock).mock.calls.map(([k, v]) => [k, v]),
  );
  return outputs;
}

function readManifests(dir: string) {
  const k8s = path.join(dir, 'k8s');
  return fs
    .readdirSync(k8s)
    .flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(k8s, file), 'utf8')).map(
        doc => doc.toJS(),
      ),
    );
}

describe.each(TEMPLATE_NAMES)('template %s', templateName => {
  it('is a v1beta3 Template with the expected parameters and steps', () => {
    const template = readTemplate(templateName) as any;
    expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
    expect(template.kind).toBe('Template');
    const properties = Object.assign(
      {},
      ...template.spec.parameters.map((p: any) => p.properties),
    );
    expect(properties.owner['ui:field']).toBe('OwnerPicker');
    // Teams own services, not people.
    expect(properties.owner['ui:options'].catalogFilter.kind).toBe('Group');
    expect(properties.namespace).toMatchObject({
      type: 'string',
      default: 'default',
    });
    // The page before the review says what the check will ask for.
    expect(template.spec.parameters.at(-1)).toMatchObject({
      title: 'Availability check',
      description: expect.stringMatching(/gold level.*PodDisruptionBudget/s),
    });
    expect(properties.system['ui:field']).toBe('EntityPicker');
    expect(properties.system['ui:options'].catalogFilter.kind).toBe('System');
    expect(properties.repoUrl['ui:field']).toBe('RepoUrlPicker');
    expect(properties.replicas).toMatchObject({
      type: 'integer',
      minimum: 2,
      default: 3,
    });
    expect(properties.size.enum).toEqual(['small', 'medium', 'large']);
    // The shared service code first, then the template's own files.
    expect(template.spec.steps.map((s: any) => s.action)).toEqual([
      'fetch:template',
      'fetch:template',
      'availability:validate',
      'publish:github',
      'catalog:register',
    ]);
  });

  it.each(COMBINATIONS)(
    'renders gold with score 100 for %o',
    async parameters => {
      const dir = workspace();
      const { validateInput } = await renderTemplate({
        name: templateName,
        parameters: { ...BASE_PARAMETERS, ...parameters },
        workspacePath: dir,
      });
      expect(validateInput).toEqual({ path: '.', minLevel: 'gold' });

      const outputs = await validate(dir, validateInput);
      expect(outputs.level).toBe('gold');
      expect(outputs.score).toBe(100);
      const kinds = outputs.report.workloads.map((w: any) => w.kind);
      expect(kinds).toContain('Dockerfile');
      expect(kinds).toContain(
        templateName === 'ha-stateful-service' ? 'StatefulSet' : 'Deployment',
      );
      // Every check of the catalog ran: 100 is not the score of nothing.
      // (The stateful template's HPA is off by default: no autoscaler entry
      // carries hpa-target-exists.)
      const evaluated = new Set(
        outputs.report.workloads.flatMap((w: any) =>
          w.checks.map((c: any) => c.id),
        ),
      );
      expect(
        checkCatalog.filter(c => !evaluated.has(c.id)).map(c => c.id),
      ).toEqual(
        templateName === 'ha-stateful-service' ? ['hpa-target-exists'] : [],
      );
      // Nothing counted fails; only the chosen 2-replica exemption shows.
      const exempt = outputs.report.workloads.flatMap((w: any) =>
        w.checks
          .filter((c: any) => c.status === 'exempt')
          .map((c: any) => c.id),
      );
      // A StatefulSet without its optional HPA may also be exempt from
      // hpa-present where the engine still asks for one there (contract
      // revision 2); a Deployment never is.
      const alsoExempt =
        templateName === 'ha-stateful-service' ? ['hpa-present'] : [];
      expect(exempt.filter((id: string) => !alsoExempt.includes(id))).toEqual(
        (parameters.replicas ?? 3) < 3 ? ['replicas-recommended'] : [],
      );

      const name = parameters.name;
      const objects = readManifests(dir);
      for (const object of objects) {
        expect(object.metadata.labels['backstage.io/kubernetes-id']).toBe(name);
      }
      const workload = objects.find(o =>
        ['Deployment', 'StatefulSet'].includes(o.kind),
      );
      expect(workload.spec.template.metadata.labels).toMatchObject({
        'backstage.io/kubernetes-id': name,
      });
      expect(workload.spec.replicas).toBe(parameters.replicas ?? 3);
      const namespaced = objects.filter(o => o.kind !== 'PriorityClass');
      expect(new Set(namespaced.map(o => o.metadata.namespace))).toEqual(
        new Set(['default']),
      );
      // The stateful template's HPA is off by default: members rebalance
      // data, which an HPA cannot see. The Deployment's scales to 3 times.
      const hpa = objects.find(o => o.kind === 'HorizontalPodAutoscaler');
      const replicas = parameters.replicas ?? 3;
      const scaling = hpa && {
        min: hpa.spec.minReplicas,
        max: hpa.spec.maxReplicas,
      };
      expect(scaling).toEqual(
        templateName === 'ha-stateful-service'
          ? undefined
          : { min: replicas, max: replicas * 3 },
      );
      expect(workload.spec.template.spec.containers[0].image).toBe(
        `ghcr.io/acme-corp/${name}:0.1.0`,
      );

      const catalogInfo = parse(
        fs.readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8'),
      );
      expect(catalogInfo).toMatchObject({
        kind: 'Component',
        metadata: {
          name,
          annotations: {
            'backstage.io/kubernetes-id': name,
            'backstage.io/kubernetes-namespace': 'default',
          },
        },
        spec: { owner: 'group:default/guests', system: 'system:default/shop' },
      });
      const packageJson = JSON.parse(
        fs.readFileSync(path.join(dir, 'package.json'), 'utf8'),
      );
      expect(packageJson.name).toBe(name);
    },
  );

  it('puts every object in the chosen namespace, and the stateful HPA only when asked for', async () => {
    const dir = workspace();
    const { validateInput } = await renderTemplate({
      name: templateName,
      parameters: {
        ...BASE_PARAMETERS,
        name: 'orders',
        namespace: 'shop',
        autoscale: true,
      },
      workspacePath: dir,
    });
    const objects = readManifests(dir);
    const namespaced = objects.filter(o => o.kind !== 'PriorityClass');
    expect(new Set(namespaced.map(o => o.metadata.namespace))).toEqual(
      new Set(['shop']),
    );
    const hpa = objects.find(o => o.kind === 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef.kind).toBe(
      templateName === 'ha-stateful-service' ? 'StatefulSet' : 'Deployment',
    );
    expect((await validate(dir, validateInput)).level).toBe('gold');
  });

  it('writes .gitignore and .github, which the skeleton names as expressions', async () => {
    // npm and yarn leave .gitignore and .github out of a package's tarball.
    const dir = workspace();
    await renderTemplate({
      name: templateName,
      parameters: { ...BASE_PARAMETERS, name: 'orders' },
      workspacePath: dir,
    });
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8')).toContain(
      'node_modules',
    );
    expect(fs.existsSync(path.join(dir, '.github/workflows/ci.yaml'))).toBe(
      true,
    );
  });

  it('keeps descriptions with quotes valid in YAML and JSON', async () => {
    const dir = workspace();
    const description = 'Orders: the "source of truth" for #orders';
    await renderTemplate({
      name: templateName,
      parameters: { ...BASE_PARAMETERS, name: 'orders', description },
      workspacePath: dir,
    });
    const catalogInfo = parse(
      fs.readFileSync(path.join(dir, 'catalog-info.yaml'), 'utf8'),
    );
    expect(catalogInfo.metadata.description).toBe(description);
    expect(
      JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
        .description,
    ).toBe(description);
  });

  it('scales the resources with the size preset', async () => {
    const limits: Record<string, string> = {};
    for (const size of ['small', 'medium', 'large']) {
      const dir = workspace();
      await renderTemplate({
        name: templateName,
        parameters: { ...BASE_PARAMETERS, name: 'orders', size },
        workspacePath: dir,
      });
      const workload = readManifests(dir).find(o =>
        ['Deployment', 'StatefulSet'].includes(o.kind),
      );
      limits[size] =
        workload.spec.template.spec.containers[0].resources.limits.memory;
    }
    expect(limits).toEqual({ small: '256Mi', medium: '1Gi', large: '2Gi' });
  });

  it('fails the task with a clear message when rendered with 1 replica', async () => {
    const dir = workspace();
    const { validateInput } = await renderTemplate({
      name: templateName,
      parameters: { ...BASE_PARAMETERS, name: 'orders', replicas: 1 },
      workspacePath: dir,
    });
    await expect(validate(dir, validateInput)).rejects.toThrow(
      /below the required gold[\s\S]*- replicas-min \[critical\]: /,
    );
  });

  it('fails the task with a clear message when the PDB is dropped', async () => {
    const dir = workspace();
    const { validateInput } = await renderTemplate({
      name: templateName,
      parameters: { ...BASE_PARAMETERS, name: 'orders' },
      workspacePath: dir,
    });
    fs.rmSync(path.join(dir, 'k8s/pdb.yaml'));
    await expect(validate(dir, validateInput)).rejects.toThrow(
      /below the required gold[\s\S]*- pdb-present \[high\]: /,
    );
  });

  describe('generated service', () => {
    let dir: string;

    beforeAll(async () => {
      dir = workspace();
      await renderTemplate({
        name: templateName,
        parameters: { ...BASE_PARAMETERS, name: 'orders' },
        workspacePath: dir,
      });
      fs.symlinkSync(REPO_NODE_MODULES, path.join(dir, 'node_modules'), 'dir');
    });

    it('compiles with tsc and passes its own tests', async () => {
      const tsc = path.join(REPO_NODE_MODULES, 'typescript/bin/tsc');
      await execFileAsync(process.execPath, [tsc, '-p', 'tsconfig.json'], {
        cwd: dir,
      });
      const { stdout } = await execFileAsync(
        process.execPath,
        ['--test', 'dist/**/*.test.js'],
        { cwd: dir },
      );
      expect(stdout).toMatch(/# fail 0/);
      expect(stdout).toMatch(/# pass [1-9]/);
    }, 60_000);

    it('answers /health and /ready, fails readiness first on SIGTERM and exits cleanly', async () => {
      const dataDir = fs.mkdtempSync(
        path.join(os.tmpdir(), 'availability-data-'),
      );
      tmpDirs.push(dataDir);
      const child = spawn(process.execPath, ['dist/index.js'], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          DATA_DIR: dataDir,
          SHUTDOWN_DELAY_MS: '1500',
          DRAIN_TIMEOUT_MS: '2000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const logs: any[] = [];
      const exited = new Promise<number | null>(resolve =>
        child.on('exit', code => resolve(code)),
      );
      const port = await new Promise<number>((resolve, reject) => {
        let buffer = '';
        child.stdout.on('data', chunk => {
          buffer += String(chunk);
          let newline = buffer.indexOf('\n');
          while (newline >= 0) {
            const entry = JSON.parse(buffer.slice(0, newline));
            logs.push(entry);
            if (entry.message === 'listening') {
              resolve(entry.port);
            }
            buffer = buffer.slice(newline + 1);
            newline = buffer.indexOf('\n');
          }
        });
        child.once('exit', code => reject(new Error(`exited with ${code}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      try {
        expect((await fetch(`${base}/health`)).status).toBe(200);
        expect((await fetch(`${base}/ready`)).status).toBe(200);
        expect((await fetch(`${base}/metrics`)).status).toBe(200);

        child.kill('SIGTERM');
        // Readiness fails within the shutdown delay, liveness still answers.
        let readyStatus = 200;
        for (let i = 0; i < 50 && readyStatus === 200; i++) {
          readyStatus = (await fetch(`${base}/ready`)).status;
        }
        expect(readyStatus).toBe(503);
        expect((await fetch(`${base}/health`)).status).toBe(200);

        expect(await exited).toBe(0);
      } finally {
        child.kill('SIGKILL');
      }
      const messages = logs.map(l => l.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          'listening',
          'shutdown started: readiness now fails',
          'shutdown complete',
        ]),
      );
      expect(logs.every(l => l.service === 'orders' && l.time)).toBe(true);
      await expect(fetch(`${base}/health`)).rejects.toThrow();
    }, 30_000);
  });
});
