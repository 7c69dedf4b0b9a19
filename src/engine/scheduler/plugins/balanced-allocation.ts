/**
 * NodeResourcesBalancedAllocation: favours nodes where, with the pod added, cpu and memory would be
 * used in similar proportions: score = (1 − standard deviation of the two fractions) × 100.
 * Pods that request neither are skipped (every node would score the same).
 */
import { podRequests } from '../framework/node-info';
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework/types';

export const balancedAllocation = {
  name: 'NodeResourcesBalancedAllocation',
  score(_state, pod, node) {
    const request = podRequests(pod);
    if (request.milliCPU === 0 && request.memory === 0) return 0;
    const fractions: number[] = [];
    for (const [requested, allocatable] of [
      [node.requested.milliCPU + request.milliCPU, node.allocatable.milliCPU],
      [node.requested.memory + request.memory, node.allocatable.memory],
    ] as const) {
      if (allocatable === 0) continue;
      fractions.push(Math.min(1, requested / allocatable));
    }
    const std = fractions.length === 2 ? Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2) : 0;
    return Math.trunc((1 - std) * MAX_NODE_SCORE);
  },
} satisfies ScorePlugin;
