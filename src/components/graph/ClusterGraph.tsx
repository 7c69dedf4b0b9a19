/** The cluster graph area: the control plane around kube-apiserver, nodes with their agents and pods, API traffic lighting up edges. */
import { useEffect, useMemo, useState } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMirror } from '../../state/mirror';
import { useTraffic } from '../../state/traffic';
import { activeEdgeIds, layoutCluster, type ClusterLayout, type GraphNode } from './layout';
import { BoxNode, type BoxFlowNode } from './nodes/BoxNode';

/** How long an edge stays lit after traffic on it (host wall time). */
const TRAFFIC_GLOW_MS = 1200;

const NODE_TYPES = { box: BoxNode };

function toFlowNode(n: GraphNode): BoxFlowNode {
  return {
    id: n.id,
    type: 'box',
    parentId: n.parent,
    position: { x: n.x, y: n.y },
    draggable: false,
    selectable: false,
    className: `graph-${n.kind}${n.status ? ` status-${n.status}` : ''}`,
    style: { width: n.width, height: n.height },
    ariaLabel: n.status ? `${n.label} ${n.status}` : n.label,
    data: { label: n.label, badge: n.kind === 'node' ? n.status : undefined, handles: n.handles ?? [] },
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
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.06 }));
    return () => cancelAnimationFrame(id);
  }, [clusterNodes, flow]);
  return null;
}

function ClusterGraphView() {
  const nodeObjects = useMirror((s) => s.byKind.get('Node'));
  const podObjects = useMirror((s) => s.byKind.get('Pod'));
  const layout = useMemo(() => layoutCluster(nodeObjects?.values() ?? [], podObjects?.values() ?? []), [nodeObjects, podObjects]);
  const nodes = useMemo(() => layout.nodes.map(toFlowNode), [layout]);
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
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={20} size={1} />
      <Controls showInteractive={false} />
      <FitOnClusterChange clusterNodes={nodeObjects?.size ?? 0} />
    </ReactFlow>
  );
}

export function ClusterGraph() {
  return (
    <ReactFlowProvider>
      <ClusterGraphView />
    </ReactFlowProvider>
  );
}
