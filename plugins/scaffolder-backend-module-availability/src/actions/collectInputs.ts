import { NotFoundError } from '@backstage/errors';
import {
  isDockerfileName,
  parseManifests,
  type DockerfileInput,
  type EvaluationObject,
  type ReportError,
} from '@availability-backstage/plugin-availability-common';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * What the validate action hands to the engine: the manifests and Dockerfiles
 * found under one path of the workspace.
 *
 * @internal
 */
export interface CollectedInputs {
  objects: EvaluationObject[];
  dockerfiles: DockerfileInput[];
  errors: ReportError[];
  /** Workspace-relative paths of every file read, for the log. */
  files: string[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

// Directories that never hold deployable manifests and can be large.
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build']);

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Reads Kubernetes manifests (`.yaml`, `.yml`, `.json`) and Dockerfiles under
 * `target`, a file or directory inside `root`. A file named explicitly is read
 * whatever its extension, as the CLI does; a directory walk skips hidden
 * directories (`.git`, `.github`: CI workflows are not manifests),
 * `node_modules`, `dist` and `build`. Paths in the result are relative to
 * `root` with forward slashes.
 *
 * @internal
 */
export async function collectInputs(options: {
  root: string;
  target: string;
}): Promise<CollectedInputs> {
  const { root, target } = options;
  const result: CollectedInputs = {
    objects: [],
    dockerfiles: [],
    errors: [],
    files: [],
  };

  const stat = await fs.stat(target).catch(() => undefined);
  if (!stat) {
    throw new NotFoundError(
      `Path ${
        toPosix(path.relative(root, target)) || '.'
      } does not exist in the workspace`,
    );
  }

  const readFile = async (file: string, explicit: boolean) => {
    const name = path.basename(file);
    const relative = toPosix(path.relative(root, file)) || name;
    if (isDockerfileName(name)) {
      const content = await fs.readFile(file, 'utf8');
      const hasDockerignore = await fs
        .access(path.join(path.dirname(file), '.dockerignore'))
        .then(
          () => true,
          () => false,
        );
      result.dockerfiles.push({ path: relative, content, hasDockerignore });
      result.files.push(relative);
      return;
    }
    if (!explicit && !MANIFEST_EXTENSIONS.has(path.extname(name))) {
      return;
    }
    const text = await fs.readFile(file, 'utf8');
    const parsed = parseManifests(text, relative);
    result.objects.push(...parsed.objects);
    result.errors.push(...parsed.errors);
    result.files.push(relative);
  };

  const walk = async (dir: string): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    // Sorted so that reports and logs do not depend on directory order.
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (
          !entry.name.startsWith('.') &&
          !SKIPPED_DIRECTORIES.has(entry.name)
        ) {
          await walk(full);
        }
      } else if (entry.isFile()) {
        await readFile(full, false);
      }
    }
  };

  if (stat.isDirectory()) {
    await walk(target);
  } else {
    await readFile(target, true);
  }
  return result;
}
