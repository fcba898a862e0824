import type { EvaluationObject } from '@availability-backstage/plugin-availability-common';

/** Kinds the engine does not read whose data may hold secrets. */
const DROPPED_KINDS = new Set(['Secret', 'ConfigMap']);

const REDACTED = '(redacted)';

type Json = Record<string, any>;

/**
 * The objects of a report as they are kept for the level-up simulator:
 * without Secrets and ConfigMaps, managed fields, the last-applied
 * annotation (a full copy of the spec), and with every literal env value
 * redacted, so that neither the database nor the API hands out credentials
 * that a manifest carries in plain text. The simulator keeps the stored
 * result of `secrets-by-reference`, the one check that reads those values.
 */
export function objectsToStore(
  objects: readonly EvaluationObject[],
): EvaluationObject[] {
  return objects
    .filter(item => !DROPPED_KINDS.has(String(item.object.kind)))
    .map(item => ({ ...item, object: redact(item.object as Json) as any }));
}

function redact(object: Json): Json {
  const copy: Json = JSON.parse(JSON.stringify(object));
  if (copy.metadata) {
    delete copy.metadata.managedFields;
    if (copy.metadata.annotations) {
      delete copy.metadata.annotations[
        'kubectl.kubernetes.io/last-applied-configuration'
      ];
    }
  }
  for (const spec of [copy.spec, copy.spec?.template?.spec]) {
    for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
      const containers = spec?.[key];
      if (!Array.isArray(containers)) continue;
      for (const container of containers) {
        for (const env of Array.isArray(container?.env) ? container.env : []) {
          if (typeof env?.value === 'string' && env.value !== '') {
            env.value = REDACTED;
          }
        }
      }
    }
  }
  return copy;
}
