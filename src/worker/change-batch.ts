/**
 * Folds the simulation's changes between two flushes into one patch: the last change of each object
 * wins (keyed by uid, so a re-created object is a new entry), and API traffic keeps its order.
 */
import type { SimChange } from '../engine';
import type { ObjectOp, TrafficEvent } from '../engine/protocol';

/** Traffic events kept per patch; a burst beyond this is summarised by dropping the rest. */
export const TRAFFIC_PER_PATCH_MAX = 500;

export interface PatchBody {
  ops: ObjectOp[];
  traffic: TrafficEvent[];
}

export class ChangeBatch {
  private readonly ops = new Map<string, ObjectOp>();
  private traffic: TrafficEvent[] = [];

  add(change: SimChange): void {
    if (change.kind === 'traffic') {
      if (this.traffic.length < TRAFFIC_PER_PATCH_MAX) this.traffic.push(change.event);
      return;
    }
    // Requests to open a file in the editor are not object changes (the host forwards them separately).
    if (change.kind !== 'object') return;
    const uid = String(change.object.metadata.uid);
    // Delete-then-add of the same uid cannot happen; add-then-delete leaves a harmless remove.
    this.ops.delete(uid); // re-insert so ops keep the order of their last change
    this.ops.set(uid, change.type === 'DELETED' ? { op: 'remove', uid } : { op: 'put', object: change.object });
  }

  /** Drops everything collected so far (after the UI got a full list instead). */
  clear(): void {
    this.ops.clear();
    this.traffic = [];
  }

  /** The collected changes, or undefined when there are none; the batch starts empty again. */
  take(): PatchBody | undefined {
    if (this.ops.size === 0 && this.traffic.length === 0) return undefined;
    const body = { ops: [...this.ops.values()], traffic: this.traffic };
    this.clear();
    return body;
  }
}
