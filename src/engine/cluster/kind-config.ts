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

export interface KindConfig {
  name?: string;
  nodes: NodeRole[];
}

/**
 * A `kind create cluster --config FILE` file (kind.x-k8s.io/v1alpha4 Cluster): the name and the
 * nodes' roles. Other settings (networking, port mappings, kubeadm patches) are accepted and not
 * modelled. Errors are worded as kind words them.
 */
export function parseKindConfig(text: string, parse: (text: string) => unknown): KindConfig | { error: string } {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    return { error: `ERROR: failed to create cluster: error reading file: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}` };
  }
  const root = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
  if (root.kind !== 'Cluster' || root.apiVersion !== 'kind.x-k8s.io/v1alpha4') {
    return { error: `ERROR: failed to create cluster: unknown apiVersion: ${typeof root.apiVersion === 'string' ? root.apiVersion : ''}` };
  }
  const entries = Array.isArray(root.nodes) ? root.nodes : [{ role: 'control-plane' }];
  const nodes: NodeRole[] = [];
  for (const entry of entries) {
    // kind defaults a node without a role to control-plane.
    const role = (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).role : undefined) ?? 'control-plane';
    if (role !== 'control-plane' && role !== 'worker') return { error: `ERROR: failed to create cluster: invalid configuration: ${JSON.stringify(typeof role === 'string' ? role : JSON.stringify(role))} is not a valid node role` };
    nodes.push(role);
  }
  if (!nodes.includes('control-plane')) return { error: 'ERROR: failed to create cluster: invalid configuration: must have at least one control-plane node' };
  // Control-plane nodes come first, as kind orders them.
  nodes.sort((a, b) => (a === b ? 0 : a === 'control-plane' ? -1 : 1));
  const config: KindConfig = { nodes };
  if (typeof root.name === 'string' && root.name !== '') config.name = root.name;
  return config;
}
