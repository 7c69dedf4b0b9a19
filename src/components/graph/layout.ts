/**
 * Pure layout of the cluster graph from the mirror. kube-apiserver is the hub, as in the real
 * architecture: the clients that call it (kubectl, kube-scheduler, kube-controller-manager) sit in a
 * row above it, etcd beside it (only the API server touches etcd), and one group per Node below with
 * its kubelet, kube-proxy and container runtime and the pods bound to it. Pods not bound to a node
 * wait in a column on the right, and Services in a column beyond, each linked to the pods its
 * EndpointSlices list (the `kubernetes` Service to kube-apiserver itself). Positions depend only on
 * names, so nothing moves as pods come and go.
 */
import type { KubeObject } from '../../engine';

export type GraphNodeKind = 'component' | 'apiserver' | 'node' | 'agent' | 'pod' | 'service' | 'tile' | 'heatmap';

/** A node of a big cluster drawn small: its name, condition and the statuses of its pods (drawn as dots). */
export interface NodeCell {
  name: string;
  status: string;
  cordoned: boolean;
  pods: string[];
}

/** A connection point on a node, `offset` px from its left (top / bottom) or top (left / right) edge. */
export interface GraphHandle {
  id: string;
  type: 'source' | 'target';
  side: 'top' | 'bottom' | 'left' | 'right';
  offset: number;
}

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** The group (a cluster Node) this box sits in; its position is then relative to the group. */
  parent?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Ready / NotReady / Unknown for nodes, the phase (or Terminating) for pods. */
  status?: string;
  /** A short fact shown beside the label: a Service's type. */
  badge?: string;
  /** Where edges attach; a box without handles has no edges. */
  handles?: GraphHandle[];
  /** The API object a box stands for (nodes and pods): the inspector opens it. */
  ref?: { kind: 'Node' | 'Pod' | 'Service'; namespace?: string; name: string };
  /** A node whose spec.unschedulable is set (cordoned). */
  cordoned?: boolean;
  /** Tiles: the statuses of the pods drawn as dots. */
  dots?: string[];
  /** The heatmap: one cell per node, in name order, `columns` to a row. */
  cells?: { columns: number; cellSize: number; nodes: NodeCell[] };
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string;
  targetHandle?: string;
  /** The API client whose traffic runs along this edge (see state/traffic.ts `clientOf`); none for endpoint links. */
  client?: string;
  /** A Service's link to one of its endpoints, and whether that endpoint is ready (gets traffic). */
  endpoint?: { ready: boolean };
}

export interface ClusterLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export const API_SERVER_ID = 'kube-apiserver';
/** The API server's clients drawn above it, left to right. */
export const API_CLIENTS = ['kubectl', 'kube-scheduler', 'kube-controller-manager'] as const;
export const NODE_AGENTS = ['kubelet', 'kube-proxy', 'container runtime'] as const;

const MARGIN = 20;
const CLIENT_W = 200;
const CLIENT_GAP = 40;
const BOX_H = 40;
const ROW_GAP = 40;
const ETCD_W = 120;
const NODE_W = 250;
const NODE_GAP = 24;
const NODE_HEADER_H = 34;
const AGENT_H = 26;
const POD_H = 22;
const ROW_STEP = 6;
const PENDING_W = 200;
const SERVICE_W = 270;
/** More pods than this on one node (or waiting) are drawn as dots. */
export const DENSE_PODS = 40;
const DOT_STEP = 8;
const DOTS_HEADER_H = 26;

const CLIENTS_Y = MARGIN;
const API_Y = CLIENTS_Y + BOX_H + ROW_GAP;
const NODES_Y = API_Y + BOX_H + ROW_GAP + 10;
const API_W = API_CLIENTS.length * CLIENT_W + (API_CLIENTS.length - 1) * CLIENT_GAP;
const ETCD_X = MARGIN + API_W + CLIENT_GAP;
const PENDING_X = ETCD_X + ETCD_W + CLIENT_GAP;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const nameOf = (o: KubeObject) => String(o.metadata.name);
const byName = (a: KubeObject, b: KubeObject) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0);
const byNamespacedName = (a: KubeObject, b: KubeObject) => {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${nameOf(o)}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
};

/** The Ready condition as `kubectl get nodes` words it. */
export function nodeStatus(node: KubeObject): 'Ready' | 'NotReady' | 'Unknown' {
  const conditions = record(node.status).conditions;
  const ready = (Array.isArray(conditions) ? conditions : []).map(record).find((c) => c.type === 'Ready');
  if (!ready) return 'Unknown';
  return ready.status === 'True' ? 'Ready' : 'NotReady';
}

export function podStatus(pod: KubeObject): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const phase = record(pod.status).phase;
  return typeof phase === 'string' ? phase : 'Pending';
}

export function nodeNameOfPod(pod: KubeObject): string | undefined {
  const nodeName = record(pod.spec).nodeName;
  return typeof nodeName === 'string' && nodeName !== '' ? nodeName : undefined;
}

const podRef = (pod: KubeObject): GraphNode['ref'] => ({ kind: 'Pod', namespace: String(pod.metadata.namespace ?? 'default'), name: nameOf(pod) });

/** Whether the node's spec says cordoned (`kubectl get nodes` adds SchedulingDisabled). */
export function cordoned(node: KubeObject): boolean {
  return record(node.spec).unschedulable === true;
}

/** Where the rows of the graph start, for the big-cluster layouts that share the control plane's. */
export const GEOMETRY = { margin: MARGIN, nodesY: NODES_Y, pendingX: PENDING_X, pendingW: PENDING_W, podH: POD_H, gap: CLIENT_GAP } as const;

export function controlPlane(): ClusterLayout {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const apiHandles: GraphHandle[] = [
    { id: 'nodes', type: 'source', side: 'bottom', offset: API_W / 2 },
    // The `kubernetes` Service's endpoint is the API server itself.
    { id: 'service', type: 'target', side: 'bottom', offset: API_W - 12 },
    { id: 'etcd', type: 'source', side: 'right', offset: BOX_H / 2 },
  ];
  API_CLIENTS.forEach((client, i) => {
    const x = MARGIN + i * (CLIENT_W + CLIENT_GAP);
    nodes.push({ id: client, kind: 'component', label: client, x, y: CLIENTS_Y, width: CLIENT_W, height: BOX_H, handles: [{ id: 'api', type: 'source', side: 'bottom', offset: CLIENT_W / 2 }] });
    apiHandles.push({ id: client, type: 'target', side: 'top', offset: x - MARGIN + CLIENT_W / 2 });
    edges.push({ id: `edge/${client}`, source: client, sourceHandle: 'api', target: API_SERVER_ID, targetHandle: client, client });
  });
  nodes.push({ id: API_SERVER_ID, kind: 'apiserver', label: 'kube-apiserver', x: MARGIN, y: API_Y, width: API_W, height: BOX_H, handles: apiHandles });
  nodes.push({ id: 'etcd', kind: 'component', label: 'etcd', x: ETCD_X, y: API_Y, width: ETCD_W, height: BOX_H, handles: [{ id: 'api', type: 'target', side: 'left', offset: BOX_H / 2 }] });
  edges.push({ id: 'edge/etcd', source: API_SERVER_ID, sourceHandle: 'etcd', target: 'etcd', targetHandle: 'api', client: 'etcd' });
  return { nodes, edges };
}

function nodeGroup(node: KubeObject, index: number, pods: readonly KubeObject[]): ClusterLayout {
  const name = nameOf(node);
  const id = `node/${name}`;
  const innerW = NODE_W - 20;
  const podsY = NODE_HEADER_H + NODE_AGENTS.length * (AGENT_H + ROW_STEP);
  // A node crowded with pods draws them as dots (one canvas) rather than a box each.
  const dense = pods.length > DENSE_PODS;
  const dotsH = DOTS_HEADER_H + Math.ceil(pods.length / Math.floor((innerW - 8) / DOT_STEP)) * DOT_STEP + 8;
  const height = podsY + (dense ? dotsH : pods.length * (POD_H + 4)) + 10;
  const nodes: GraphNode[] = [{ id, kind: 'node', label: name, x: MARGIN + index * (NODE_W + NODE_GAP), y: NODES_Y, width: NODE_W, height, status: nodeStatus(node), ref: { kind: 'Node', name }, cordoned: cordoned(node) }];
  NODE_AGENTS.forEach((agent, j) => {
    // The kubelet's edge comes in at the right, clear of the node's name and status badge in the group header.
    const handles: GraphHandle[] | undefined = agent === 'kubelet' ? [{ id: 'api', type: 'target', side: 'top', offset: innerW - 24 }] : undefined;
    nodes.push({ id: `${id}/${agent}`, kind: 'agent', label: agent, parent: id, x: 10, y: NODE_HEADER_H + j * (AGENT_H + ROW_STEP), width: innerW, height: AGENT_H, handles });
  });
  if (dense) nodes.push({ id: `${id}/pods`, kind: 'tile', label: `${pods.length} pods`, parent: id, x: 10, y: podsY, width: innerW, height: dotsH, dots: pods.map(podStatus) });
  else
    pods.forEach((pod, k) => {
      nodes.push({ id: `pod/${String(pod.metadata.uid)}`, kind: 'pod', label: nameOf(pod), parent: id, x: 10, y: podsY + k * (POD_H + 4), width: innerW, height: POD_H, status: podStatus(pod), ref: podRef(pod) });
    });
  // The kubelet's watch on its pods and its status updates: the edge its traffic lights up.
  const edges: GraphEdge[] = [{ id: `edge/kubelet/${name}`, source: API_SERVER_ID, sourceHandle: 'nodes', target: `${id}/kubelet`, targetHandle: 'api', client: `kubelet/${name}` }];
  return { nodes, edges };
}

/** The Services' column and their links to the boxes of their endpoints. */
export interface NetworkObjects {
  services: Iterable<KubeObject>;
  endpointSlices: Iterable<KubeObject>;
}

const serviceKey = (namespace: string | undefined, name: string) => `${namespace ?? 'default'}/${name}`;

/** What the Service box says beside its name: its type, or that it is headless. */
function serviceBadge(service: KubeObject): string {
  const spec = record(service.spec);
  if (spec.clusterIP === 'None') return 'Headless';
  return typeof spec.type === 'string' ? spec.type : 'ClusterIP';
}

function serviceColumn(network: NetworkObjects, x: number, boxes: ReadonlyMap<string, GraphNode>): ClusterLayout {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const ids = new Map<string, string>();
  [...network.services].sort(byNamespacedName).forEach((service, k) => {
    const id = `service/${String(service.metadata.uid)}`;
    const namespace = String(service.metadata.namespace ?? 'default');
    ids.set(serviceKey(namespace, nameOf(service)), id);
    const label = namespace === 'default' ? nameOf(service) : `${namespace}/${nameOf(service)}`;
    nodes.push({ id, kind: 'service', label, badge: serviceBadge(service), x, y: NODES_Y + k * (BOX_H + ROW_STEP * 2), width: SERVICE_W, height: BOX_H, ref: { kind: 'Service', namespace, name: nameOf(service) }, handles: [{ id: 'endpoints', type: 'source', side: 'left', offset: BOX_H / 2 }] });
  });
  const linked = new Set<string>();
  for (const slice of network.endpointSlices) {
    const serviceName = slice.metadata.labels?.['kubernetes.io/service-name'];
    const key = serviceName === undefined ? undefined : serviceKey(slice.metadata.namespace, serviceName);
    const source = key === undefined ? undefined : ids.get(key);
    if (!source) continue;
    const apiServer = key === 'default/kubernetes';
    for (const endpoint of Array.isArray(record(slice).endpoints) ? (record(slice).endpoints as unknown[]).map(record) : []) {
      const targetRef = record(endpoint.targetRef);
      const target = targetRef.kind === 'Pod' ? `pod/${String(targetRef.uid)}` : apiServer ? API_SERVER_ID : undefined;
      if (target === undefined || (target !== API_SERVER_ID && !boxes.has(target))) continue;
      const id = `edge/${source}/${target}`;
      if (linked.has(id)) continue;
      linked.add(id);
      // An endpoint with no ready condition counts as ready, as kube-proxy reads it.
      edges.push({ id, source, sourceHandle: 'endpoints', target, targetHandle: 'service', endpoint: { ready: record(endpoint.conditions).ready !== false } });
    }
  }
  return { nodes, edges };
}

/** Lays out the control plane, the given Node objects and Pods, and (when given) Services with their endpoints. */
export function layoutCluster(clusterNodes: Iterable<KubeObject>, pods: Iterable<KubeObject>, network?: NetworkObjects): ClusterLayout {
  const layout = controlPlane();
  const podsByNode = new Map<string, KubeObject[]>();
  const unbound: KubeObject[] = [];
  for (const pod of [...pods].sort(byNamespacedName)) {
    const nodeName = nodeNameOfPod(pod);
    if (nodeName === undefined) unbound.push(pod);
    else podsByNode.set(nodeName, [...(podsByNode.get(nodeName) ?? []), pod]);
  }
  [...clusterNodes].sort(byName).forEach((node, i) => {
    const group = nodeGroup(node, i, podsByNode.get(nameOf(node)) ?? []);
    layout.nodes.push(...group.nodes);
    layout.edges.push(...group.edges);
  });
  // Bound to a node that is not (or no longer) in the cluster counts as waiting too.
  const known = new Set([...layout.nodes].filter((n) => n.kind === 'node').map((n) => n.label));
  for (const [nodeName, bound] of podsByNode) if (!known.has(nodeName)) unbound.push(...bound);
  if (unbound.length > DENSE_PODS) {
    const dotsH = DOTS_HEADER_H + Math.ceil(unbound.length / Math.floor((PENDING_W - 8) / DOT_STEP)) * DOT_STEP + 8;
    layout.nodes.push({ id: 'pods/waiting', kind: 'tile', label: `${unbound.length} pods waiting for a node`, x: PENDING_X, y: MARGIN, width: PENDING_W, height: dotsH, dots: unbound.map(podStatus) });
  } else
    unbound.forEach((pod, k) => {
      layout.nodes.push({ id: `pod/${String(pod.metadata.uid)}`, kind: 'pod', label: nameOf(pod), x: PENDING_X, y: MARGIN + k * (POD_H + ROW_STEP), width: PENDING_W, height: POD_H, status: podStatus(pod), ref: podRef(pod) });
    });
  if (network) {
    // Right of the nodes and of the waiting pods, whichever reaches further.
    const nodesRight = MARGIN + known.size * (NODE_W + NODE_GAP);
    const x = Math.max(nodesRight, PENDING_X + PENDING_W + CLIENT_GAP) + CLIENT_GAP;
    const boxes = new Map(layout.nodes.map((n) => [n.id, n]));
    const column = serviceColumn(network, x, boxes);
    for (const edge of column.edges) {
      const pod = boxes.get(edge.target);
      if (pod && pod.kind === 'pod' && !pod.handles?.some((h) => h.id === 'service')) pod.handles = [...(pod.handles ?? []), { id: 'service', type: 'target', side: 'right', offset: POD_H / 2 }];
    }
    layout.nodes.push(...column.nodes);
    layout.edges.push(...column.edges);
  }
  return layout;
}

/**
 * Edges whose client had traffic within `windowMs` before `nowMs` (host wall time). A client ending
 * in `/` stands for all of its kind (`kubelet/`: every kubelet), for layouts with one edge for many.
 */
export function activeEdgeIds(edges: readonly GraphEdge[], lastSeenMs: ReadonlyMap<string, number>, nowMs: number, windowMs: number): Set<string> {
  const active = new Set<string>();
  const recent = (client: string) => {
    if (!client.endsWith('/')) return (lastSeenMs.get(client) ?? -Infinity) > nowMs - windowMs;
    for (const [seenClient, seen] of lastSeenMs) if (seenClient.startsWith(client) && seen > nowMs - windowMs) return true;
    return false;
  };
  for (const edge of edges) if (edge.client !== undefined && recent(edge.client)) active.add(edge.id);
  return active;
}
