/** The cluster graph area: the control plane around kube-apiserver, nodes with their agents and pods, API traffic lighting up edges. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { EngineClient } from '../../bridge/engine-client';
import { useInspector } from '../../state/inspector';
import { useMirror } from '../../state/mirror';
import { useSim } from '../../state/sim';
import { useTimers } from '../../state/timers';
import { countdowns, type Countdown } from './countdowns';
import { Inspector } from '../inspector/Inspector';
import { useTraffic } from '../../state/traffic';
import { activeEdgeIds, type ClusterLayout, type GraphEdge, type GraphNode } from './layout';
import { layoutForScale } from './compact-layout';
import { HeatmapNode, type HeatmapFlowNode } from './nodes/HeatmapNode';
import { TileNode, type TileFlowNode } from './nodes/TileNode';
import { filterObjects } from './filter';
import { GraphFilters, GraphLegend } from './GraphToolbar';
import { trafficClassOf, useGraphView } from '../../state/graph-view';
import type { KubeObject } from '../../engine';
import { BoxNode, type BoxFlowNode } from './nodes/BoxNode';
import { EventsTimeline } from '../timeline/EventsTimeline';

/** How long an edge stays lit after traffic on it (host wall time). */
const TRAFFIC_GLOW_MS = 1200;

const NODE_TYPES = { box: BoxNode, tile: TileNode, heatmap: HeatmapNode };

type FlowNode = BoxFlowNode | TileFlowNode | HeatmapFlowNode;
type Open = (ref: NonNullable<GraphNode['ref']>) => void;

const className = (n: GraphNode) => `graph-${n.kind}${n.status ? ` status-${n.status}` : ''}${n.cordoned ? ' cordoned' : ''}`;

function toFlowNode(n: GraphNode, countdown: Countdown | undefined, open: Open): FlowNode {
  const ref = n.ref;
  const common = { id: n.id, parentId: n.parent, position: { x: n.x, y: n.y }, draggable: false, selectable: false, className: className(n), style: { width: n.width, height: n.height } };
  if (n.kind === 'heatmap' && n.cells)
    return { ...common, type: 'heatmap', ariaLabel: n.label, data: { label: n.label, cells: n.cells, handles: n.handles ?? [], onOpenNode: (name) => open({ kind: 'Node', name }) } };
  if (n.kind === 'tile')
    return {
      ...common,
      type: 'tile',
      ariaLabel: [n.label, n.status, n.cordoned ? 'SchedulingDisabled' : undefined, `${n.dots?.length ?? 0} pods`, countdown?.text].filter(Boolean).join(' '),
      data: { label: n.label, status: n.status, dots: n.dots ?? [], width: n.width, height: n.height, handles: n.handles ?? [], countdown, onOpen: ref ? () => open(ref) : undefined },
    };
  return toBoxNode(n, countdown, open);
}

/** The flow nodes of the last render by box id, with what each was drawn from. */
class FlowNodeCache {
  private previous = new Map<string, { key: string; node: FlowNode }>();

  nodes(boxes: readonly GraphNode[], shown: ReadonlyMap<string, Countdown>, open: Open): FlowNode[] {
    const next = new Map<string, { key: string; node: FlowNode }>();
    const result = boxes.map((n) => {
      const countdown = shown.get(n.id);
      const key = n.kind === 'heatmap' ? undefined : drawingKey(n, countdown);
      const kept = key === undefined ? undefined : this.previous.get(n.id);
      const node = kept && kept.key === key ? kept.node : toFlowNode(n, countdown, open);
      if (key !== undefined) next.set(n.id, { key, node });
      return node;
    });
    this.previous = next;
    return result;
  }
}

/** Everything a box's drawing depends on (the heatmap, drawn from its cells, is never kept). */
function drawingKey(n: GraphNode, countdown: Countdown | undefined): string {
  const handles = (n.handles ?? []).map((h) => `${h.id}:${h.type}:${h.side}:${h.offset}`).join(' ');
  return [n.kind, n.label, n.parent, n.x, n.y, n.width, n.height, n.status, n.badge, n.cordoned, n.dots?.join(','), handles, n.ref?.kind, n.ref?.namespace, n.ref?.name, countdown?.text, countdown?.title].join('|');
}

function toBoxNode(n: GraphNode, countdown: Countdown | undefined, open: Open): BoxFlowNode {
  const ref = n.ref;
  const badge = n.kind === 'node' ? `${n.status ?? ''}${n.cordoned ? ',SchedulingDisabled' : ''}` : n.badge;
  return {
    id: n.id,
    type: 'box',
    parentId: n.parent,
    position: { x: n.x, y: n.y },
    draggable: false,
    selectable: false,
    className: className(n),
    style: { width: n.width, height: n.height },
    ariaLabel: [n.kind === 'service' ? `Service ${n.label}` : n.label, n.status ?? n.badge, countdown?.text].filter(Boolean).join(' '),
    data: {
      label: n.label,
      badge,
      handles: n.handles ?? [],
      countdown,
      onOpen: ref ? () => open(ref) : undefined,
    },
  };
}

/** Ids of edges with recent traffic; re-evaluated when traffic arrives and again when the glow expires. */
function useActiveEdges(layout: ClusterLayout): Set<string> {
  const lastSeen = useTraffic((s) => s.lastSeenWallMs);
  const hidden = useGraphView((s) => s.hiddenTraffic);
  const [now, setNow] = useState(0);
  useEffect(() => useTraffic.subscribe(() => setNow(performance.now())), []);
  // Edges of clients the legend switched off never light up.
  const shown = useMemo(
    () =>
      layout.edges.filter((e) => {
        const traffic = e.client === undefined ? undefined : trafficClassOf(e.client);
        return traffic === undefined || !hidden.has(traffic);
      }),
    [layout, hidden],
  );
  const active = useMemo(() => activeEdgeIds(shown, lastSeen, now, TRAFFIC_GLOW_MS), [shown, lastSeen, now]);
  useEffect(() => {
    if (active.size === 0) return;
    const id = setTimeout(() => setNow(performance.now()), TRAFFIC_GLOW_MS);
    return () => clearTimeout(id);
  }, [active]);
  return active;
}

/** Re-fits the view when nodes join or leave the cluster (not on every pod change). */
function FitOnClusterChange({ clusterNodes }: { clusterNodes: number }) {
  const flow = useReactFlow();
  // The inspector opening or closing narrows or widens the canvas: fit again then too.
  const inspecting = useInspector((s) => s.target !== undefined);
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.06 }));
    return () => cancelAnimationFrame(id);
  }, [clusterNodes, flow, inspecting]);
  return null;
}

const names = (objects: Iterable<KubeObject> | undefined) => [...new Set([...(objects ?? [])].map((o) => String(o.metadata.name)))].sort();

function edgeClass(e: GraphEdge, active: boolean): string {
  if (e.endpoint) return `graph-edge endpoint${e.endpoint.ready ? '' : ' not-ready'}`;
  return active ? 'graph-edge active' : 'graph-edge';
}

function ClusterGraphView() {
  const nodeObjects = useMirror((s) => s.byKind.get('Node'));
  const podObjects = useMirror((s) => s.byKind.get('Pod'));
  const serviceObjects = useMirror((s) => s.byKind.get('Service'));
  const sliceObjects = useMirror((s) => s.byKind.get('EndpointSlice'));
  const namespaceObjects = useMirror((s) => s.byKind.get('Namespace'));
  const filter = useGraphView((s) => s.filter);
  const shown = useMemo(
    () => filterObjects(filter, nodeObjects?.values() ?? [], podObjects?.values() ?? [], serviceObjects?.values() ?? [], sliceObjects?.values() ?? []),
    [filter, nodeObjects, podObjects, serviceObjects, sliceObjects],
  );
  const timers = useTimers((s) => s.timers);
  // Whole virtual seconds: countdowns re-render once a second of virtual time, not every frame.
  const nowSecond = useSim((s) => Math.floor(s.nowMs / 1000));
  const { scale, layout } = useMemo(() => layoutForScale(shown.nodes, shown.pods, { services: shown.services, endpointSlices: sliceObjects?.values() ?? [] }), [shown, sliceObjects]);
  // The inspector asks the engine about what it shows.
  const open = useCallback((ref: NonNullable<GraphNode['ref']>) => useInspector.getState().select(ref), []);
  // A box whose drawing did not change keeps its flow node object, so React Flow re-renders only the
  // boxes that changed (a pod's phase) rather than all of them on every patch.
  const [kept] = useState(() => new FlowNodeCache());
  const nodes = useMemo(() => {
    const shown = countdowns(layout.nodes, timers, nowSecond * 1000);
    return kept.nodes(layout.nodes, shown, open);
  }, [kept, layout, timers, nowSecond, open]);
  const active = useActiveEdges(layout);
  const edges: Edge[] = useMemo(
    () =>
      layout.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle: e.sourceHandle,
        targetHandle: e.targetHandle,
        type: e.endpoint ? 'default' : 'smoothstep',
        animated: active.has(e.id),
        className: edgeClass(e, active.has(e.id)),
      })),
    [layout, active],
  );
  return (
    <>
      <GraphFilters namespaces={names(namespaceObjects?.values())} nodes={names(nodeObjects?.values())} selectorError={shown.selectorError} scale={scale} />
      <div className="graph-flow">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          colorMode="dark"
          fitView
          fitViewOptions={{ padding: 0.06 }}
          minZoom={0.1}
          nodesConnectable={false}
          onNodeClick={(_event, node: FlowNode) => (node.type === 'heatmap' ? undefined : node.data.onOpen?.())}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={20} size={1} />
          <Controls showInteractive={false} />
          <GraphLegend />
          <FitOnClusterChange clusterNodes={shown.nodes.length} />
        </ReactFlow>
      </div>
    </>
  );
}

export function ClusterGraph({ engine }: { engine: EngineClient }) {
  return (
    <ReactFlowProvider>
      <div className="graph-split">
        <div className="graph-canvas">
          <ClusterGraphView />
          <EventsTimeline />
        </div>
        <Inspector engine={engine} />
      </div>
    </ReactFlowProvider>
  );
}
