import type { V1Node } from '@kubernetes/client-node';
import { nodeZone } from '../engine/evidence';
import type { FailureDomainNode } from './types';

/**
 * A Node object reduced to its name and zone (the zone label, or the
 * deprecated failure-domain key), as the failure-domain analysis reads it.
 *
 * @public
 */
export function failureDomainNode(node: {
  metadata?: { name?: string; labels?: Record<string, string> };
}): FailureDomainNode {
  const zone = nodeZone(node as V1Node);
  return {
    name: node.metadata?.name ?? '',
    ...(zone !== undefined ? { zone } : {}),
  };
}
