/**
 * A node of a big cluster as a small tile: its name (a button that opens the inspector), its
 * condition as the border colour, and its pods as dots on a canvas, one per pod, coloured by status.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { GraphHandle } from '../layout';
import { useTheme } from '../../../state/theme';
import { canvasPalette } from './palette';

export type TileNodeData = {
  label: string;
  status?: string;
  dots: string[];
  width: number;
  height: number;
  handles: GraphHandle[];
  countdown?: { text: string; title: string };
  onOpen?: () => void;
};
export type TileFlowNode = Node<TileNodeData, 'tile'>;

const DOT = 6;
const STEP = 8;
const HEADER = 20;

/** Draws up to what fits; the last place says how many more when there are. */
export function drawDots(canvas: HTMLCanvasElement, dots: readonly string[], colour: (status: string) => string): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  context.clearRect(0, 0, canvas.width, canvas.height);
  const perRow = Math.max(1, Math.floor(canvas.width / STEP));
  const fits = perRow * Math.max(1, Math.floor(canvas.height / STEP));
  const drawn = dots.length > fits ? fits - 1 : dots.length;
  for (let i = 0; i < drawn; i++) {
    context.fillStyle = colour(dots[i] ?? '');
    context.beginPath();
    context.arc((i % perRow) * STEP + DOT / 2 + 1, Math.floor(i / perRow) * STEP + DOT / 2 + 1, DOT / 2, 0, Math.PI * 2);
    context.fill();
  }
  if (drawn < dots.length) {
    context.fillStyle = colour('');
    context.font = '7px sans-serif';
    context.fillText('+', (drawn % perRow) * STEP + 1, Math.floor(drawn / perRow) * STEP + DOT + 1);
  }
}

export function TileNode({ data }: NodeProps<TileFlowNode>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useTheme((s) => s.theme);
  useEffect(() => {
    if (!canvas.current) return;
    const palette = canvasPalette(canvas.current);
    drawDots(canvas.current, data.dots, palette.pod);
  }, [data.dots, theme]);
  return (
    <>
      {data.handles.map((h) => (
        <Handle key={h.id} id={h.id} type={h.type} position={Position.Top} isConnectable={false} style={{ left: h.offset }} />
      ))}
      <div className="tile-header">
        {data.onOpen ? (
          <button type="button" className="box-label box-open nodrag" onClick={data.onOpen} title={`Inspect ${data.label}`}>
            {data.label}
          </button>
        ) : (
          <span className="box-label">{data.label}</span>
        )}
      </div>
      {data.countdown ? (
        <span className="box-countdown" title={data.countdown.title}>
          {data.countdown.text}
        </span>
      ) : null}
      <canvas ref={canvas} className="tile-dots" width={data.width - 8} height={data.height - HEADER - 6} aria-hidden="true" />
    </>
  );
}
