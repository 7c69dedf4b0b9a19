/**
 * Thousands of nodes as one heatmap: a cell per node in name order, shaded by how many of the shown
 * pods it runs (the namespace filter picks which), red when NotReady and grey when Unknown. Hovering
 * a cell names it; clicking opens it in the inspector.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { GraphHandle, NodeCell } from '../layout';
import { useTheme } from '../../../state/theme';
import { canvasPalette } from './palette';
import { cellAt } from '../compact-layout';

export type HeatmapNodeData = {
  label: string;
  cells: { columns: number; cellSize: number; nodes: NodeCell[] };
  handles: GraphHandle[];
  onOpenNode: (name: string) => void;
};
export type HeatmapFlowNode = Node<HeatmapNodeData, 'heatmap'>;

export function HeatmapNode({ data }: NodeProps<HeatmapFlowNode>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme((s) => s.theme);
  const [hovered, setHovered] = useState<NodeCell | undefined>(undefined);
  const { cells } = data;
  const rows = Math.ceil(cells.nodes.length / cells.columns);
  const most = Math.max(1, ...cells.nodes.map((n) => n.pods.length));
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!canvas.current || !context) return;
    const palette = canvasPalette(canvas.current);
    const size = cells.cellSize;
    context.clearRect(0, 0, canvas.current.width, canvas.current.height);
    cells.nodes.forEach((node, i) => {
      const x = (i % cells.columns) * size;
      const y = Math.floor(i / cells.columns) * size;
      context.globalAlpha = 1;
      context.fillStyle = palette.empty;
      context.fillRect(x, y, size - 2, size - 2);
      if (node.status === 'Ready') {
        context.fillStyle = palette.heat;
        context.globalAlpha = node.pods.length === 0 ? 0 : 0.2 + (0.8 * node.pods.length) / most;
      } else context.fillStyle = palette.node(node.status);
      context.fillRect(x, y, size - 2, size - 2);
    });
    context.globalAlpha = 1;
  }, [cells, most, theme]);
  // Canvas pixels from a pointer event, whatever the graph's zoom.
  const cellOf = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const scale = event.currentTarget.width / box.width;
    return cellAt(cells, (event.clientX - box.left) * scale, (event.clientY - box.top) * scale);
  };
  const summary = hovered
    ? `${hovered.name}: ${hovered.status}${hovered.cordoned ? ',SchedulingDisabled' : ''}, ${hovered.pods.length} pods`
    : `${data.label} (darker: more pods; most on one node: ${most})`;
  return (
    <>
      {data.handles.map((h) => (
        <Handle key={h.id} id={h.id} type={h.type} position={Position.Top} isConnectable={false} style={{ left: h.offset }} />
      ))}
      <p className="heatmap-caption" aria-live="polite">
        {summary}
      </p>
      <canvas
        ref={canvas}
        className="heatmap-cells nodrag"
        width={cells.columns * cells.cellSize}
        height={rows * cells.cellSize}
        role="img"
        aria-label={`${data.label}: ${cells.nodes.filter((n) => n.status !== 'Ready').length} not ready`}
        onMouseMove={(event) => setHovered(cellOf(event))}
        onMouseLeave={() => setHovered(undefined)}
        onClick={(event) => {
          const cell = cellOf(event);
          if (cell) data.onOpenNode(cell.name);
        }}
      />
    </>
  );
}
