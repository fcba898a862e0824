import fs from 'node:fs';
import path from 'node:path';
import {
  isDockerfileName,
  parseManifests,
} from '@availability-backstage/plugin-availability-common';
import type {
  DockerfileInput,
  EvaluationObject,
  ReportError,
} from '@availability-backstage/plugin-availability-common';

/** What the CLI read from its arguments. */
export interface Inputs {
  objects: EvaluationObject[];
  dockerfiles: DockerfileInput[];
  errors: ReportError[];
  /** The text of each manifest input, by the path the report shows (for SARIF lines). */
  texts: Map<string, string>;
  /** How many files (and stdin) were read. */
  fileCount: number;
}

/** The path a report shows for objects read from standard input. */
export const STDIN_PATH = '<stdin>';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Directories a walk never enters: dependencies and VCS/tool state. */
function isSkippedDirectory(name: string): boolean {
  return name === 'node_modules' || name.startsWith('.');
}

function isWalkedFile(name: string): boolean {
  return (
    MANIFEST_EXTENSIONS.has(path.extname(name).toLowerCase()) ||
    isDockerfileName(name)
  );
}

/** Report paths are relative to the working directory, with forward slashes. */
function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  const shown =
    relative && !relative.startsWith('..') && !path.isAbsolute(relative)
      ? relative
      : file;
  return shown.split(path.sep).join('/');
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    return 'no such file or directory';
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return 'permission denied';
  }
  return error instanceof Error ? error.message : String(error);
}

function walk(dir: string, files: string[]) {
  const entries = fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isSkippedDirectory(entry.name)) {
        walk(full, files);
      }
    } else if (isWalkedFile(entry.name)) {
      // Symbolic links are followed to files only, so a walk cannot loop.
      if (entry.isFile() || (entry.isSymbolicLink() && isFile(full))) {
        files.push(full);
      }
    }
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function hasDockerignore(file: string): boolean {
  // BuildKit also reads `<name>.Dockerfile.dockerignore` beside the file.
  return (
    fs.existsSync(path.join(path.dirname(file), '.dockerignore')) ||
    fs.existsSync(`${file}.dockerignore`)
  );
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Options for {@link readInputs}. */
export interface ReadInputsOptions {
  /** Files, directories, or `-` for standard input. */
  args: string[];
  cwd: string;
  readStdin: () => string;
  /** Called with the number of files found, before reading them. */
  onFilesFound?: (count: number) => void;
}

/**
 * Reads manifests and Dockerfiles: files named explicitly whatever their
 * extension, directories recursively (YAML, JSON and Dockerfiles only), and
 * standard input for `-`. What cannot be read lands in `errors`.
 */
export function readInputs(options: ReadInputsOptions): Inputs {
  const { args, cwd } = options;
  const inputs: Inputs = {
    objects: [],
    dockerfiles: [],
    errors: [],
    texts: new Map(),
    fileCount: 0,
  };
  const files: string[] = [];
  let stdin = false;

  for (const arg of args) {
    if (arg === '-') {
      stdin = true;
      continue;
    }
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (error) {
      inputs.errors.push({ source: arg, message: describe(error) });
      continue;
    }
    if (stat.isDirectory()) {
      try {
        walk(full, files);
      } catch (error) {
        inputs.errors.push({ source: arg, message: describe(error) });
      }
    } else {
      files.push(full);
    }
  }

  // A file named twice, or found by two walks, is read once.
  const unique = [...new Set(files)];
  options.onFilesFound?.(unique.length);

  for (const file of unique) {
    const shown = displayPath(cwd, file);
    let content: string;
    try {
      content = stripBom(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      inputs.errors.push({ source: shown, message: describe(error) });
      continue;
    }
    inputs.fileCount += 1;
    if (isDockerfileName(file)) {
      inputs.dockerfiles.push({
        path: shown,
        content,
        hasDockerignore: hasDockerignore(file),
      });
    } else {
      addManifests(inputs, content, shown);
    }
  }

  if (stdin) {
    let content: string;
    try {
      content = stripBom(options.readStdin());
      inputs.fileCount += 1;
      addManifests(inputs, content, STDIN_PATH);
    } catch (error) {
      inputs.errors.push({ source: STDIN_PATH, message: describe(error) });
    }
  }
  return inputs;
}

function addManifests(inputs: Inputs, content: string, source: string) {
  inputs.texts.set(source, content);
  const parsed = parseManifests(content, source);
  for (const object of parsed.objects) {
    inputs.objects.push(object);
  }
  inputs.errors.push(...parsed.errors);
}
