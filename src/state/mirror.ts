/** The UI's mirror of cluster objects, keyed by uid and kept current by the engine's patches. */
import { create } from 'zustand';
import type { KubeObject } from '../engine';
import type { ObjectOp } from '../engine/protocol';

export interface MirrorState {
  objects: ReadonlyMap<string, KubeObject>;
  reset(objects: readonly KubeObject[]): void;
  applyOps(ops: readonly ObjectOp[]): void;
}

/** Applies ops to a map, returning a new map (or the same one when nothing changed). */
export function applyObjectOps(current: ReadonlyMap<string, KubeObject>, ops: readonly ObjectOp[]): ReadonlyMap<string, KubeObject> {
  if (ops.length === 0) return current;
  const next = new Map(current);
  for (const op of ops) {
    if (op.op === 'put') next.set(String(op.object.metadata.uid), op.object);
    else next.delete(op.uid);
  }
  return next;
}

export const useMirror = create<MirrorState>()((set) => ({
  objects: new Map(),
  reset: (objects) => set({ objects: new Map(objects.map((o) => [String(o.metadata.uid), o])) }),
  applyOps: (ops) => set((s) => ({ objects: applyObjectOps(s.objects, ops) })),
}));

/** Objects of one kind, in name order. */
export function objectsOfKind(objects: ReadonlyMap<string, KubeObject>, kind: string): KubeObject[] {
  return [...objects.values()].filter((o) => o.kind === kind).sort((a, b) => String(a.metadata.name).localeCompare(String(b.metadata.name)));
}
