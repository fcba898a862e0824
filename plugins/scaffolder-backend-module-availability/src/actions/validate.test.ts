import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { renderTemplate } from '../__testUtils__/renderTemplate';
import { createAvailabilityValidateAction } from './validate';
import { examples } from './validate.examples';

const GOLD_PARAMETERS = {
  name: 'shop-api',
  owner: 'group:default/guests',
  system: 'system:default/shop',
  repoUrl: 'github.com?owner=acme&repo=shop-api',
};

const SINGLE_REPLICA = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27.0
`;

describe('availability:validate', () => {
  const mockDir = createMockDirectory();

  async function run(
    input: Record<string, unknown>,
    action = createAvailabilityValidateAction(),
  ) {
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: mockDir.path,
    });
    await action.handler(ctx);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [
        name,
        value,
      ]),
    );
    return { ctx, outputs };
  }

  async function renderGoldWorkspace() {
    mockDir.clear();
    await renderTemplate({
      name: 'ha-node-service',
      parameters: GOLD_PARAMETERS,
      workspacePath: mockDir.path,
    });
  }

  describe('examples', () => {
    beforeEach(renderGoldWorkspace);

    it.each(examples.map(e => [e.description, e.example]))(
      'runs: %s',
      async (_description, example) => {
        const step = parse(example).steps[0];
        expect(step.action).toBe('availability:validate');
        const { outputs } = await run(step.input ?? {});
        expect(outputs.level).toBe('gold');
        expect(outputs.score).toBe(100);
        expect(outputs.report.workloads.length).toBeGreaterThan(0);
      },
    );
  });

  it('checks Dockerfiles beside the manifests and reports them by path', async () => {
    await renderGoldWorkspace();
    const { outputs } = await run({});
    const dockerfile = outputs.report.workloads.find(
      (w: { kind: string }) => w.kind === 'Dockerfile',
    );
    expect(dockerfile).toMatchObject({ name: 'Dockerfile', score: 100 });
    expect(dockerfile.checks.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining([
        'dockerfile-pinned-base',
        'dockerfile-non-root',
        'dockerfile-multi-stage',
        'dockerfile-healthcheck',
        'dockerfile-dockerignore',
      ]),
    );
  });

  it('fails below the required level, naming each failing check with its workload and message', async () => {
    mockDir.setContent({ 'k8s/web.yaml': SINGLE_REPLICA });
    const promise = run({ path: 'k8s' });
    await expect(promise).rejects.toThrow(
      /Availability validation failed: level (none|bronze|silver) \(score \d+\) is below the required gold/,
    );
    await expect(promise).rejects.toThrow(
      /Deployment default\/web \(k8s\/web\.yaml:1\): score \d+, level \w+\n {2}- replicas-min \[critical\]: /,
    );
    await expect(promise).rejects.toThrow(/- probe-readiness \[high\]: /);
    // r3: a PDB cannot help a single replica, so pdb-present is not listed.
    await expect(promise).rejects.not.toThrow(/- pdb-present \[high\]: /);
  });

  it('still sets the outputs and logs the summary when it fails', async () => {
    mockDir.setContent({ 'web.yaml': SINGLE_REPLICA });
    const ctx = createMockActionContext({
      input: {},
      workspacePath: mockDir.path,
    });
    await expect(
      createAvailabilityValidateAction().handler(ctx),
    ).rejects.toThrow();
    expect(ctx.output).toHaveBeenCalledWith('level', expect.any(String));
    expect(ctx.output).toHaveBeenCalledWith('score', expect.any(Number));
  });

  it('warns of a kustomization.yaml in the walk and names it in the summary (r3)', async () => {
    mockDir.setContent({
      'web.yaml': SINGLE_REPLICA,
      'overlays/prod/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\n',
    });
    const ctx = createMockActionContext({
      input: { minLevel: 'none' as const },
      workspacePath: mockDir.path,
    });
    const info = jest.spyOn(ctx.logger, 'info');
    await createAvailabilityValidateAction().handler(ctx);
    const report = (ctx.output as jest.Mock).mock.calls.find(
      ([name]) => name === 'report',
    )?.[1];
    expect(report.warnings).toEqual([
      {
        source: 'overlays/prod/kustomization.yaml',
        line: 1,
        message: expect.stringContaining('kustomize build'),
      },
    ]);
    expect(info).toHaveBeenCalledWith(
      expect.stringContaining(
        'Not evaluated:\n  - overlays/prod/kustomization.yaml:1: a Kustomization is not evaluated',
      ),
    );
  });

  it('accepts a lower level when minLevel allows it', async () => {
    mockDir.setContent({ 'web.yaml': SINGLE_REPLICA });
    const { outputs } = await run({ minLevel: 'none' });
    expect(outputs.level).not.toBe('gold');
    expect(outputs.score).toBeLessThan(90);
  });

  it('fails when a failOn check fails even though the level is reached', async () => {
    await renderGoldWorkspace();
    fs.rmSync(path.join(mockDir.path, 'k8s/networkpolicy.yaml'));
    // Without the NetworkPolicy the level is still gold (a medium failure).
    const { outputs } = await run({});
    expect(outputs.level).toBe('gold');

    await expect(run({ failOn: ['network-policy'] })).rejects.toThrow(
      /1 check\(s\) listed in failOn fail \(network-policy\)[\s\S]*network-policy on Deployment default\/shop-api/,
    );
  });

  it('rejects unknown check ids in failOn', async () => {
    await renderGoldWorkspace();
    await expect(run({ failOn: ['pdb-presnet'] })).rejects.toThrow(
      /failOn names unknown check id\(s\): pdb-presnet/,
    );
  });

  it('refuses paths outside the workspace', async () => {
    mockDir.setContent({ 'web.yaml': SINGLE_REPLICA });
    await expect(run({ path: '../' })).rejects.toThrow(
      /Relative path is not allowed to refer to a directory outside its parent/,
    );
  });

  it('fails on a path that does not exist', async () => {
    mockDir.setContent({ 'web.yaml': SINGLE_REPLICA });
    await expect(run({ path: 'deploy' })).rejects.toThrow(
      'Path deploy does not exist in the workspace',
    );
  });

  it('fails when there is nothing to check', async () => {
    mockDir.setContent({ 'README.md': '# nothing here', 'package.json': '{}' });
    await expect(run({})).rejects.toThrow(
      /no Kubernetes workloads, Services or Dockerfiles found under \./,
    );
  });

  it('fails on manifests that cannot be read and names them', async () => {
    await renderGoldWorkspace();
    fs.writeFileSync(
      path.join(mockDir.path, 'k8s/broken.yaml'),
      'kind: Deployment\n  metadata: [\n',
    );
    await expect(run({})).rejects.toThrow(
      /1 input\(s\) could not be read[\s\S]*Inputs that could not be read:\n {2}- k8s\/broken\.yaml:\d+: /,
    );
  });

  it('checks a single file given as path, whatever its name', async () => {
    mockDir.setContent({
      'deploy/web.manifest': SINGLE_REPLICA,
      'other.yaml':
        'apiVersion: v1\nkind: Service\nmetadata: { name: x }\nspec: {}\n',
    });
    const { outputs } = await run({
      path: 'deploy/web.manifest',
      minLevel: 'none',
    });
    expect(
      outputs.report.workloads.map(
        (w: { kind: string; name: string }) => `${w.kind}/${w.name}`,
      ),
    ).toEqual(['Deployment/web']);
  });

  it('skips hidden directories and node_modules', async () => {
    mockDir.setContent({
      'k8s/web.yaml': SINGLE_REPLICA.replace('replicas: 1', 'replicas: 3'),
      '.github/workflows/ci.yaml': 'on: push\njobs: {}\n',
      'node_modules/pkg/deploy.yaml': SINGLE_REPLICA.replace(
        /web/g,
        'vendored',
      ),
    });
    const { outputs } = await run({ minLevel: 'none' });
    expect(
      outputs.report.workloads.map((w: { name: string }) => w.name),
    ).toEqual(['web']);
  });

  it('applies the configured check overrides', async () => {
    mockDir.setContent({ 'web.yaml': SINGLE_REPLICA });
    const strict = await run({ minLevel: 'none' });
    const relaxed = await run(
      { minLevel: 'none' },
      createAvailabilityValidateAction({
        config: { checks: { 'replicas-min': { enabled: false } } },
      }),
    );
    const ids = (r: typeof strict) =>
      r.outputs.report.workloads[0].checks.map((c: { id: string }) => c.id);
    expect(ids(strict)).toContain('replicas-min');
    expect(ids(relaxed)).not.toContain('replicas-min');
  });
});
