import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readInputs, STDIN_PATH } from './readInputs';

const SERVICE = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

describe('readInputs', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-inputs-'));
    const write = (file: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    };
    write('k8s/a.yaml', SERVICE('a'));
    write('k8s/nested/b.yml', SERVICE('b'));
    write(
      'k8s/c.json',
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'c' },
      }),
    );
    write('k8s/notes.md', SERVICE('md'));
    write('k8s/node_modules/pkg/d.yaml', SERVICE('in-node-modules'));
    write('k8s/.hidden/e.yaml', SERVICE('hidden'));
    write('k8s/f.yaml', `\ufeff${SERVICE('bom')}`);
    write('app/Dockerfile', 'FROM node:22\n');
    write('app/.dockerignore', 'node_modules\n');
    write('app/worker.Dockerfile', 'FROM node:22\n');
    write('lone/api.Dockerfile', 'FROM node:22\n');
    write('lone/api.Dockerfile.dockerignore', '*\n');
    write('lone/other.Dockerfile', 'FROM node:22\n');
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const read = (args: string[], stdin = '') =>
    readInputs({ args, cwd: dir, readStdin: () => stdin });

  it('walks directories for YAML, JSON and Dockerfiles only, skipping node_modules and dot directories', () => {
    const inputs = read(['k8s', 'app']);
    expect(inputs.errors).toEqual([]);
    expect(
      inputs.objects.map(o => [o.object.metadata?.name, o.source?.path]),
    ).toEqual([
      ['a', 'k8s/a.yaml'],
      ['c', 'k8s/c.json'],
      ['bom', 'k8s/f.yaml'],
      ['b', 'k8s/nested/b.yml'],
    ]);
    expect(inputs.dockerfiles.map(d => [d.path, d.hasDockerignore])).toEqual([
      ['app/Dockerfile', true],
      ['app/worker.Dockerfile', true],
    ]);
    expect(inputs.fileCount).toBe(6);
  });

  it('reads a named file whatever its extension, once even when named twice', () => {
    const inputs = read(['k8s/notes.md', 'k8s/notes.md', 'k8s/a.yaml', 'k8s']);
    expect(inputs.objects.map(o => o.object.metadata?.name).sort()).toEqual([
      'a',
      'b',
      'bom',
      'c',
      'md',
    ]);
  });

  it('counts a BuildKit <name>.dockerignore beside a Dockerfile', () => {
    const inputs = read(['lone']);
    expect(inputs.dockerfiles.map(d => [d.path, d.hasDockerignore])).toEqual([
      ['lone/api.Dockerfile', true],
      ['lone/other.Dockerfile', false],
    ]);
  });

  it('reads standard input for -', () => {
    const inputs = read(['-'], SERVICE('piped'));
    expect(inputs.objects).toEqual([
      expect.objectContaining({ source: { path: STDIN_PATH, line: 1 } }),
    ]);
  });

  it('lists missing paths and unreadable stdin as errors and reads the rest', () => {
    const inputs = readInputs({
      args: ['nope.yaml', 'k8s/a.yaml', '-'],
      cwd: dir,
      readStdin: () => {
        throw new Error('stdin is closed');
      },
    });
    expect(inputs.errors).toEqual([
      { source: 'nope.yaml', message: 'no such file or directory' },
      { source: STDIN_PATH, message: 'stdin is closed' },
    ]);
    expect(inputs.objects).toHaveLength(1);
  });

  it('shows paths outside the working directory as absolute', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'availability-out-'));
    try {
      fs.writeFileSync(path.join(outside, 'x.yaml'), SERVICE('x'));
      const inputs = readInputs({
        args: [path.join(outside, 'x.yaml')],
        cwd: dir,
        readStdin: () => '',
      });
      expect(inputs.objects[0].source?.path).toBe(
        path.join(outside, 'x.yaml').split(path.sep).join('/'),
      );
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
