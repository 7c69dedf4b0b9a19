/**
 * Every box of the cluster graph (control-plane components, node groups, agents, pods): a label, an
 * optional status badge, and exactly the handles the layout gives it, so edges attach where the
 * layout says and nowhere else.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { GraphHandle } from '../layout';

export type BoxNodeData = {
  label: string;
  badge?: string;
  handles: GraphHandle[];
  /** A running timer's countdown (eviction, grace period, back-off) and its sentence. */
  countdown?: { text: string; title: string };
  /** Opens the box's object in the inspector; the label is then a button. */
  onOpen?: () => void;
};
export type BoxFlowNode = Node<BoxNodeData, 'box'>;

const POSITIONS: Record<GraphHandle['side'], Position> = {
  top: Position.Top,
  bottom: Position.Bottom,
  left: Position.Left,
  right: Position.Right,
};

export function BoxNode({ data }: NodeProps<BoxFlowNode>) {
  return (
    <>
      {data.handles.map((h) => (
        <Handle
          key={h.id}
          id={h.id}
          type={h.type}
          position={POSITIONS[h.side]}
          isConnectable={false}
          style={h.side === 'top' || h.side === 'bottom' ? { left: h.offset } : { top: h.offset }}
        />
      ))}
      {data.onOpen ? (
        <button type="button" className="box-label box-open nodrag" onClick={data.onOpen} title={`Inspect ${data.label}`}>
          {data.label}
        </button>
      ) : (
        <span className="box-label">{data.label}</span>
      )}
      {data.badge ? <span className="box-badge">{data.badge}</span> : null}
      {data.countdown ? (
        <span className="box-countdown" title={data.countdown.title}>
          {data.countdown.text}
        </span>
      ) : null}
    </>
  );
}
