/**
 * NodeResourcesBalancedAllocation: favours nodes where, with the pod added, cpu and memory would be
 * used in similar proportions: score = (1 − standard deviation of the two fractions) × 100.
 * Pods that request neither are skipped in PreScore (upstream issue 129138: best-effort pods would
 * otherwise all pile onto the same node).
 */
import { podRequests } from '../framework/node-info';
import { MAX_NODE_SCORE, SKIP, SUCCESS, type ScorePlugin } from '../framework/types';

export const balancedAllocation = {
  name: 'NodeResourcesBalancedAllocation',
  preScore(_state, pod) {
    const request = podRequests(pod);
    return request.milliCPU === 0 && request.memory === 0 ? SKIP : SUCCESS;
  },
  score(_state, pod, node) {
    const request = podRequests(pod);
    if (request.milliCPU === 0 && request.memory === 0) return 0;
    const cpuAllocatable = node.allocatable.milliCPU;
    const memoryAllocatable = node.allocatable.memory;
    // With one resource unknown (allocatable 0) there is nothing to balance: std 0.
    if (cpuAllocatable === 0 || memoryAllocatable === 0) return MAX_NODE_SCORE;
    const cpu = Math.min(1, (node.requested.milliCPU + request.milliCPU) / cpuAllocatable);
    const memory = Math.min(1, (node.requested.memory + request.memory) / memoryAllocatable);
    const std = Math.abs((cpu - memory) / 2);
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
} satisfies ScorePlugin;
