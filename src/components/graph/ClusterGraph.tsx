/** The cluster graph area: control plane, nodes with their agents and pods, drawn with React Flow. */
import { useEffect, useMemo } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMirror } from '../../state/mirror';
import { layoutCluster } from './layout';

const COLORS: Record<string, string> = {
  Ready: '#1f6f43',
  NotReady: '#8a2b2b',
  Unknown: '#6b6b6b',
  Running: '#1f6f43',
  Pending: '#8a6d1f',
  Terminating: '#6b4a8a',
  Succeeded: '#2b5a8a',
  Failed: '#8a2b2b',
};

/** Re-fits the view when nodes join or leave the cluster (not on every pod change). */
function FitOnClusterChange({ clusterNodes }: { clusterNodes: number }) {
  const flow = useReactFlow();
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.08 }));
    return () => cancelAnimationFrame(id);
  }, [clusterNodes, flow]);
  return null;
}

export function ClusterGraph() {
  return (
    <ReactFlowProvider>
      <ClusterGraphView />
    </ReactFlowProvider>
  );
}

function ClusterGraphView() {
  const objects = useMirror((s) => s.objects);
  const { nodes, edges, clusterNodes } = useMemo(() => {
    const layout = layoutCluster(objects.values());
    const flowNodes: Node[] = layout.nodes.map((n) => ({
      id: n.id,
      position: { x: n.x, y: n.y },
      parentId: n.parent,
      data: { label: n.label },
      draggable: false,
      className: `graph-${n.kind}`,
      style: {
        width: n.width,
        height: n.height,
        borderColor: n.status ? COLORS[n.status] : undefined,
        background: n.kind === 'pod' && n.status ? COLORS[n.status] : undefined,
      },
    }));
    const flowEdges: Edge[] = layout.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: 'smoothstep', className: 'graph-edge' }));
    return { nodes: flowNodes, edges: flowEdges, clusterNodes: layout.nodes.filter((n) => n.kind === 'node').length };
  }, [objects]);
  return (
    <ReactFlow nodes={nodes} edges={edges} fitView proOptions={{ hideAttribution: true }} nodesConnectable={false} minZoom={0.2}>
      <Background />
      <Controls showInteractive={false} />
      <FitOnClusterChange clusterNodes={clusterNodes} />
    </ReactFlow>
  );
}
