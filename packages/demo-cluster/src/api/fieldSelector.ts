import { InputError } from '@backstage/errors';

/** @internal */
export interface FieldRequirement {
  field: string;
  operator: 'equals' | 'notEquals';
  value: string;
}

// The fields the API server accepts in selectors, for the kinds served here.
// metadata.name and metadata.namespace work on every kind.
const SUPPORTED_FIELDS: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'status.phase', 'spec.serviceAccountName'],
  Node: ['spec.unschedulable'],
  Secret: ['type'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

/**
 * Parses a `fieldSelector` query parameter (`field=value`, `==`, `!=`, joined
 * by commas) and rejects fields the API server would not index for the kind.
 *
 * @internal
 */
export function parseFieldSelector(
  selector: string,
  kind: string,
): FieldRequirement[] {
  const allowed = [
    'metadata.name',
    'metadata.namespace',
    ...(SUPPORTED_FIELDS[kind] ?? []),
  ];
  return selector
    .split(',')
    .map(p => p.trim())
    .filter(p => p.length > 0)
    .map(part => {
      const match = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
      if (!match) {
        throw new InputError(`invalid selector: '${selector}'`);
      }
      const [, field, op, value] = match;
      if (!allowed.includes(field)) {
        throw new InputError(
          `field label not supported: ${field} for kind ${kind}`,
        );
      }
      return {
        field,
        operator: op === '!=' ? 'notEquals' : 'equals',
        value: value.trim(),
      };
    });
}

function readField(object: unknown, field: string): string {
  let current: unknown = object;
  for (const segment of field.split('.')) {
    if (current === null || typeof current !== 'object') {
      return '';
    }
    current = (current as Record<string, unknown>)[segment];
  }
  if (current === undefined || current === null) {
    // The API server indexes an unset boolean as "false".
    return field === 'spec.unschedulable' ? 'false' : '';
  }
  return String(current);
}

/**
 * Whether an object satisfies every field requirement. Absent fields compare
 * as the empty string, as they do on the API server.
 *
 * @internal
 */
export function matchesFields(
  requirements: FieldRequirement[],
  object: unknown,
): boolean {
  return requirements.every(req => {
    const actual = readField(object, req.field);
    return req.operator === 'equals'
      ? actual === req.value
      : actual !== req.value;
  });
}
