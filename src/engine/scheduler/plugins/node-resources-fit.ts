/**
 * NodeResourcesFit: the pod's requests must fit in what the node has left (allocatable minus the
 * requests of pods already there), and the node must have room for one more pod. Scores nodes with
 * the LeastAllocated strategy (cpu and memory, equal weights, unrequested resources counted as
 * 100m / 200Mi).
 */
import type { KubeObject } from '../../api/meta';
import { podRequests, type NodeInfo, type Resource } from '../framework/node-info';
import { MAX_NODE_SCORE, SUCCESS, unschedulable, type CycleState, type FilterPlugin, type PreFilterPlugin, type ScorePlugin, type Status } from '../framework/types';

const STATE_KEY = 'PreFilterNodeResourcesFit';

function requestOf(state: CycleState, pod: KubeObject): Resource {
  return state.read<Resource>(STATE_KEY) ?? podRequests(pod);
}

/** The reasons a pod does not fit, in Kubernetes' order; `unresolvable` when it could never fit (request > allocatable). */
export function insufficientResources(request: Resource, node: NodeInfo): { reasons: string[]; unresolvable: boolean } {
  const reasons: string[] = [];
  const verdict = { reasons, unresolvable: false };
  if (node.pods.length + 1 > node.allowedPodNumber) reasons.push('Too many pods');
  check(verdict, 'cpu', request.milliCPU, node.allocatable.milliCPU, node.requested.milliCPU);
  check(verdict, 'memory', request.memory, node.allocatable.memory, node.requested.memory);
  check(verdict, 'ephemeral-storage', request.ephemeralStorage, node.allocatable.ephemeralStorage, node.requested.ephemeralStorage);
  for (const [name, wanted] of request.scalar) check(verdict, name, wanted, node.allocatable.scalar.get(name) ?? 0, node.requested.scalar.get(name) ?? 0);
  return verdict;
}

/** One resource: a non-zero request above what is left fails; above allocatable it never fits. */
function check(verdict: { reasons: string[]; unresolvable: boolean }, name: string, wanted: number, allocatable: number, used: number): void {
  if (wanted === 0 || wanted <= allocatable - used) return;
  verdict.reasons.push(`Insufficient ${name}`);
  if (wanted > allocatable) verdict.unresolvable = true;
}

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export const nodeResourcesFit = {
  name: 'NodeResourcesFit',
  preFilter(state: CycleState, pod: KubeObject): Status {
    state.write(STATE_KEY, podRequests(pod));
    return SUCCESS;
  },
  filter(state, pod, node) {
    const { reasons, unresolvable } = insufficientResources(requestOf(state, pod), node);
    return reasons.length ? unschedulable(reasons, !unresolvable) : SUCCESS;
  },
  score(_state, pod, node) {
    const request = podRequests(pod, true);
    const cpu = leastRequested(node.nonZeroRequested.milliCPU + request.milliCPU, node.allocatable.milliCPU);
    const memory = leastRequested(node.nonZeroRequested.memory + request.memory, node.allocatable.memory);
    return Math.trunc((cpu + memory) / 2);
  },
} satisfies PreFilterPlugin & FilterPlugin & ScorePlugin;
