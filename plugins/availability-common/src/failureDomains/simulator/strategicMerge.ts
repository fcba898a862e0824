/**
 * The list fields the fixes and remediations touch that Kubernetes merges
 * by a key under a strategic merge patch (`kubectl patch --type
 * strategic`); every other list is replaced whole, as the API server does
 * for them.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  topologySpreadConstraints: 'topologyKey',
  volumes: 'name',
  volumeMounts: 'mountPath',
  env: 'name',
};

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Applies a strategic merge patch as the API server would for the fields
 * the fixes write: objects merge, `null` removes a field, keyed lists merge
 * item by item. Returns a new value; neither input changes.
 *
 * @internal
 */
export function strategicMerge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) {
    return patch;
  }
  const result: Json = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else if (Array.isArray(value) && MERGE_KEYS[key]) {
      result[key] = mergeList(result[key], value, MERGE_KEYS[key]);
    } else {
      result[key] = strategicMerge(result[key], value);
    }
  }
  return result;
}

function mergeList(target: unknown, patch: unknown[], key: string): unknown[] {
  const result = Array.isArray(target) ? [...target] : [];
  for (const item of patch) {
    const at = isObject(item)
      ? result.findIndex(e => isObject(e) && e[key] === item[key])
      : -1;
    if (at >= 0) {
      result[at] = strategicMerge(result[at], item);
    } else {
      result.push(item);
    }
  }
  return result;
}
