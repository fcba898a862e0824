import fs from 'node:fs';
import path from 'node:path';
import {
  collectInputs,
  inputEntryType,
} from '@availability-backstage/plugin-availability-common';
import type {
  CollectedInputs,
  InputFileSystem,
} from '@availability-backstage/plugin-availability-common';

/** What the CLI read from its arguments. */
export interface Inputs extends CollectedInputs {
  /** The text of each input read, by the path the report shows (for SARIF lines). */
  texts: Map<string, string>;
  /** How many files (and stdin) were read. */
  fileCount: number;
}

/** The path a report shows for objects read from standard input. */
export const STDIN_PATH = '<stdin>';

/** Report paths are relative to the working directory, with forward slashes. */
function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  const shown =
    relative && !relative.startsWith('..') && !path.isAbsolute(relative)
      ? relative
      : file;
  return shown.split(path.sep).join('/');
}

/**
 * The working directory's file system. Symbolic links are followed to files
 * only, so that a walk cannot loop.
 */
function nodeFileSystem(cwd: string): InputFileSystem {
  const resolve = (file: string) => path.resolve(cwd, file);
  return {
    stat: file => inputEntryType(fs.statSync(resolve(file))),
    readDirectory: dir =>
      fs.readdirSync(resolve(dir), { withFileTypes: true }).map(entry => {
        let type = inputEntryType(entry);
        if (entry.isSymbolicLink()) {
          const target = fs.statSync(resolve(path.join(dir, entry.name)), {
            throwIfNoEntry: false,
          });
          type = target?.isFile() ? 'file' : 'other';
        }
        return { name: entry.name, type };
      }),
    readFile: file => fs.readFileSync(resolve(file), 'utf8'),
    exists: file => fs.existsSync(resolve(file)),
    join: path.join,
    dirname: path.dirname,
    display: file => displayPath(cwd, resolve(file)),
  };
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
 * Reads manifests and Dockerfiles from the CLI's arguments, by the rules of
 * `collectInputs` (shared with the scaffolder action), and standard input
 * for `-`. What cannot be read lands in `errors`.
 */
export function readInputs(options: ReadInputsOptions): Inputs {
  // The collector reads every input once; what it reads is kept for SARIF.
  const texts = new Map<string, string>();
  const record = (shown: string, text: string) => {
    texts.set(shown, text.replace(/^\uFEFF/, ''));
    return text;
  };
  const fileSystem = nodeFileSystem(options.cwd);
  const collected = collectInputs({
    fs: {
      ...fileSystem,
      readFile: file =>
        record(fileSystem.display(file), fileSystem.readFile(file)),
    },
    paths: options.args,
    stdinPath: STDIN_PATH,
    readStdin: () => record(STDIN_PATH, options.readStdin()),
    onFilesFound: options.onFilesFound,
  });
  return { ...collected, texts, fileCount: collected.files.length };
}
