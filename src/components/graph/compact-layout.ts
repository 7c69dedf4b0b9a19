/**
 * Semantic zoom: the graph's layout for the size of the cluster it shows. Up to COMPACT_AT nodes,
 * every node is a group with its agents and named pods (layout.ts). From COMPACT_AT, each node is a
 * small tile whose pods are coloured dots, in a grid under the control plane; from HEATMAP_AT, the
 * nodes are cells of one heatmap coloured by how many of the shown pods they run. Both keep the
 * control plane and its edges, and place nodes by name only, so nothing moves as pods come and go.
 */
import type { KubeObject } from '../../engine';
import { controlPlane, cordoned, GEOMETRY, layoutCluster, nodeNameOfPod, nodeStatus, podStatus, type ClusterLayout, type GraphNode, type NetworkObjects, type NodeCell } from './layout';

export const COMPACT_AT = 100;
export const HEATMAP_AT = 1000;

export type GraphScale = 'full' | 'tiles' | 'heatmap';

export function scaleFor(nodeCount: number): GraphScale {
  return nodeCount >= HEATMAP_AT ? 'heatmap' : nodeCount >= COMPACT_AT ? 'tiles' : 'full';
}

export const TILE_W = 120;
export const TILE_H = 64;
const TILE_GAP = 8;
const CELL = 12;
const HEADER_H = 28;

const nameOf = (o: KubeObject) => String(o.metadata.name);
const NUMERIC = new Intl.Collator('en', { numeric: true });

/** Columns for `count` items in a grid about twice as wide as tall, as the graph area is. */
export function gridColumns(count: number, itemW: number, itemH: number): number {
  return Math.max(1, Math.ceil(Math.sqrt((count * 2 * itemH) / itemW)));
}

/** Node cells in name order with the statuses of their pods; pods on no known node are returned apart. */
function cellsOf(clusterNodes: Iterable<KubeObject>, pods: Iterable<KubeObject>): { cells: NodeCell[]; waiting: string[] } {
  // Numbered names in number order (kind-worker2 before kind-worker10): easier to find in a grid.
  const sorted = [...clusterNodes].sort((a, b) => NUMERIC.compare(nameOf(a), nameOf(b)));
  const cells = sorted.map((node): NodeCell => ({ name: nameOf(node), status: nodeStatus(node), cordoned: cordoned(node), pods: [] }));
  const byName = new Map(cells.map((c) => [c.name, c]));
  const waiting: string[] = [];
  for (const pod of pods) {
    const nodeName = nodeNameOfPod(pod);
    const cell = nodeName === undefined ? undefined : byName.get(nodeName);
    if (cell) cell.pods.push(podStatus(pod));
    else waiting.push(podStatus(pod));
  }
  return { cells, waiting };
}

/** Pods that wait for a node (or whose node is gone): one tile of dots where the full layout lists them. */
function waitingTile(waiting: string[]): GraphNode[] {
  if (waiting.length === 0) return [];
  return [
    {
      id: 'pods/waiting',
      kind: 'tile',
      label: 'waiting for a node',
      x: GEOMETRY.pendingX,
      y: GEOMETRY.margin,
      width: GEOMETRY.pendingW,
      height: TILE_H,
      dots: waiting,
      status: `${waiting.length} pods`,
    },
  ];
}

function tiles(clusterNodes: Iterable<KubeObject>, pods: Iterable<KubeObject>): ClusterLayout {
  const layout = controlPlane();
  const { cells, waiting } = cellsOf(clusterNodes, pods);
  const columns = gridColumns(cells.length, TILE_W, TILE_H);
  // A band over the grid stands for what every node runs; the kubelets' traffic lights its edge.
  layout.nodes.push({
    id: 'nodes/header',
    kind: 'component',
    label: `${cells.length} nodes, each running kubelet, kube-proxy and a container runtime`,
    x: GEOMETRY.margin,
    y: GEOMETRY.nodesY,
    width: columns * (TILE_W + TILE_GAP) - TILE_GAP,
    height: HEADER_H,
  });
  cells.forEach((cell, i) => {
    layout.nodes.push({
      id: `node/${cell.name}`,
      kind: 'tile',
      label: cell.name,
      x: GEOMETRY.margin + (i % columns) * (TILE_W + TILE_GAP),
      y: GEOMETRY.nodesY + HEADER_H + TILE_GAP + Math.floor(i / columns) * (TILE_H + TILE_GAP),
      width: TILE_W,
      height: TILE_H,
      status: cell.status,
      cordoned: cell.cordoned,
      dots: cell.pods,
      ref: { kind: 'Node', name: cell.name },
    });
  });
  layout.nodes.push(...waitingTile(waiting));
  return withKubeletsEdge(layout, 'nodes/header');
}

function heatmap(clusterNodes: Iterable<KubeObject>, pods: Iterable<KubeObject>): ClusterLayout {
  const layout = controlPlane();
  const { cells, waiting } = cellsOf(clusterNodes, pods);
  const columns = gridColumns(cells.length, CELL, CELL);
  const rows = Math.ceil(cells.length / columns);
  layout.nodes.push({
    id: 'nodes/heatmap',
    kind: 'heatmap',
    label: `${cells.length} nodes: pods per node`,
    x: GEOMETRY.margin,
    y: GEOMETRY.nodesY,
    width: columns * CELL,
    height: rows * CELL + 24,
    cells: { columns, cellSize: CELL, nodes: cells },
  });
  layout.nodes.push(...waitingTile(waiting));
  return withKubeletsEdge(layout, 'nodes/heatmap');
}

/** The heatmap cell under a point of its canvas, in canvas pixels. */
export function cellAt(cells: NonNullable<GraphNode['cells']>, x: number, y: number): NodeCell | undefined {
  const column = Math.floor(x / cells.cellSize);
  if (column < 0 || column >= cells.columns || y < 0) return undefined;
  return cells.nodes[Math.floor(y / cells.cellSize) * cells.columns + column];
}

/** One edge from kube-apiserver down to the nodes, lit by any kubelet's traffic. */
function withKubeletsEdge(layout: ClusterLayout, target: string): ClusterLayout {
  const box = layout.nodes.find((n) => n.id === target);
  if (box) box.handles = [...(box.handles ?? []), { id: 'api', type: 'target', side: 'top', offset: Math.min(box.width / 2, 40) }];
  layout.edges.push({ id: 'edge/kubelets', source: 'kube-apiserver', sourceHandle: 'nodes', target, targetHandle: 'api', client: 'kubelet/' });
  return layout;
}

/** The layout for the cluster's size: full groups, tiles, or the heatmap (Services only in full). */
export function layoutForScale(clusterNodes: readonly KubeObject[], pods: readonly KubeObject[], network: NetworkObjects): { scale: GraphScale; layout: ClusterLayout } {
  const scale = scaleFor(clusterNodes.length);
  if (scale === 'tiles') return { scale, layout: tiles(clusterNodes, pods) };
  if (scale === 'heatmap') return { scale, layout: heatmap(clusterNodes, pods) };
  return { scale, layout: layoutCluster(clusterNodes, pods, network) };
}
