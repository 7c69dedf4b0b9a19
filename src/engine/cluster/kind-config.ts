/** kind's cluster shape: a name and the nodes' roles (kind.x-k8s.io/v1alpha4 Cluster, the parts we model). */

export type NodeRole = 'control-plane' | 'worker';

/** One of a node's `extraPortMappings`: docker publishes `listenAddress:hostPort` to the node's `containerPort`. */
export interface PortMapping {
  containerPort: number;
  hostPort: number;
  /** kind defaults it to 0.0.0.0. */
  listenAddress: string;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

/** What a config file sets for one node beyond its role. */
export interface NodeOptions {
  extraPortMappings?: PortMapping[];
  /** `labels:` and the `node-labels` kubelet argument of its kubeadmConfigPatches. */
  labels?: Record<string, string>;
}

export type KubeProxyMode = 'iptables' | 'ipvs';

export interface KindClusterSpec {
  name: string;
  nodes: NodeRole[];
  /** kindest/node image; kind v0.30.0 defaults to v1.34.0. */
  image: string;
  /** Per node (same order as `nodes`), when the config gave any. */
  nodeOptions?: NodeOptions[];
  /** `networking.kubeProxyMode`; absent means kind's default, iptables. */
  kubeProxyMode?: KubeProxyMode;
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
  nodeOptions?: NodeOptions[];
  kubeProxyMode?: KubeProxyMode;
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** `node-labels` from a kubeadm InitConfiguration/JoinConfiguration patch (v1beta3 map or v1beta4 name/value list). */
function patchLabels(patch: unknown, parse: (text: string) => unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  let doc: unknown;
  try {
    doc = typeof patch === 'string' ? parse(patch) : undefined;
  } catch {
    return labels;
  }
  const extra = record(doc).nodeRegistration !== undefined ? record(record(doc).nodeRegistration).kubeletExtraArgs : undefined;
  const args = Array.isArray(extra) ? extra.map(record).filter((a) => a.name === 'node-labels').map((a) => a.value) : [record(extra)['node-labels']];
  for (const arg of args) {
    if (typeof arg !== 'string') continue;
    for (const pair of arg.split(',')) {
      const [key = '', value = ''] = pair.split('=');
      if (key.trim()) labels[key.trim()] = value.trim();
    }
  }
  return labels;
}

function portMappings(v: unknown): PortMapping[] {
  return (Array.isArray(v) ? v : []).map(record).map((m) => ({
    containerPort: Number(m.containerPort) || 0,
    // kind leaves hostPort 0 to docker, which picks a free port; we publish the container port itself.
    hostPort: Number(m.hostPort) || Number(m.containerPort) || 0,
    listenAddress: typeof m.listenAddress === 'string' && m.listenAddress ? m.listenAddress : '0.0.0.0',
    protocol: m.protocol === 'UDP' || m.protocol === 'SCTP' ? m.protocol : 'TCP',
  }));
}

function nodeOptions(entry: Record<string, unknown>, parse: (text: string) => unknown): NodeOptions {
  const options: NodeOptions = {};
  const mappings = portMappings(entry.extraPortMappings);
  if (mappings.length > 0) options.extraPortMappings = mappings;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(record(entry.labels))) labels[k] = String(v);
  for (const patch of Array.isArray(entry.kubeadmConfigPatches) ? entry.kubeadmConfigPatches : []) Object.assign(labels, patchLabels(patch, parse));
  if (Object.keys(labels).length > 0) options.labels = labels;
  return options;
}

/**
 * A `kind create cluster --config FILE` file (kind.x-k8s.io/v1alpha4 Cluster): the name and the
 * nodes' roles, each node's extraPortMappings and labels (also the `node-labels` of kubeadm
 * patches), and networking.kubeProxyMode. Other settings are accepted and not modelled. Errors are worded as kind words them.
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
  const options: NodeOptions[] = [];
  for (const entry of entries) {
    // kind defaults a node without a role to control-plane.
    const role = (typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).role : undefined) ?? 'control-plane';
    if (role !== 'control-plane' && role !== 'worker') return { error: `ERROR: failed to create cluster: invalid configuration: ${JSON.stringify(typeof role === 'string' ? role : JSON.stringify(role))} is not a valid node role` };
    nodes.push(role);
    options.push(nodeOptions(record(entry), parse));
  }
  if (!nodes.includes('control-plane')) return { error: 'ERROR: failed to create cluster: invalid configuration: must have at least one control-plane node' };
  const mode = record(root.networking).kubeProxyMode;
  if (mode !== undefined && mode !== 'iptables' && mode !== 'ipvs' && mode !== 'nftables' && mode !== 'none') {
    return { error: `ERROR: failed to create cluster: invalid configuration: invalid kubeProxyMode: ${typeof mode === 'string' ? mode : JSON.stringify(mode)}` };
  }
  // Control-plane nodes come first, as kind orders them (a stable sort keeps each node's options with it).
  const order = nodes.map((role, i) => ({ role, options: options[i] ?? {} })).sort((a, b) => (a.role === b.role ? 0 : a.role === 'control-plane' ? -1 : 1));
  const config: KindConfig = { nodes: order.map((n) => n.role) };
  if (order.some((n) => Object.keys(n.options).length > 0)) config.nodeOptions = order.map((n) => n.options);
  if (mode === 'ipvs' || mode === 'iptables') config.kubeProxyMode = mode;
  if (typeof root.name === 'string' && root.name !== '') config.name = root.name;
  return config;
}
