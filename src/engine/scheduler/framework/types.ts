/**
 * The scheduling framework's vocabulary (k8s.io/kube-scheduler/framework): Status codes, the
 * per-cycle state, node and pod information, and the small plugin interfaces, one per extension
 * point. Plugins live one per file in ../plugins.
 */
import type { KubeObject } from '../../api/meta';
import type { Client } from '../../client';
import type { NodeInfo } from './node-info';

export const Code = {
  Success: 'Success',
  Error: 'Error',
  /** The pod does not fit now; another cluster change may help (preemption may be tried). */
  Unschedulable: 'Unschedulable',
  /** The pod cannot fit on this node whatever happens to other pods (preemption will not help). */
  UnschedulableAndUnresolvable: 'UnschedulableAndUnresolvable',
  Skip: 'Skip',
} as const;
export type CodeName = (typeof Code)[keyof typeof Code];

export interface Status {
  code: CodeName;
  reasons: readonly string[];
  plugin?: string;
}

export const SUCCESS: Status = { code: Code.Success, reasons: [] };
export const SKIP: Status = { code: Code.Skip, reasons: [] };

export function unschedulable(reasons: string | readonly string[], resolvable = true): Status {
  return { code: resolvable ? Code.Unschedulable : Code.UnschedulableAndUnresolvable, reasons: typeof reasons === 'string' ? [reasons] : reasons };
}

export function isSuccess(status: Status): boolean {
  return status.code === Code.Success;
}

/** Data plugins share within one scheduling cycle (PreFilter results read by Filter, ...). */
export class CycleState {
  private readonly data = new Map<string, unknown>();

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  /** A copy whose writes leave this state alone (values are shared, never modified in place). */
  clone(): CycleState {
    const copy = new CycleState();
    for (const [k, v] of this.data) copy.write(k, v);
    return copy;
  }
}

export interface Plugin {
  readonly name: string;
}

export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPod, b: QueuedPod): boolean;
}

/**
 * PreFilter computes per-cycle state once for every node (read by Filter). `Skip` means the plugin's
 * Filter has nothing to check for this pod; any other non-success rejects the pod on every node and
 * its message replaces the per-node reasons in FailedScheduling.
 */
export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: KubeObject, nodes: readonly NodeInfo[]): Status;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: KubeObject, node: NodeInfo): Status;
}

/** PreScore prepares Score over the feasible nodes; `Skip` leaves the plugin out of this cycle's scores. */
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: KubeObject, feasible: readonly NodeInfo[]): Status;
}

export interface NodeScore {
  name: string;
  score: number;
}

export interface ScorePlugin extends Plugin {
  preScore?(state: CycleState, pod: KubeObject, feasible: readonly NodeInfo[]): Status;
  score(state: CycleState, pod: KubeObject, node: NodeInfo): number;
  /** Rescales raw scores to 0..100 (in place). */
  normalizeScores?(state: CycleState, pod: KubeObject, scores: NodeScore[]): void;
}

export interface BindPlugin extends Plugin {
  bind(pod: KubeObject, nodeName: string, client: Client): Status;
}

/** A pod waiting in the scheduling queue. */
export interface QueuedPod {
  pod: KubeObject;
  /** When it was first added (ms), for PrioritySort's tie-break. */
  timestampMs: number;
  attempts: number;
  lastAttemptMs?: number;
}

export const MAX_NODE_SCORE = 100;

/**
 * What plugins may read besides NodeInfos: the scheduler's informer caches (the framework handle's
 * SharedInformerFactory). Everything here comes from watches, never from the store.
 */
export interface Listers {
  /** Every node in the cache, in name order. */
  nodes(): readonly NodeInfo[];
  /** The nodes holding pods with pod (anti-)affinity terms, and those with required anti-affinity, in name order (optional: nodes() when absent). */
  nodesWithPodsWithAffinity?(): readonly NodeInfo[];
  nodesWithPodsWithRequiredAntiAffinity?(): readonly NodeInfo[];
  /** How many nodes hold the image (optional: computed from nodes() when absent). */
  nodesWithImage?(image: string): number;
  namespaces(): readonly KubeObject[];
  namespace(name: string): KubeObject | undefined;
  /** Objects of a namespaced resource in one namespace (services, replicasets, replicationcontrollers, statefulsets). */
  inNamespace(resource: 'services' | 'replicasets' | 'replicationcontrollers' | 'statefulsets', namespace: string): readonly KubeObject[];
  persistentVolumeClaim(namespace: string, name: string): KubeObject | undefined;
  persistentVolume(name: string): KubeObject | undefined;
  persistentVolumes(): readonly KubeObject[];
  storageClass(name: string): KubeObject | undefined;
  storageClasses(): readonly KubeObject[];
}
