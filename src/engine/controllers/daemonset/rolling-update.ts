/**
 * The DaemonSet RollingUpdate step (update.go rollingUpdate): which old pods to delete and on which
 * nodes to create a new pod. Without maxSurge, old pods go (unavailable ones at once, available ones
 * while fewer than maxUnavailable nodes lack an available pod) and the normal sync recreates them;
 * with maxSurge, a new pod is started beside the old one (at once where the old one is unavailable,
 * on at most maxSurge nodes otherwise) and the old pod is deleted once the new one is available.
 */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';

/** One node the DaemonSet's pods are on or should be on. */
export interface NodePods {
  node: string;
  /** Whether the DaemonSet should run on the node (NodeShouldRunDaemonPod). */
  shouldRun: boolean;
  /** The DaemonSet's active pods there. */
  pods: readonly KubeObject[];
}

export interface RollingUpdatePlan {
  deletePods: KubeObject[];
  createOn: string[];
}

export interface RollingUpdateInput {
  nodes: readonly NodePods[];
  maxSurge: number;
  maxUnavailable: number;
  desired: number;
  isUpdated: (pod: KubeObject) => boolean;
  isAvailable: (pod: KubeObject) => boolean;
}

/** findUpdatedPodsOnNode: at most one new and one old pod, or undefined when there are more. */
function splitNode(pods: readonly KubeObject[], isUpdated: (pod: KubeObject) => boolean): { newPod?: KubeObject; oldPod?: KubeObject } | undefined {
  const fresh = pods.filter((p) => !p.metadata.deletionTimestamp);
  const updated = fresh.filter(isUpdated);
  const old = fresh.filter((p) => !isUpdated(p));
  if (updated.length > 1 || old.length > 1) return undefined;
  return { newPod: updated[0], oldPod: old[0] };
}

/** GetScaledValueFromIntOrPercent rounding up; updatedDesiredNodeCounts turns 0/0 into maxUnavailable 1. */
export function updateCounts(rollingUpdate: Record<string, unknown>, desired: number): { maxSurge: number; maxUnavailable: number } {
  const scaled = (v: unknown) => {
    if (typeof v === 'number') return v;
    const m = /^(\d+)%$/.exec(text(v));
    return m ? Math.ceil((Number(m[1]) * desired) / 100) : Number(v) || 0;
  };
  const maxSurge = rollingUpdate.maxSurge === undefined ? 0 : scaled(rollingUpdate.maxSurge);
  let maxUnavailable = scaled(rollingUpdate.maxUnavailable ?? 1);
  if (desired > 0 && maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

function withoutSurge(input: RollingUpdateInput): RollingUpdatePlan {
  let unavailable = 0;
  const replacements: KubeObject[] = [];
  const candidates: KubeObject[] = [];
  for (const { pods } of input.nodes) {
    const split = splitNode(pods, input.isUpdated);
    if (!split) {
      unavailable++;
      continue;
    }
    const { newPod, oldPod } = split;
    if ((!oldPod && !newPod) || (oldPod && newPod)) unavailable++;
    else if (newPod) {
      if (!input.isAvailable(newPod)) unavailable++;
    } else if (oldPod) {
      if (!input.isAvailable(oldPod)) replacements.push(oldPod);
      else if (unavailable < input.maxUnavailable) candidates.push(oldPod);
    }
  }
  const remaining = Math.min(Math.max(0, input.maxUnavailable - unavailable), candidates.length);
  return { deletePods: [...replacements, ...candidates.slice(0, remaining)], createOn: [] };
}

function withSurge(input: RollingUpdateInput): RollingUpdatePlan {
  const deletePods: KubeObject[] = [];
  const shouldNotRun: KubeObject[] = [];
  const candidates: string[] = [];
  const allowed: string[] = [];
  let surge = 0;
  let available = 0;
  for (const { node, shouldRun, pods } of input.nodes) {
    const split = splitNode(pods, input.isUpdated);
    if (!split) {
      surge++;
      continue;
    }
    const { newPod, oldPod } = split;
    const counted = oldPod ?? newPod;
    if (counted && input.isAvailable(counted)) available++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!input.isAvailable(oldPod)) {
        if (!shouldRun) deletePods.push(oldPod);
        else allowed.push(node);
      } else if (!shouldRun) shouldNotRun.push(oldPod);
      else if (surge < input.maxSurge) candidates.push(node);
      continue;
    }
    // Already surged here: wait for the new pod, then retire the old one.
    if (!input.isAvailable(newPod)) surge++;
    else deletePods.push(oldPod);
  }
  // Pods on nodes the DaemonSet left go only while enough others are available.
  const deletable = Math.min(available - input.desired, shouldNotRun.length);
  if (deletable > 0) deletePods.push(...shouldNotRun.slice(0, deletable));
  const remaining = Math.min(Math.max(0, input.maxSurge - surge), candidates.length);
  return { deletePods, createOn: [...allowed, ...candidates.slice(0, remaining)] };
}

export function rollingUpdatePlan(input: RollingUpdateInput): RollingUpdatePlan {
  return input.maxSurge === 0 ? withoutSurge(input) : withSurge(input);
}
