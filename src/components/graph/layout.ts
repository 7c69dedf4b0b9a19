/**
 * Pure layout of the cluster graph from the mirror: the control plane in a row on top, one group per
 * Node below with its kubelet, kube-proxy and container runtime, and its pods listed inside.
 * Positions depend only on names, so the layout stays put as pods come and go.
 */
import type { KubeObject } from '../../engine';

export interface GraphNode {
  id: string;
  kind: 'component' | 'node' | 'pod' | 'agent';
  label: string;
  parent?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Ready / NotReady / phase, for colouring. */
  status?: string;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
}

/** Left to right: etcd next to the API server it serves, then the two control loops that call it. */
export const CONTROL_PLANE = ['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager'] as const;

const COMPONENT_W = 190;
const COMPONENT_H = 44;
const NODE_W = 250;
const NODE_GAP = 24;
const AGENT_H = 28;
const POD_H = 24;

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

export function nodeStatus(node: KubeObject): string {
  const conditions = Array.isArray(rec(node.status).conditions) ? (rec(node.status).conditions as unknown[]) : [];
  const ready = conditions.map(rec).find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown';
}

export function podStatus(pod: KubeObject): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  return text(rec(pod.status).phase ?? 'Pending');
}

export function layoutCluster(objects: Iterable<KubeObject>): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const all = [...objects];
  const clusterNodes = all.filter((o) => o.kind === 'Node').sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
  const pods = all.filter((o) => o.kind === 'Pod');
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  CONTROL_PLANE.forEach((name, i) => nodes.push({ id: name, kind: 'component', label: name, x: 20 + i * (COMPONENT_W + 30), y: 20, width: COMPONENT_W, height: COMPONENT_H }));
  clusterNodes.forEach((node, i) => {
    const name = String(node.metadata.name);
    const id = `node/${name}`;
    const onNode = pods.filter((p) => rec(p.spec).nodeName === name).sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
    const height = 40 + 3 * (AGENT_H + 6) + onNode.length * (POD_H + 4) + 12;
    nodes.push({ id, kind: 'node', label: name, x: 20 + i * (NODE_W + NODE_GAP), y: 110, width: NODE_W, height, status: nodeStatus(node) });
    ['kubelet', 'kube-proxy', 'container runtime'].forEach((agent, j) => {
      nodes.push({ id: `${id}/${agent}`, kind: 'agent', label: agent, parent: id, x: 10, y: 34 + j * (AGENT_H + 6), width: NODE_W - 20, height: AGENT_H });
    });
    // Drawn from the API server down to each kubelet: the kubelet's watch on the pods bound to it.
    edges.push({ id: `${id}/kubelet-apiserver`, source: 'kube-apiserver', target: `${id}/kubelet` });
    onNode.forEach((pod, k) => {
      nodes.push({ id: `pod/${String(pod.metadata.uid)}`, kind: 'pod', label: String(pod.metadata.name), parent: id, x: 10, y: 34 + 3 * (AGENT_H + 6) + k * (POD_H + 4), width: NODE_W - 20, height: POD_H, status: podStatus(pod) });
    });
  });
  const unscheduled = pods.filter((p) => !rec(p.spec).nodeName);
  unscheduled.forEach((pod, k) => {
    nodes.push({ id: `pod/${String(pod.metadata.uid)}`, kind: 'pod', label: String(pod.metadata.name), x: 20 + CONTROL_PLANE.length * (COMPONENT_W + 30), y: 20 + k * (POD_H + 6), width: 200, height: POD_H, status: 'Pending' });
  });
  return { nodes, edges };
}
