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
import { activeEdgeIds, layoutCluster, type ClusterLayout, type GraphNode } from './layout';
import { BoxNode, type BoxFlowNode } from './nodes/BoxNode';

/** How long an edge stays lit after traffic on it (host wall time). */
const TRAFFIC_GLOW_MS = 1200;

const NODE_TYPES = { box: BoxNode };

function toFlowNode(n: GraphNode, countdown: Countdown | undefined, open: (ref: NonNullable<GraphNode['ref']>) => void): BoxFlowNode {
  const ref = n.ref;
  const badge = n.kind === 'node' ? `${n.status ?? ''}${n.cordoned ? ',SchedulingDisabled' : ''}` : undefined;
  return {
    id: n.id,
    type: 'box',
    parentId: n.parent,
    position: { x: n.x, y: n.y },
    draggable: false,
    selectable: false,
    className: `graph-${n.kind}${n.status ? ` status-${n.status}` : ''}${n.cordoned ? ' cordoned' : ''}`,
    style: { width: n.width, height: n.height },
    ariaLabel: [n.label, n.status, countdown?.text].filter(Boolean).join(' '),
    data: { label: n.label, badge, handles: n.handles ?? [], countdown, onOpen: ref ? () => open(ref) : undefined },
  };
}

/** Ids of edges with recent traffic; re-evaluated when traffic arrives and again when the glow expires. */
function useActiveEdges(layout: ClusterLayout): Set<string> {
  const lastSeen = useTraffic((s) => s.lastSeenWallMs);
  const [now, setNow] = useState(0);
  useEffect(() => useTraffic.subscribe(() => setNow(performance.now())), []);
  const active = useMemo(() => activeEdgeIds(layout.edges, lastSeen, now, TRAFFIC_GLOW_MS), [layout, lastSeen, now]);
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

function ClusterGraphView() {
  const nodeObjects = useMirror((s) => s.byKind.get('Node'));
  const podObjects = useMirror((s) => s.byKind.get('Pod'));
  const timers = useTimers((s) => s.timers);
  // Whole virtual seconds: countdowns re-render once a second of virtual time, not every frame.
  const nowSecond = useSim((s) => Math.floor(s.nowMs / 1000));
  const layout = useMemo(() => layoutCluster(nodeObjects?.values() ?? [], podObjects?.values() ?? []), [nodeObjects, podObjects]);
  // The inspector asks the engine about what it shows.
  const open = useCallback((ref: NonNullable<GraphNode['ref']>) => useInspector.getState().select(ref), []);
  const nodes = useMemo(() => {
    const shown = countdowns(layout.nodes, timers, nowSecond * 1000);
    return layout.nodes.map((n) => toFlowNode(n, shown.get(n.id), open));
  }, [layout, timers, nowSecond, open]);
  const active = useActiveEdges(layout);
  const edges: Edge[] = useMemo(
    () =>
      layout.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle: e.sourceHandle,
        targetHandle: e.targetHandle,
        type: 'smoothstep',
        animated: active.has(e.id),
        className: active.has(e.id) ? 'graph-edge active' : 'graph-edge',
      })),
    [layout, active],
  );
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      colorMode="dark"
      fitView
      fitViewOptions={{ padding: 0.06 }}
      minZoom={0.1}
      nodesConnectable={false}
      onNodeClick={(_event, node: BoxFlowNode) => node.data.onOpen?.()}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={20} size={1} />
      <Controls showInteractive={false} />
      <FitOnClusterChange clusterNodes={nodeObjects?.size ?? 0} />
    </ReactFlow>
  );
}

export function ClusterGraph({ engine }: { engine: EngineClient }) {
  return (
    <ReactFlowProvider>
      <div className="graph-split">
        <div className="graph-canvas">
          <ClusterGraphView />
        </div>
        <Inspector engine={engine} />
      </div>
    </ReactFlowProvider>
  );
}
