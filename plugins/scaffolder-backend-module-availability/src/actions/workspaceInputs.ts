import { NotFoundError } from '@backstage/errors';
import {
  collectInputs,
  inputEntryType,
  type CollectedInputs,
  type InputFileSystem,
} from '@availability-backstage/plugin-availability-common';
import fs from 'node:fs';
import path from 'node:path';

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * The workspace as the collector sees it: paths are absolute, shown relative
 * to the workspace. Links met in a walk are not followed (`other`), so that
 * a walk stays inside the workspace.
 */
function workspaceFileSystem(root: string): InputFileSystem {
  return {
    stat: file => inputEntryType(fs.statSync(file)),
    readDirectory: dir =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .map(entry => ({ name: entry.name, type: inputEntryType(entry) })),
    readFile: file => fs.readFileSync(file, 'utf8'),
    exists: file => fs.existsSync(file),
    join: path.join,
    dirname: path.dirname,
    display: file => toPosix(path.relative(root, file)) || path.basename(file),
  };
}

/**
 * Reads the manifests and Dockerfiles under `target`, a file or directory
 * inside the workspace `root`, by the rules of `collectInputs` (shared with
 * the CLI). Paths in the result are relative to `root`.
 *
 * @internal
 */
export function collectWorkspaceInputs(options: {
  root: string;
  target: string;
}): CollectedInputs {
  const { root, target } = options;
  // A template that names a missing path is wrong, not a workspace with
  // nothing to check.
  if (!fs.existsSync(target)) {
    throw new NotFoundError(
      `Path ${
        toPosix(path.relative(root, target)) || '.'
      } does not exist in the workspace`,
    );
  }
  return collectInputs({ fs: workspaceFileSystem(root), paths: [target] });
}
