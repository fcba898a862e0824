import type {
  DockerfileInput,
  EvaluationObject,
  ReportError,
  ReportWarning,
} from '../types';
import { isDockerfileName } from './isDockerfileName';
import { parseManifests } from './parseManifests';

/**
 * What a directory entry is, as the file system that lists it sees it. How
 * links are treated is the file system's choice: the CLI follows a link to a
 * file and reports it as a `file`; a scaffolder workspace reports links as
 * `other`, so that a walk never leaves the workspace.
 *
 * @public
 */
export type InputEntryType = 'file' | 'directory' | 'other';

/**
 * The {@link InputEntryType} of a Node `Stats` or `Dirent` (a link is
 * `other`).
 *
 * @public
 */
export function inputEntryType(entry: {
  isDirectory(): boolean;
  isFile(): boolean;
}): InputEntryType {
  if (entry.isDirectory()) {
    return 'directory';
  }
  return entry.isFile() ? 'file' : 'other';
}

/**
 * The file system {@link collectInputs} reads, passed in so that the rules
 * stay the same for every caller (and for tests over an in-memory tree).
 * Paths are the ones given to `collectInputs` and those made from them with
 * `join`; methods throw (Node's `ENOENT`, `EACCES`, … errors) on failure.
 *
 * @public
 */
export interface InputFileSystem {
  /** What is at `path` (following links). */
  stat(path: string): InputEntryType;
  /** The entries of a directory, in any order. */
  readDirectory(path: string): { name: string; type: InputEntryType }[];
  readFile(path: string): string;
  exists(path: string): boolean;
  join(directory: string, name: string): string;
  dirname(path: string): string;
  /**
   * The path a report shows for `path`, with forward slashes. Two paths that
   * name the same file show the same, so a file is read once.
   */
  display(path: string): string;
}

/**
 * Manifests and Dockerfiles read by {@link collectInputs}, ready for
 * `evaluate`.
 *
 * @public
 */
export interface CollectedInputs {
  objects: EvaluationObject[];
  dockerfiles: DockerfileInput[];
  /** What could not be read, by the path shown for it; the rest is read. */
  errors: ReportError[];
  /** The shown paths of every input read (standard input included). */
  files: string[];
  /**
   * The shown paths of `kustomization.yaml` files met in a directory walk:
   * their objects are the rendered output, not these files, so they are
   * reported as warnings (render first: `kustomize build . | … check -`).
   */
  kustomizations: string[];
}

/**
 * Options for {@link collectInputs}.
 *
 * @public
 */
export interface CollectInputsOptions {
  fs: InputFileSystem;
  /** Files and directories; `-` is standard input where `readStdin` is given. */
  paths: string[];
  /** The path reports show for objects read from standard input. */
  stdinPath?: string;
  readStdin?: () => string;
  /** Called with the number of files found, before any is read. */
  onFilesFound?: (count: number) => void;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/**
 * Directories a walk never enters: dependencies, build output (copies of
 * manifests would count twice) and hidden ones (`.git`, `.github`: CI
 * workflows are not manifests).
 *
 * @public
 */
export function isSkippedDirectory(name: string): boolean {
  return (
    name.startsWith('.') ||
    name === 'node_modules' ||
    name === 'dist' ||
    name === 'build'
  );
}

/**
 * Whether a directory walk reads a file: `.yaml`, `.yml`, `.json` (in any
 * case) and Dockerfiles. A file named explicitly is read whatever its name.
 *
 * @public
 */
export function isWalkedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    MANIFEST_EXTENSIONS.some(extension => lower.endsWith(extension)) ||
    isDockerfileName(name)
  );
}

/**
 * The report warnings for the `kustomization.yaml` files a walk met: the
 * objects they describe are the rendered output, which the walk does not
 * see.
 *
 * @public
 */
export function kustomizationWarnings(
  kustomizations: readonly string[],
): ReportWarning[] {
  return kustomizations.map(source => ({
    source,
    line: 1,
    message:
      'a Kustomization is not evaluated: its objects are what `kustomize build` renders. Render it first and check the output, e.g. `kustomize build . | availability check -`',
  }));
}

function isKustomization(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'kustomization.yaml' || lower === 'kustomization.yml';
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ENOENT') {
    return 'no such file or directory';
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return 'permission denied';
  }
  return error instanceof Error ? error.message : String(error);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

interface Found {
  path: string;
  shown: string;
}

/**
 * The one reader of manifests and Dockerfiles given on a command line or to
 * a scaffolder action: files named explicitly whatever their extension,
 * directories recursively (see {@link isWalkedFile} and
 * {@link isSkippedDirectory}; entries in code-unit order, so reports do not
 * depend on the file system), a leading byte-order mark dropped. Nothing
 * throws: what cannot be read lands in `errors` and the rest is read.
 *
 * @public
 */
export function collectInputs(options: CollectInputsOptions): CollectedInputs {
  const { fs } = options;
  const result: CollectedInputs = {
    objects: [],
    dockerfiles: [],
    errors: [],
    files: [],
    kustomizations: [],
  };
  const found = new Map<string, Found>();
  const add = (path: string) => {
    const shown = fs.display(path);
    if (!found.has(shown)) {
      found.set(shown, { path, shown });
    }
  };

  const walk = (directory: string) => {
    const entries = fs
      .readDirectory(directory)
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const path = fs.join(directory, entry.name);
      if (entry.type === 'directory') {
        if (!isSkippedDirectory(entry.name)) {
          walk(path);
        }
      } else if (entry.type === 'file' && isWalkedFile(entry.name)) {
        if (isKustomization(entry.name)) {
          result.kustomizations.push(fs.display(path));
        }
        add(path);
      }
    }
  };

  let stdin = false;
  for (const path of options.paths) {
    if (path === '-' && options.readStdin) {
      stdin = true;
      continue;
    }
    try {
      if (fs.stat(path) === 'directory') {
        walk(path);
      } else {
        add(path);
      }
    } catch (error) {
      result.errors.push({
        source: fs.display(path),
        message: describe(error),
      });
    }
  }

  options.onFilesFound?.(found.size);
  for (const { path, shown } of found.values()) {
    let content: string;
    try {
      content = stripBom(fs.readFile(path));
    } catch (error) {
      result.errors.push({ source: shown, message: describe(error) });
      continue;
    }
    result.files.push(shown);
    if (isDockerfileName(path)) {
      result.dockerfiles.push({
        path: shown,
        content,
        hasDockerignore: hasDockerignore(fs, path),
      });
    } else {
      addManifests(result, content, shown);
    }
  }

  if (stdin && options.readStdin) {
    const shown = options.stdinPath ?? '-';
    try {
      const content = stripBom(options.readStdin());
      result.files.push(shown);
      addManifests(result, content, shown);
    } catch (error) {
      result.errors.push({ source: shown, message: describe(error) });
    }
  }
  return result;
}

function hasDockerignore(fs: InputFileSystem, file: string): boolean {
  // BuildKit also reads `<name>.Dockerfile.dockerignore` beside the file.
  return (
    fs.exists(fs.join(fs.dirname(file), '.dockerignore')) ||
    fs.exists(`${file}.dockerignore`)
  );
}

function addManifests(
  result: CollectedInputs,
  content: string,
  source: string,
) {
  const parsed = parseManifests(content, source);
  result.objects.push(...parsed.objects);
  result.errors.push(...parsed.errors);
}
