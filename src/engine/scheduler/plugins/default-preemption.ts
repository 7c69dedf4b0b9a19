/**
 * DefaultPreemption, the PostFilter of kube-scheduler v1.34 (defaultpreemption and the preemption
 * Evaluator): when no node fits, find nodes where evicting lower-priority pods would let the pod
 * in, pick the one where that hurts least, and nominate it. This module decides (pure: no API
 * calls); prepareCandidate in ./preemption-executor carries the decision out.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import type { Random } from '../../clock';
import { histogram } from '../framework/fit-error';
import type { NodeInfo } from '../framework/node-info';
import { earliestStartOfHighestPriority, podPriority, sortByImportance } from '../framework/pod-priority';
import { runFilterPluginsWithNominatedPods, type FilterContext } from '../framework/run-filters';
import { Code, isSuccess, unschedulable, type Status } from '../framework/types';

/** DefaultPreemptionArgs defaults: dry-run at least 10% of the potential nodes, and at least 100. */
export const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
export const MIN_CANDIDATE_NODES_ABSOLUTE = 100;

export const NOT_ELIGIBLE_NEVER = 'not eligible due to preemptionPolicy=Never.';
export const NOT_ELIGIBLE_TERMINATING = 'not eligible due to a terminating pod on the nominated node.';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';

/** Pods to evict on one node, most important first, and how many of them break a PodDisruptionBudget. */
export interface Victims {
  pods: KubeObject[];
  numPDBViolations: number;
}

export interface Candidate {
  nodeName: string;
  victims: Victims;
}

/** Which pickOneNodeForPreemption criterion settled the choice (for the lab's explanation). */
export const PickCriterion = {
  Only: 'the only candidate',
  PDBViolations: 'fewest PodDisruptionBudget violations',
  HighestPriority: 'lowest highest victim priority',
  SumPriorities: 'smallest sum of victim priorities',
  NumVictims: 'fewest victims',
  LatestStart: 'latest start time of its highest-priority victims',
  First: 'first candidate (all criteria tied)',
} as const;
export type PickCriterionName = (typeof PickCriterion)[keyof typeof PickCriterion];

export interface PreemptionInput extends FilterContext {
  /** Filter's verdict per node from the failed cycle (NodeToStatus). */
  failures: ReadonlyMap<string, Status>;
  pdbs: readonly KubeObject[];
  random: Random;
  nowMs: number;
}

export type PreemptionResult =
  /** The pod may not preempt now; its nomination stays as it is. */
  | { outcome: 'ineligible'; message: string }
  /** No node would help: `message` is the FitError over all nodes; the pod's nomination is cleared. */
  | { outcome: 'no-candidates'; message: string; nodeStatuses: Map<string, Status> }
  | { outcome: 'preempt'; candidates: Candidate[]; chosen: Candidate; criterion: PickCriterionName; nodeStatuses: Map<string, Status> };

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** The pod is being deleted because the scheduler preempted it (DisruptionTarget, PreemptionByScheduler). */
export function podTerminatingByPreemption(pod: KubeObject): boolean {
  if (!pod.metadata.deletionTimestamp) return false;
  const conditions = Array.isArray(rec(pod.status).conditions) ? (rec(pod.status).conditions as unknown[]).filter(isRecord) : [];
  const target = conditions.find((c) => c.type === 'DisruptionTarget');
  return target !== undefined && target.status === 'True' && target.reason === 'PreemptionByScheduler';
}

/**
 * PodEligibleToPreemptOthers: never with preemptionPolicy Never; and a pod that already preempted
 * waits while a lower-priority victim on its nominated node is still terminating — unless that node
 * no longer fits it at all (then it may preempt elsewhere).
 */
export function podEligibleToPreemptOthers(pod: KubeObject, nodes: readonly NodeInfo[], failures: ReadonlyMap<string, Status>): { eligible: true } | { eligible: false; message: string } {
  if (rec(pod.spec).preemptionPolicy === 'Never') return { eligible: false, message: NOT_ELIGIBLE_NEVER };
  const nominated = text(rec(pod.status).nominatedNodeName);
  if (!nominated) return { eligible: true };
  if (failures.get(nominated)?.code === Code.UnschedulableAndUnresolvable) return { eligible: true };
  const info = nodes.find((n) => n.name === nominated);
  const priority = podPriority(pod);
  if (info?.pods.some((p) => podPriority(p) < priority && podTerminatingByPreemption(p))) return { eligible: false, message: NOT_ELIGIBLE_TERMINATING };
  return { eligible: true };
}

/** calculateNumCandidates: 10% of the potential nodes, at least 100, at most all of them. */
export function numCandidates(numNodes: number): number {
  let n = Math.trunc((numNodes * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
  if (n < MIN_CANDIDATE_NODES_ABSOLUTE) n = MIN_CANDIDATE_NODES_ABSOLUTE;
  return Math.min(n, numNodes);
}

/**
 * filterPodsWithPDBViolation: walks the pods in order, spending each matching budget's
 * disruptionsAllowed; a pod that takes some budget below zero violates it. Pods the API server
 * already counted (status.disruptedPods) spend nothing. The order within each group is kept.
 */
export function splitByPDBViolation(pods: readonly KubeObject[], pdbs: readonly KubeObject[]): { violating: KubeObject[]; nonViolating: KubeObject[] } {
  const allowed = pdbs.map((pdb) => {
    const n = rec(pdb.status).disruptionsAllowed;
    return typeof n === 'number' ? n : 0;
  });
  const violating: KubeObject[] = [];
  const nonViolating: KubeObject[] = [];
  for (const pod of pods) {
    let violated = false;
    const labels = pod.metadata.labels ?? {};
    if (Object.keys(labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (pdb.metadata.namespace !== pod.metadata.namespace) return;
        const selector = rec(pdb.spec).selector;
        // A missing or empty selector matches no pod here.
        if (!isRecord(selector)) return;
        const requirements = fromLabelSelector(selector);
        if (requirements.length === 0 || !matches(requirements, labels)) return;
        if (Object.hasOwn(rec(rec(pdb.status).disruptedPods), text(pod.metadata.name))) return;
        allowed[i] = (allowed[i] ?? 0) - 1;
        if ((allowed[i] ?? 0) < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}

/**
 * SelectVictimsOnNode, on a copy of the node: take away every lower-priority pod; if the pod then
 * fits, give them back one at a time — first those whose eviction would break a budget, then the
 * rest, each group from the most important — keeping back only those without which it still fits.
 */
export function selectVictimsOnNode(input: PreemptionInput, node: NodeInfo): { victims: Victims } | { status: Status } {
  const info = node.withNode(node.node);
  const priority = podPriority(input.pod);
  const potential = info.pods.filter((p) => podPriority(p) < priority);
  for (const p of potential) info.removePod(p);
  if (potential.length === 0) return { status: unschedulable(NO_VICTIMS, false) };
  const fits = runFilterPluginsWithNominatedPods(input, info, true);
  if (!isSuccess(fits)) return { status: fits };
  sortByImportance(potential, input.nowMs);
  const { violating, nonViolating } = splitByPDBViolation(potential, input.pdbs);
  const victims: KubeObject[] = [];
  const reprieve = (p: KubeObject): boolean => {
    info.addPod(p);
    if (isSuccess(runFilterPluginsWithNominatedPods(input, info, true))) return true;
    info.removePod(p);
    victims.push(p);
    return false;
  };
  let numPDBViolations = 0;
  for (const p of violating) if (!reprieve(p)) numPDBViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length && nonViolating.length) sortByImportance(victims, input.nowMs);
  return { victims: { pods: victims, numPDBViolations } };
}

/**
 * DryRunPreemption over the potential nodes from `offset`, round the list, until enough candidates
 * (at least one without budget violations) are found. Candidates without violations come first.
 */
export function dryRunPreemption(input: PreemptionInput, potential: readonly NodeInfo[], offset: number, wanted: number): { candidates: Candidate[]; nodeStatuses: Map<string, Status> } {
  const nonViolating: Candidate[] = [];
  const violating: Candidate[] = [];
  const nodeStatuses = new Map<string, Status>();
  for (let i = 0; i < potential.length; i++) {
    const node = potential[(offset + i) % potential.length] as NodeInfo;
    const result = selectVictimsOnNode(input, node);
    if ('status' in result) {
      nodeStatuses.set(node.name, result.status);
      continue;
    }
    const list = result.victims.numPDBViolations === 0 ? nonViolating : violating;
    if (list.length < wanted) list.push({ nodeName: node.name, victims: result.victims });
    if (nonViolating.length > 0 && nonViolating.length + violating.length >= wanted) break;
  }
  return { candidates: [...nonViolating, ...violating], nodeStatuses };
}

/**
 * pickOneNodeForPreemption: each criterion in turn keeps the best-scoring candidates; the first
 * that leaves one decides, and if none does the first remaining candidate wins.
 */
export function pickOneNodeForPreemption(candidates: readonly Candidate[], nowMs: number): { chosen: Candidate; criterion: PickCriterionName } | undefined {
  if (candidates.length === 0) return undefined;
  if (candidates.length === 1) return { chosen: candidates[0] as Candidate, criterion: PickCriterion.Only };
  // Priorities are int32: shifting each by 2^31 makes them all non-negative, so more victims never sum lower.
  const PRIORITY_OFFSET = 2 ** 31;
  const criteria: [PickCriterionName, (c: Candidate) => number][] = [
    [PickCriterion.PDBViolations, (c) => -c.victims.numPDBViolations],
    [PickCriterion.HighestPriority, (c) => -podPriority(c.victims.pods[0] as KubeObject)],
    [PickCriterion.SumPriorities, (c) => -c.victims.pods.reduce((sum, p) => sum + podPriority(p) + PRIORITY_OFFSET, 0)],
    [PickCriterion.NumVictims, (c) => -c.victims.pods.length],
    [PickCriterion.LatestStart, (c) => earliestStartOfHighestPriority(c.victims.pods, nowMs) ?? Number.MIN_SAFE_INTEGER],
  ];
  let remaining = [...candidates];
  for (const [criterion, score] of criteria) {
    let best = -Infinity;
    let kept: Candidate[] = [];
    for (const c of remaining) {
      const s = score(c);
      if (s > best) {
        best = s;
        kept = [];
      }
      if (s === best) kept.push(c);
    }
    if (kept.length === 1) return { chosen: kept[0] as Candidate, criterion };
    remaining = kept;
  }
  return { chosen: remaining[0] as Candidate, criterion: PickCriterion.First };
}

/** Evaluator.Preempt without its API calls: eligibility, candidates, and the chosen one. */
export function preempt(input: PreemptionInput): PreemptionResult {
  const eligible = podEligibleToPreemptOthers(input.pod, input.nodes, input.failures);
  if (!eligible.eligible) return { outcome: 'ineligible', message: eligible.message };
  // Nodes rejected as unresolvable (or not examined) cannot be helped by evicting pods.
  const potential = input.nodes.filter((n) => input.failures.get(n.name)?.code === Code.Unschedulable);
  let candidates: Candidate[] = [];
  let nodeStatuses = new Map<string, Status>();
  if (potential.length > 0) {
    const offset = input.random.intBelow(potential.length);
    ({ candidates, nodeStatuses } = dryRunPreemption(input, potential, offset, numCandidates(potential.length)));
  }
  const picked = pickOneNodeForPreemption(candidates, input.nowMs);
  if (!picked) {
    const reasons = new Map<string, readonly string[]>();
    for (const node of input.nodes) reasons.set(node.name, nodeStatuses.get(node.name)?.reasons ?? [NOT_HELPFUL]);
    return { outcome: 'no-candidates', message: `0/${input.nodes.length} nodes are available: ${histogram(reasons)}.`, nodeStatuses };
  }
  return { outcome: 'preempt', candidates, chosen: picked.chosen, criterion: picked.criterion, nodeStatuses };
}
