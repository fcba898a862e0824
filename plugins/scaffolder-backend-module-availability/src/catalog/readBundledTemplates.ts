import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';

/** The Location beside the templates that lists them: one list for both ways of registering them. */
const INDEX_FILE = 'all.yaml';

/**
 * Where the bundled templates are and how to present them.
 *
 * @internal
 */
export interface ReadBundledTemplatesOptions {
  /** The package's `templates` directory. */
  directory: string;
  /** Replaces each template's `spec.owner` when set. */
  owner?: string;
}

async function readYaml(file: string): Promise<any> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(
      `Cannot read the bundled template file ${file}`,
      error,
    );
  }
  try {
    return parse(text);
  } catch (error) {
    throw new InputError(`${file} is not valid YAML`, error);
  }
}

/**
 * Reads the templates listed in the package's `templates/all.yaml`. Each one
 * is annotated with its own file as its location, so the scaffolder resolves
 * the relative `url` of its `fetch:template` steps inside the installed
 * package.
 *
 * @internal
 */
export async function readBundledTemplates(
  options: ReadBundledTemplatesOptions,
): Promise<Entity[]> {
  const indexFile = path.join(options.directory, INDEX_FILE);
  const index = await readYaml(indexFile);
  const targets: unknown = index?.spec?.targets;
  if (
    index?.kind !== 'Location' ||
    !Array.isArray(targets) ||
    !targets.every(t => typeof t === 'string')
  ) {
    throw new InputError(
      `${indexFile} must be a Location whose spec.targets lists the template files`,
    );
  }
  return Promise.all(
    targets.map(async (target: string) => {
      const file = resolveSafeChildPath(options.directory, target);
      const entity = await readYaml(file);
      if (entity?.kind !== 'Template' || !entity.metadata?.name) {
        throw new InputError(`${file} is not a named Template entity`);
      }
      const location = `file:${file}`;
      return {
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: {
            ...entity.metadata.annotations,
            [ANNOTATION_LOCATION]: location,
            [ANNOTATION_ORIGIN_LOCATION]: location,
          },
        },
        spec: options.owner
          ? { ...entity.spec, owner: options.owner }
          : entity.spec,
      };
    }),
  );
}
