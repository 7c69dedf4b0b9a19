/** kind's cluster shape: a name and the nodes' roles (kind.x-k8s.io/v1alpha4 Cluster, the parts we model). */

export type NodeRole = 'control-plane' | 'worker';

export interface KindClusterSpec {
  name: string;
  nodes: NodeRole[];
  /** kindest/node image; kind v0.30.0 defaults to v1.34.0. */
  image: string;
}

export const KIND_NODE_IMAGE = 'kindest/node:v1.34.0';
export const KUBERNETES_VERSION = 'v1.34.0';

export function defaultClusterSpec(name = 'kind', workers = 2): KindClusterSpec {
  return { name, nodes: ['control-plane', ...Array.from({ length: workers }, () => 'worker' as const)], image: KIND_NODE_IMAGE };
}

/** `kind-control-plane`, `kind-worker`, `kind-worker2`, ...: the first of a role has no number. */
export function nodeNames(spec: KindClusterSpec): string[] {
  const seen: Record<string, number> = {};
  return spec.nodes.map((role) => {
    const n = (seen[role] = (seen[role] ?? 0) + 1);
    return `${spec.name}-${role}${n === 1 ? '' : n}`;
  });
}
