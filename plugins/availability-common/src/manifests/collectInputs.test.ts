import {
  collectInputs,
  isSkippedDirectory,
  isWalkedFile,
  type InputFileSystem,
} from './collectInputs';

const service = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n`;

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: failed`), { code });
}

/**
 * A file system over a map of `a/b/c` paths to contents: directories are the
 * prefixes of the files, `null` is a file that cannot be read.
 */
function memoryFs(files: Record<string, string | null>): InputFileSystem {
  const normal = (path: string) => path.replace(/^\.\/|\/$/g, '');
  const isDirectory = (path: string) =>
    path === '.' ||
    Object.keys(files).some(file => file.startsWith(`${normal(path)}/`));
  return {
    stat: path => {
      if (normal(path) in files) {
        return 'file';
      }
      if (isDirectory(path)) {
        return 'directory';
      }
      throw errno('ENOENT');
    },
    readDirectory: path => {
      const prefix = path === '.' ? '' : `${normal(path)}/`;
      const names = new Map<string, 'file' | 'directory'>();
      for (const file of Object.keys(files)) {
        if (file.startsWith(prefix)) {
          const [name, ...rest] = file.slice(prefix.length).split('/');
          names.set(name, rest.length > 0 ? 'directory' : 'file');
        }
      }
      return [...names].map(([name, type]) => ({ name, type }));
    },
    readFile: path => {
      const content = files[normal(path)];
      if (content === undefined) {
        throw errno('ENOENT');
      }
      if (content === null) {
        throw errno('EACCES');
      }
      return content;
    },
    exists: path => normal(path) in files || isDirectory(path),
    join: (directory, name) =>
      directory === '.' ? name : `${normal(directory)}/${name}`,
    dirname: path => path.split('/').slice(0, -1).join('/') || '.',
    display: normal,
  };
}

describe('collectInputs', () => {
  const tree = {
    'k8s/a.yaml': service('a'),
    'k8s/B.YAML': service('upper'),
    'k8s/nested/b.yml': service('b'),
    'k8s/c.json': JSON.stringify({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'c' },
    }),
    'k8s/f.yaml': `\ufeff${service('bom')}`,
    'k8s/notes.md': service('md'),
    'k8s/node_modules/pkg/d.yaml': service('node-modules'),
    'k8s/.github/workflows/ci.yaml': service('hidden'),
    'k8s/dist/e.yaml': service('dist'),
    'k8s/build/e.yaml': service('build'),
    'app/Dockerfile': 'FROM node:22\n',
    'app/.dockerignore': 'node_modules\n',
    'lone/api.Dockerfile': 'FROM node:22\n',
    'lone/api.Dockerfile.dockerignore': '*\n',
    'lone/other.Dockerfile': 'FROM node:22\n',
    'overlay/kustomization.yaml':
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n',
    'locked/secret.yaml': null,
  };
  const collect = (paths: string[], readStdin?: () => string) =>
    collectInputs({ fs: memoryFs(tree), paths, readStdin, stdinPath: '<in>' });

  it('walks YAML and JSON in any case and Dockerfiles, in code-unit order, skipping dependencies, build output and hidden directories', () => {
    const inputs = collect(['k8s', 'app', 'lone']);
    expect(inputs.errors).toEqual([]);
    expect(
      inputs.objects.map(o => [o.object.metadata?.name, o.source?.path]),
    ).toEqual([
      ['upper', 'k8s/B.YAML'],
      ['a', 'k8s/a.yaml'],
      ['c', 'k8s/c.json'],
      ['bom', 'k8s/f.yaml'],
      ['b', 'k8s/nested/b.yml'],
    ]);
    expect(inputs.dockerfiles.map(d => [d.path, d.hasDockerignore])).toEqual([
      ['app/Dockerfile', true],
      ['lone/api.Dockerfile', true],
      ['lone/other.Dockerfile', false],
    ]);
    expect(inputs.files).toHaveLength(8);
  });

  it('reads a named file whatever its extension, once however often it is named', () => {
    const inputs = collect(['k8s/notes.md', './k8s/notes.md', 'k8s']);
    expect(inputs.files.filter(file => file === 'k8s/notes.md')).toHaveLength(
      1,
    );
    expect(inputs.objects.map(o => o.object.metadata?.name)).toContain('md');
  });

  it('collects what cannot be read, by its shown path, and reads the rest', () => {
    const onFilesFound = jest.fn();
    const inputs = collectInputs({
      fs: memoryFs(tree),
      paths: ['nope.yaml', 'locked', 'k8s/a.yaml', '-'],
      stdinPath: '<in>',
      readStdin: () => {
        throw new Error('stdin is closed');
      },
      onFilesFound,
    });
    expect(inputs.errors).toEqual([
      { source: 'nope.yaml', message: 'no such file or directory' },
      { source: 'locked/secret.yaml', message: 'permission denied' },
      { source: '<in>', message: 'stdin is closed' },
    ]);
    expect(onFilesFound).toHaveBeenCalledWith(2);
    expect(inputs.files).toEqual(['k8s/a.yaml']);
  });

  it('reads standard input last, without a byte-order mark, only where a reader is given', () => {
    const piped = collect(['-', 'k8s/a.yaml'], () => `\ufeff${service('p')}`);
    expect(piped.files).toEqual(['k8s/a.yaml', '<in>']);
    expect(piped.objects[1]).toMatchObject({
      object: { metadata: { name: 'p' } },
      source: { path: '<in>', line: 1 },
    });
    expect(collect(['-']).errors).toEqual([
      { source: '-', message: 'no such file or directory' },
    ]);
  });

  it('lists the kustomization files a walk meets', () => {
    expect(collect(['.']).kustomizations).toEqual([
      'overlay/kustomization.yaml',
    ]);
    expect(collect(['overlay/kustomization.yaml']).kustomizations).toEqual([]);
  });

  it('names the directories a walk skips and the files it reads', () => {
    expect(
      ['node_modules', '.git', 'dist', 'build', 'deploy', 'builds'].filter(
        isSkippedDirectory,
      ),
    ).toEqual(['node_modules', '.git', 'dist', 'build']);
    expect(
      [
        'a.yaml',
        'a.YML',
        'a.Json',
        'Dockerfile',
        'api.dockerfile',
        'notes.md',
        'yaml',
      ].filter(isWalkedFile),
    ).toEqual(['a.yaml', 'a.YML', 'a.Json', 'Dockerfile', 'api.dockerfile']);
  });
});
