import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { formatRfc3339 } from '../../api/time';
import { createRandom } from '../../clock';
import type { NodeInfo } from '../framework/node-info';
import { CycleState, unschedulable, type Status } from '../framework/types';
import { listers, node, place, pod } from '../testing/fixtures';
import { podTopologySpread } from './pod-topology-spread';
import { nodeResourcesFit } from './node-resources-fit';
import {
  NOT_ELIGIBLE_NEVER,
  NOT_ELIGIBLE_TERMINATING,
  PickCriterion,
  numCandidates,
  pickOneNodeForPreemption,
  podEligibleToPreemptOthers,
  preempt,
  selectVictimsOnNode,
  splitByPDBViolation,
  type Candidate,
  type PreemptionInput,
} from './default-preemption';

const NOW_MS = 1_000_000_000;

/** A pod with a priority, a CPU request, optional labels and a start time (seconds before NOW). */
function prio(name: string, priority: number, cpu: string, options: { labels?: Record<string, string>; startedSecondsAgo?: number; spec?: Record<string, unknown> } = {}): KubeObject {
  const p = pod(name, options.labels ?? {}, { priority, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }], ...options.spec });
  return options.startedSecondsAgo === undefined ? p : { ...p, status: { startTime: formatRfc3339(NOW_MS - options.startedSecondsAgo * 1000) } };
}

function input(preemptor: KubeObject, nodes: NodeInfo[], extra: Partial<PreemptionInput> = {}): PreemptionInput {
  const failures = new Map<string, Status>(nodes.map((n) => [n.name, unschedulable('Insufficient cpu')]));
  return { pod: preemptor, nodes, failures, state: new CycleState(), filters: [nodeResourcesFit], pdbs: [], random: createRandom(1), nowMs: NOW_MS, ...extra };
}

function pdb(name: string, matchLabels: Record<string, string>, disruptionsAllowed: number, disruptedPods: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels } }, status: { disruptionsAllowed, disruptedPods } };
}

const names = (pods: readonly KubeObject[]) => pods.map((p) => p.metadata.name);

function victimsOf(result: ReturnType<typeof selectVictimsOnNode>): { names: unknown[]; numPDBViolations: number } {
  if (!('victims' in result)) throw new Error(`no victims: ${result.status.reasons.join(', ')}`);
  return { names: names(result.victims.pods), numPDBViolations: result.victims.numPDBViolations };
}

function candidate(nodeName: string, victims: KubeObject[], numPDBViolations = 0): Candidate {
  return { nodeName, victims: { pods: victims, numPDBViolations } };
}

describe('pickOneNodeForPreemption', () => {
  it('prefers the node with fewer PDB violations, whatever its victims', () => {
    const picked = pickOneNodeForPreemption([candidate('a', [prio('x', 1, '1')], 1), candidate('b', [prio('y', 900, '1'), prio('z', 900, '1')], 0)], NOW_MS);
    expect(picked).toMatchObject({ chosen: { nodeName: 'b' }, criterion: PickCriterion.PDBViolations });
  });

  it('then the node whose most important victim has the lowest priority', () => {
    const picked = pickOneNodeForPreemption([candidate('a', [prio('x', 100, '1')]), candidate('b', [prio('y', 50, '1'), prio('z', 50, '1'), prio('w', 50, '1')])], NOW_MS);
    expect(picked).toMatchObject({ chosen: { nodeName: 'b' }, criterion: PickCriterion.HighestPriority });
  });

  it('then the smallest sum of priorities, each shifted by 2^31 so negative priorities do not reward more victims', () => {
    const positive = pickOneNodeForPreemption([candidate('a', [prio('x', 10, '1'), prio('y', 10, '1')]), candidate('b', [prio('z', 10, '1'), prio('w', 5, '1')])], NOW_MS);
    expect(positive).toMatchObject({ chosen: { nodeName: 'b' }, criterion: PickCriterion.SumPriorities });
    // Unshifted, -10 < -5 would pick a; shifted, two victims always weigh more than one.
    const negative = pickOneNodeForPreemption([candidate('a', [prio('x', -5, '1'), prio('y', -5, '1')]), candidate('b', [prio('z', -5, '1')])], NOW_MS);
    expect(negative).toMatchObject({ chosen: { nodeName: 'b' }, criterion: PickCriterion.SumPriorities });
  });

  it('then the fewest victims (equal shifted sums)', () => {
    // 0 + 2^31 + (-2^31 + 2^31) equals 0 + 2^31: the sums tie, so the count decides.
    const picked = pickOneNodeForPreemption([candidate('a', [prio('x', 0, '1'), prio('y', -2147483648, '1')]), candidate('b', [prio('z', 0, '1')])], NOW_MS);
    expect(picked).toMatchObject({ chosen: { nodeName: 'b' }, criterion: PickCriterion.NumVictims });
  });

  it('then the latest start among each node’s highest-priority victims', () => {
    const a = candidate('a', [prio('x', 7, '1', { startedSecondsAgo: 300 }), prio('y', 3, '1', { startedSecondsAgo: 1 })]);
    const b = candidate('b', [prio('z', 7, '1', { startedSecondsAgo: 100 }), prio('w', 3, '1', { startedSecondsAgo: 900 })]);
    expect(pickOneNodeForPreemption([a, b], NOW_MS)).toMatchObject({ chosen: { nodeName: 'b' }, criterion: PickCriterion.LatestStart });
  });

  it('then the first candidate, and a single candidate needs no criterion', () => {
    const same = () => [prio('x', 1, '1', { startedSecondsAgo: 5 })];
    expect(pickOneNodeForPreemption([candidate('b', same()), candidate('a', same())], NOW_MS)).toMatchObject({ chosen: { nodeName: 'b' }, criterion: PickCriterion.First });
    expect(pickOneNodeForPreemption([candidate('a', same())], NOW_MS)).toMatchObject({ chosen: { nodeName: 'a' }, criterion: PickCriterion.Only });
    expect(pickOneNodeForPreemption([], NOW_MS)).toBeUndefined();
  });
});

describe('selectVictimsOnNode', () => {
  it('reprieves the most important pods first: higher priority, then the earlier start', () => {
    const n = node('w');
    place(n, prio('new', 5, '1', { startedSecondsAgo: 10 }));
    place(n, prio('hi', 10, '2', { startedSecondsAgo: 1 }));
    place(n, prio('old', 5, '1', { startedSecondsAgo: 600 }));
    place(n, prio('peer', 100, '0'));
    const result = selectVictimsOnNode(input(prio('preemptor', 100, '1'), [n]), n);
    expect(victimsOf(result)).toEqual({ names: ['new'], numPDBViolations: 0 });
    // The dry run works on a copy: the node keeps its pods.
    expect(n.pods).toHaveLength(4);
  });

  it('only pods of lower priority are victims', () => {
    const n = node('w');
    place(n, prio('same', 100, '4'));
    expect(selectVictimsOnNode(input(prio('preemptor', 100, '1'), [n]), n)).toMatchObject({ status: { code: 'UnschedulableAndUnresolvable', reasons: ['No preemption victims found for incoming pod'] } });
  });

  it('fails with the filter’s reasons when the pod does not fit even without every victim', () => {
    const n = node('w');
    place(n, prio('big', 1000, '3'));
    place(n, prio('low', 0, '1'));
    expect(selectVictimsOnNode(input(prio('preemptor', 100, '2'), [n]), n)).toMatchObject({ status: { code: 'Unschedulable', reasons: ['Insufficient cpu'] } });
  });

  it('reprieves pods whose eviction would break a PodDisruptionBudget before the others', () => {
    const n = node('w');
    place(n, prio('guarded', 5, '2', { labels: { app: 'db' } }));
    place(n, prio('free', 10, '2'));
    const preemptor = prio('preemptor', 100, '2');
    expect(victimsOf(selectVictimsOnNode(input(preemptor, [n]), n)).names).toEqual(['guarded']);
    const guarded = selectVictimsOnNode(input(preemptor, [n], { pdbs: [pdb('db', { app: 'db' }, 0)] }), n);
    expect(victimsOf(guarded)).toEqual({ names: ['free'], numPDBViolations: 0 });
  });

  it('counts the victims that break a budget, spending disruptionsAllowed pod by pod', () => {
    const n = node('w');
    place(n, prio('db-1', 5, '2', { labels: { app: 'db' }, startedSecondsAgo: 100 }));
    place(n, prio('db-2', 5, '2', { labels: { app: 'db' }, startedSecondsAgo: 50 }));
    const preemptor = prio('preemptor', 100, '4');
    expect(victimsOf(selectVictimsOnNode(input(preemptor, [n], { pdbs: [pdb('db', { app: 'db' }, 1)] }), n))).toEqual({ names: ['db-1', 'db-2'], numPDBViolations: 1 });
    expect(victimsOf(selectVictimsOnNode(input(preemptor, [n], { pdbs: [pdb('db', { app: 'db' }, 2)] }), n)).numPDBViolations).toBe(0);
  });
});

describe('selectVictimsOnNode with topology spread', () => {
  it('recounts the spread without the removed victims (as PreFilterExtensions RemovePod/AddPod do)', () => {
    const w1 = node('w1');
    const w2 = node('w2');
    place(w1, prio('web-1', 0, '2', { labels: { app: 'web' } }));
    place(w1, prio('web-2', 0, '2', { labels: { app: 'web' } }));
    const spread = podTopologySpread(listers([w1, w2]));
    const preemptor = prio('p', 100, '1', { labels: { app: 'web' }, spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] } });
    const state = new CycleState();
    nodeResourcesFit.preFilter(state, preemptor);
    expect(spread.preFilter(state, preemptor, [w1, w2]).code).toBe('Success');
    expect(spread.filter(state, preemptor, w1).code).toBe('Unschedulable');
    const result = selectVictimsOnNode(input(preemptor, [w1, w2], { state, filters: [nodeResourcesFit, spread] }), w1);
    // With web-1 back, w1 would hold 2 web pods against w2's 0: skew 2 > 1, so both go.
    expect(victimsOf(result).names).toEqual(['web-1', 'web-2']);
  });
});

describe('splitByPDBViolation', () => {
  it('skips pods already in disruptedPods, other namespaces, unlabeled pods and empty selectors', () => {
    const a = prio('a', 0, '1', { labels: { app: 'db' } });
    const b = prio('b', 0, '1', { labels: { app: 'db' } });
    const other = { ...prio('c', 0, '1', { labels: { app: 'db' } }), metadata: { ...prio('c', 0, '1').metadata, namespace: 'other', labels: { app: 'db' } } };
    const unlabeled = prio('d', 0, '1');
    const budgets = [pdb('db', { app: 'db' }, 0, { a: '2025-01-01T00:00:00Z' }), pdb('all', {}, 0)];
    const { violating, nonViolating } = splitByPDBViolation([a, b, other, unlabeled], budgets);
    expect(names(violating)).toEqual(['b']);
    expect(names(nonViolating)).toEqual(['a', 'c', 'd']);
  });
});

describe('PodEligibleToPreemptOthers', () => {
  it('refuses preemptionPolicy Never', () => {
    const n = node('w');
    place(n, prio('low', 0, '4'));
    const never = prio('never', 100, '1', { spec: { preemptionPolicy: 'Never' } });
    expect(preempt(input(never, [n]))).toEqual({ outcome: 'ineligible', message: NOT_ELIGIBLE_NEVER });
  });

  it('waits while a victim on its nominated node is still terminating, unless that node can no longer help', () => {
    const n = node('w');
    const victim = place(n, prio('victim', 0, '4'));
    const terminating = { ...victim, metadata: { ...victim.metadata, deletionTimestamp: formatRfc3339(NOW_MS) }, status: { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: 'default-scheduler: preempting to accommodate a higher priority pod' }] } };
    n.addPod(terminating);
    const preemptor = { ...prio('preemptor', 100, '1'), status: { nominatedNodeName: 'w' } };
    const failures = new Map<string, Status>([['w', unschedulable('Insufficient cpu')]]);
    expect(podEligibleToPreemptOthers(preemptor, [n], failures)).toEqual({ eligible: false, message: NOT_ELIGIBLE_TERMINATING });
    expect(preempt(input(preemptor, [n]))).toEqual({ outcome: 'ineligible', message: NOT_ELIGIBLE_TERMINATING });
    // The same pod deleted for another reason (no PreemptionByScheduler condition) does not hold it back.
    n.addPod({ ...terminating, status: {} });
    expect(podEligibleToPreemptOthers(preemptor, [n], failures)).toEqual({ eligible: true });
    n.addPod(terminating);
    expect(podEligibleToPreemptOthers(preemptor, [n], new Map([['w', unschedulable('taint', false)]]))).toEqual({ eligible: true });
  });
});

describe('preempt', () => {
  it('dry-runs only nodes whose rejection preemption may resolve and reports the rest as not helpful', () => {
    const cp = node('cp');
    const w1 = node('w1');
    const w2 = node('w2');
    place(w1, prio('peer', 0, '4'));
    place(w2, prio('big', 0, '1'));
    const failures = new Map<string, Status>([
      ['cp', unschedulable('node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }', false)],
      ['w1', unschedulable('Insufficient cpu')],
      ['w2', unschedulable('Insufficient cpu')],
    ]);
    const result = preempt(input(prio('p', 0, '4'), [cp, w1, w2], { failures }));
    expect(result).toMatchObject({ outcome: 'no-candidates', message: '0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.' });
  });

  it('counts pods already nominated to a node (with at least the pod’s priority) as being there', () => {
    const w1 = node('w1');
    const w2 = node('w2');
    place(w1, prio('db', 0, '4'));
    place(w2, prio('batch', 0, '4'));
    const waiting = { ...prio('first', 1000, '4'), status: { nominatedNodeName: 'w2' } };
    const lowerWaiting = { ...prio('lower', 1, '4'), status: { nominatedNodeName: 'w1' } };
    const nominatedPods = (nodeName: string) => [waiting, lowerWaiting].filter((p) => p.status.nominatedNodeName === nodeName);
    const result = preempt(input(prio('second', 1000, '2'), [w1, w2], { nominatedPods }));
    if (result.outcome !== 'preempt') throw new Error(result.outcome);
    expect(result.candidates.map((c) => c.nodeName)).toEqual(['w1']);
    expect(result.nodeStatuses.get('w2')).toMatchObject({ reasons: ['Insufficient cpu'] });
  });

  it('puts candidates without PDB violations first and picks among them', () => {
    const w1 = node('w1');
    const w2 = node('w2');
    place(w1, prio('db', 0, '4', { labels: { app: 'db' } }));
    place(w2, prio('web', 500, '4'));
    const result = preempt(input(prio('p', 1000, '2'), [w1, w2], { pdbs: [pdb('db', { app: 'db' }, 0)] }));
    if (result.outcome !== 'preempt') throw new Error(result.outcome);
    expect(result.candidates.map((c) => [c.nodeName, c.victims.numPDBViolations])).toEqual([
      ['w2', 0],
      ['w1', 1],
    ]);
    expect(result).toMatchObject({ chosen: { nodeName: 'w2' }, criterion: PickCriterion.PDBViolations });
  });

  it('starts the dry run at a random offset drawn from the seeded source', () => {
    const nodes = ['a', 'b', 'c', 'd'].map((name) => {
      const n = node(name);
      place(n, prio(`v-${name}`, 0, '4', { startedSecondsAgo: 10 }));
      return n;
    });
    const firsts = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const result = preempt(input(prio('p', 1, '1'), nodes, { random: createRandom(seed) }));
      if (result.outcome !== 'preempt') throw new Error(result.outcome);
      expect(result.candidates).toHaveLength(4);
      // Every criterion ties, so the first candidate — the offset's node — wins.
      expect(result.chosen.nodeName).toBe(result.candidates[0]?.nodeName);
      firsts.add(result.chosen.nodeName);
    }
    expect(firsts.size).toBeGreaterThan(1);
  });

  it('samples 10% of the potential nodes, at least 100, never more than there are', () => {
    expect([numCandidates(3), numCandidates(100), numCandidates(500), numCandidates(5000)]).toEqual([3, 100, 100, 500]);
  });
});
