/**
 * The UI's mirror of cluster objects: every object by uid, plus a by-kind index, kept current by the
 * engine's patches. Applying a patch copies only what changed: untouched objects and the maps of
 * untouched kinds keep their identity, so selectors on them do not re-render (a Lease heartbeat does
 * not re-lay out the graph).
 */
import { create } from 'zustand';
import type { KubeObject } from '../engine';
import type { ObjectOp } from '../engine/protocol';

export type Uid = string;
export type ObjectsByUid = ReadonlyMap<Uid, KubeObject>;

export interface Mirror {
  objects: ObjectsByUid;
  byKind: ReadonlyMap<string, ObjectsByUid>;
}

const EMPTY: ObjectsByUid = new Map();

export function uidOf(object: KubeObject): Uid {
  return String(object.metadata.uid);
}

/** A mirror holding exactly these objects. */
export function mirrorOf(objects: readonly KubeObject[]): Mirror {
  const byUid = new Map<Uid, KubeObject>();
  const byKind = new Map<string, Map<Uid, KubeObject>>();
  for (const object of objects) {
    byUid.set(uidOf(object), object);
    let ofKind = byKind.get(object.kind);
    if (!ofKind) byKind.set(object.kind, (ofKind = new Map<Uid, KubeObject>()));
    ofKind.set(uidOf(object), object);
  }
  return { objects: byUid, byKind };
}

/** Applies ops, returning a new mirror (or the same one when nothing changed). */
export function applyObjectOps(current: Mirror, ops: readonly ObjectOp[]): Mirror {
  if (ops.length === 0) return current;
  const objects = new Map(current.objects);
  const byKind = new Map(current.byKind);
  const copied = new Set<string>(); // kinds whose map this patch already copied
  const kindMap = (kind: string): Map<Uid, KubeObject> => {
    if (!copied.has(kind)) {
      copied.add(kind);
      byKind.set(kind, new Map(byKind.get(kind) ?? EMPTY));
    }
    return byKind.get(kind) as Map<Uid, KubeObject>;
  };
  for (const op of ops) {
    const uid = op.op === 'put' ? uidOf(op.object) : op.uid;
    const previous = objects.get(uid);
    if (previous) kindMap(previous.kind).delete(uid);
    if (op.op === 'put') {
      objects.set(uid, op.object);
      kindMap(op.object.kind).set(uid, op.object);
    } else {
      objects.delete(uid);
    }
  }
  for (const kind of copied) if (byKind.get(kind)?.size === 0) byKind.delete(kind);
  return { objects, byKind };
}

/** Objects of one kind, ordered by namespace and name (stable for rendering). */
export function sortedByName(objects: ObjectsByUid | undefined): KubeObject[] {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${String(o.metadata.name)}`;
  return [...(objects ?? EMPTY).values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export interface MirrorState extends Mirror {
  /** Sequence number of the last patch applied; a gap means a lost message and asks for a resync. */
  seq: number;
  reset(seq: number, objects: readonly KubeObject[]): void;
  /** Applies the patch numbered `seq`; false (and nothing applied) when it does not follow the last one. */
  applyPatch(seq: number, ops: readonly ObjectOp[]): boolean;
}

export const useMirror = create<MirrorState>()((set, get) => ({
  ...mirrorOf([]),
  seq: 0,
  reset: (seq, objects) => set({ ...mirrorOf(objects), seq }),
  applyPatch: (seq, ops) => {
    const state = get();
    if (seq !== state.seq + 1) return false;
    set({ ...applyObjectOps(state, ops), seq });
    return true;
  },
}));
