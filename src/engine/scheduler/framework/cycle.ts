/**
 * One scheduling cycle's algorithm (schedule_one.go's schedulePod): PreFilter, then Filter over the
 * nodes starting at the round-robin index until enough feasible nodes are found
 * (percentageOfNodesToScore), then PreScore/Score/NormalizeScore with the profile's weights, and the
 * highest total wins, ties broken by reservoir sampling (selectHost) over the seeded random source.
 */
import type { KubeObject } from '../../api/meta';
import type { Random } from '../../clock';
import type { NodeInfo } from './node-info';
import type { Profile } from './profile';
import { runFilterPlugins, runFilterPluginsWithNominatedPods, type FilterContext } from './run-filters';
import { Code, CycleState, isSuccess, type FilterPlugin, type NodeScore, type Status } from './types';

/** The adaptive percentage's floor and the smallest number of feasible nodes looked for. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * numFeasibleNodesToFind with percentageOfNodesToScore unset (0 = adaptive): every node below 100
 * nodes; else 50% − nodes/125 (at least 5%) of them, but never fewer than 100.
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage <= 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

export interface CycleResult {
  state: CycleState;
  /** Set when a PreFilter plugin rejected the pod outright (its message replaces the histogram). */
  preFilterStatus?: Status;
  feasible: NodeInfo[];
  /** Per examined node that failed: the first rejecting plugin's status. */
  failures: Map<string, Status>;
  /** Nodes in the order Filter looked at them. */
  examined: string[];
  /** Set when the pod's nominated node (from an earlier preemption) fitted and was the only node tried. */
  nominatedNode?: string;
  /**
   * The score plugins that ran (were not skipped by PreScore), in profile order, each with its weight
   * and its weighted score per feasible node (same index as `feasible`); empty with fewer than two
   * feasible nodes. Typed arrays keep the "why here?" record of a cycle over hundreds of nodes small.
   */
  scores: PluginScores[];
  /** Total weighted score per feasible node (same index as `feasible`; empty when nothing was scored). */
  totals: Float64Array;
  /** Filter plugins that ran (PreFilter did not skip them), in profile order (preemption's dry run reuses them). */
  filters: readonly FilterPlugin[];
  chosen?: NodeInfo;
}

export interface PluginScores {
  plugin: string;
  weight: number;
  weighted: Float64Array;
}

const NO_TOTALS = new Float64Array(0);

export class SchedulingAlgorithm {
  /** Where the next cycle's Filter starts (nextStartNodeIndex). */
  private nextStartNodeIndex = 0;

  constructor(
    private readonly profile: Profile,
    private readonly random: Random,
    private readonly percentageOfNodesToScore = 0,
  ) {}

  /** `nominatedPods`: the nominator's view (pods nominated to a node count on it when they matter). */
  run(pod: KubeObject, nodes: readonly NodeInfo[], nominatedPods?: (nodeName: string) => readonly KubeObject[]): CycleResult {
    const state = new CycleState();
    const result: CycleResult = { state, feasible: [], failures: new Map(), examined: [], scores: [], totals: NO_TOTALS, filters: this.profile.filter };
    const skipped = new Set<string>();
    for (const plugin of this.profile.preFilter) {
      const status = plugin.preFilter(state, pod, nodes);
      if (status.code === Code.Skip) skipped.add(plugin.name);
      else if (!isSuccess(status)) {
        result.preFilterStatus = { ...status, plugin: plugin.name };
        for (const node of nodes) result.failures.set(node.name, result.preFilterStatus);
        return result;
      }
    }
    const filters = this.profile.filter.filter((p) => !skipped.has(p.name));
    result.filters = filters;
    const ctx: FilterContext = { pod, state, filters, nodes, ...(nominatedPods ? { nominatedPods } : {}) };
    const filterNode = (node: NodeInfo): boolean => {
      result.examined.push(node.name);
      const s = nominatedPods ? runFilterPluginsWithNominatedPods(ctx, node) : runFilterPlugins(ctx, node, false);
      if (!isSuccess(s)) {
        result.failures.set(node.name, s);
        return false;
      }
      result.feasible.push(node);
      return true;
    };
    // A pod that preempted for a node tries that node first (evaluateNominatedNode).
    const nominated = typeof (pod.status as Record<string, unknown> | undefined)?.nominatedNodeName === 'string' ? String((pod.status as Record<string, unknown>).nominatedNodeName) : '';
    const nominatedNode = nominated ? nodes.find((n) => n.name === nominated) : undefined;
    if (nominatedNode && filterNode(nominatedNode)) result.nominatedNode = nominatedNode.name;
    else {
      result.examined.length = 0;
      result.failures.clear();
      const toFind = numFeasibleNodesToFind(nodes.length, this.percentageOfNodesToScore);
      const start = nodes.length ? this.nextStartNodeIndex % nodes.length : 0;
      let processed = 0;
      for (let i = 0; i < nodes.length && result.feasible.length < toFind; i++) {
        filterNode(nodes[(start + i) % nodes.length] as NodeInfo);
        processed++;
      }
      if (nodes.length) this.nextStartNodeIndex = (start + processed) % nodes.length;
    }
    if (result.feasible.length === 0) return result;
    result.chosen = result.feasible.length === 1 ? result.feasible[0] : this.prioritize(state, pod, result);
    return result;
  }

  private prioritize(state: CycleState, pod: KubeObject, result: CycleResult): NodeInfo {
    const feasible = result.feasible;
    const totals = new Float64Array(feasible.length);
    // One score list reused by every plugin (normalizers rewrite it in place).
    const scores: NodeScore[] = feasible.map((n) => ({ name: n.name, score: 0 }));
    for (const { plugin, weight } of this.profile.score) {
      if (plugin.preScore && plugin.preScore(state, pod, feasible).code === Code.Skip) continue;
      for (let i = 0; i < feasible.length; i++) (scores[i] as NodeScore).score = plugin.score(state, pod, feasible[i] as NodeInfo);
      plugin.normalizeScores?.(state, pod, scores);
      const weighted = new Float64Array(feasible.length);
      for (let i = 0; i < scores.length; i++) {
        weighted[i] = (scores[i] as NodeScore).score * weight;
        totals[i] = (totals[i] ?? 0) + (weighted[i] ?? 0);
      }
      result.scores.push({ plugin: plugin.name, weight, weighted });
    }
    result.totals = totals;
    let best = feasible[0] as NodeInfo;
    let bestScore = -1;
    let ties = 0;
    for (let i = 0; i < feasible.length; i++) {
      const node = feasible[i] as NodeInfo;
      const score = totals[i] ?? 0;
      if (score > bestScore) {
        best = node;
        bestScore = score;
        ties = 1;
      } else if (score === bestScore) {
        ties++;
        if (this.random.intBelow(ties) === 0) best = node;
      }
    }
    return best;
  }
}
