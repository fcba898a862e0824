import {
  Entity,
  parseEntityRef,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import type { StoredEntityInfo } from '../database/AvailabilityStore';

/** What the store keeps of a catalog entity: owner and system from its relations, else its spec. */
export function entityInfo(entity: Entity): StoredEntityInfo {
  const namespace = entity.metadata.namespace ?? 'default';
  const relationTarget = (type: string, kind: string) =>
    entity.relations?.find(
      r =>
        r.type === type &&
        parseEntityRef(r.targetRef).kind.toLowerCase() === kind,
    )?.targetRef;
  const specRef = (value: unknown, defaultKind: string) => {
    if (typeof value !== 'string' || !value) return undefined;
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: namespace }),
      );
    } catch {
      return undefined;
    }
  };
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  return {
    entityRef: stringifyEntityRef(entity),
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    title: entity.metadata.title,
    owner:
      relationTarget(RELATION_OWNED_BY, 'group') ??
      relationTarget(RELATION_OWNED_BY, 'user') ??
      specRef(spec.owner, 'group'),
    system:
      relationTarget(RELATION_PART_OF, 'system') ??
      specRef(spec.system, 'system'),
    lifecycle: typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
  };
}

/** Full entity refs from short ones (`team-a` → `group:default/team-a`). */
export function normalizeRefs(
  values: string[] | undefined,
  defaultKind: string,
  field: string,
): string[] | undefined {
  return values?.map(value => {
    try {
      return stringifyEntityRef(
        parseEntityRef(value, { defaultKind, defaultNamespace: 'default' }),
      );
    } catch (error) {
      throw new InputError(`Invalid ${field} "${value}": ${error}`);
    }
  });
}
