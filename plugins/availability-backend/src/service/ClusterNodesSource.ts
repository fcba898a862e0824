import type { KubernetesObject } from './KubernetesObjectsSource';

/**
 * A Node of a cluster, reduced to what zone checks read.
 *
 * @public
 */
export interface ClusterNode {
  name: string;
  labels: Record<string, string>;
}

/**
 * The Nodes of one cluster, or why they could not be listed.
 *
 * @public
 */
export type ClusterNodesResult =
  | {
      status: 'ok';
      nodes: ClusterNode[];
      /** Requests made; each is one request to the kubernetes backend and one Kubernetes API request. */
      requests: number;
    }
  | {
      status: 'error';
      /** Why, e.g. "403 Forbidden: nodes is forbidden". */
      message: string;
      requests: number;
    };

/**
 * Lists the Nodes of a cluster. Nodes are cluster-scoped and carry no entity
 * labels, so the per-entity object queries never return them; zone data
 * comes from here instead. Never throws: a failure is a result.
 *
 * @public
 */
export interface ClusterNodesSource {
  listNodes(options: { cluster: string }): Promise<ClusterNodesResult>;
}

/**
 * A {@link ClusterNode} as the object the rules engine reads zones from.
 *
 * @public
 */
export function nodeObject(node: ClusterNode): KubernetesObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.name, labels: node.labels },
  };
}
