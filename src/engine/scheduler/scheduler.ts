/**
 * kube-scheduler: watches pods that need a node and the nodes, and for each pod runs one
 * scheduling cycle — filter every node, score the feasible ones, pick the best (ties broken by
 * the seeded random source), bind through the API — or records why no node fits.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { formatRfc3339 } from '../api/time';
import type { Random, SimLoop } from '../clock';
import { EventRecorder, Informer, type Client } from '../client';
import { fitErrorMessage, histogram } from './framework/fit-error';
import { NodeInfo } from './framework/node-info';
import { defaultProfile, type Profile } from './framework/profile';
import { CycleState, isSuccess, type NodeScore, type QueuedPod, type Status } from './framework/types';
import { insufficientResources } from './plugins/node-resources-fit';
import { podRequests } from './framework/node-info';
import { SchedulingQueue } from './queue';

/** What one cycle decided, for the lab's "why here?" view (never written into objects). */
export interface SchedulingTrace {
  pod: { namespace: string; name: string; uid: string };
  atMs: number;
  filter: Record<string, { plugin: string; reasons: readonly string[] } | 'passed'>;
  scores: Record<string, Record<string, number>>;
  totals: Record<string, number>;
  result: { nodeName: string } | { message: string };
}

export interface SchedulerOptions {
  client: Client;
  loop: SimLoop;
  random: Random;
  /** Name of the control-plane node the scheduler runs on (for reportingInstance). */
  hostNode: string;
  onTrace?: (trace: SchedulingTrace) => void;
  /**
   * Whether the DynamicResources PostFilter's "no new claims to deallocate" precedes the preemption
   * message of pods without resource claims (DRA is GA and on in v1.34).
   */
  draPostFilterMessage?: boolean;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function needsScheduling(pod: KubeObject, schedulerName: string): boolean {
  const spec = rec(pod.spec);
  const phase = rec(pod.status).phase;
  return !spec.nodeName && (text(spec.schedulerName) || 'default-scheduler') === schedulerName && !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

function priorityOf(pod: KubeObject): number {
  const p = rec(pod.spec).priority;
  return typeof p === 'number' ? p : 0;
}

export class Scheduler {
  private readonly pods: Informer;
  private readonly nodes: Informer;
  private readonly queue: SchedulingQueue;
  private readonly profile: Profile;
  private readonly events: EventRecorder;
  private readonly random: Random;
  /** Pods bound by this scheduler whose binding the informer has not shown yet. */
  private readonly assumed = new Map<string, KubeObject>();
  private scheduled = false;
  private nodeInfos: NodeInfo[] = [];

  constructor(private readonly options: SchedulerOptions) {
    const { client, loop } = options;
    this.random = options.random;
    this.profile = defaultProfile(() => this.nodeInfos);
    this.queue = new SchedulingQueue(loop, this.profile.queueSort, () => this.kick());
    this.events = new EventRecorder(client, loop, 'default-scheduler', `default-scheduler-${options.hostNode}`);
    this.pods = new Informer(client, { group: '', version: 'v1', resource: 'pods' });
    this.nodes = new Informer(client, { group: '', version: 'v1', resource: 'nodes' });
    this.pods.addHandler({
      onAdd: (pod) => this.onPod(pod),
      onUpdate: (_old, pod) => this.onPod(pod),
      onDelete: (pod) => {
        this.queue.delete(pod);
        this.assumed.delete(String(pod.metadata.uid));
        // A pod leaving frees resources: pods waiting for room may fit now.
        if (rec(pod.spec).nodeName) this.queue.moveAllToActiveOrBackoff();
      },
    });
    this.nodes.addHandler({
      onAdd: () => this.queue.moveAllToActiveOrBackoff(),
      onUpdate: () => this.queue.moveAllToActiveOrBackoff(),
    });
  }

  start(): void {
    this.nodes.start();
    this.pods.start();
  }

  stop(): void {
    this.pods.stop();
    this.nodes.stop();
  }

  private onPod(pod: KubeObject): void {
    if (rec(pod.spec).nodeName) {
      this.assumed.delete(String(pod.metadata.uid));
      this.queue.delete(pod);
      return;
    }
    if (needsScheduling(pod, this.profile.schedulerName)) this.queue.add(pod);
    else this.queue.delete(pod);
  }

  /** Schedules the next queued pod on the loop (one cycle per task, as the scheduler's single goroutine does). */
  private kick(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.options.loop.enqueue('kube-scheduler scheduleOne', () => {
      this.scheduled = false;
      const entry = this.queue.pop();
      if (!entry) return;
      this.scheduleOne(entry);
      this.kick();
    });
  }

  /** NodeInfos from the informers' view plus pods assumed on their nodes. */
  private snapshot(): NodeInfo[] {
    const infos = new Map<string, NodeInfo>();
    for (const node of this.nodes.list().sort((a, b) => (String(a.metadata.name) < String(b.metadata.name) ? -1 : 1))) infos.set(String(node.metadata.name), new NodeInfo(node));
    for (const pod of [...this.pods.list(), ...this.assumed.values()]) {
      const nodeName = text(rec(pod.spec).nodeName);
      const phase = rec(pod.status).phase;
      if (!nodeName || phase === 'Succeeded' || phase === 'Failed') continue;
      infos.get(nodeName)?.addPod(pod);
    }
    return [...infos.values()];
  }

  private scheduleOne(entry: QueuedPod): void {
    const current = this.pods.get(`${String(entry.pod.metadata.namespace)}/${String(entry.pod.metadata.name)}`);
    if (!current || current.metadata.uid !== entry.pod.metadata.uid || !needsScheduling(current, this.profile.schedulerName)) {
      this.queue.done(entry);
      return;
    }
    const pod = current;
    this.nodeInfos = this.snapshot();
    const state = new CycleState();
    for (const p of this.profile.preFilter) p.preFilter(state, pod, this.nodeInfos);
    const trace: SchedulingTrace = { pod: { namespace: text(pod.metadata.namespace), name: text(pod.metadata.name), uid: text(pod.metadata.uid) }, atMs: this.options.loop.nowMs(), filter: {}, scores: {}, totals: {}, result: { message: '' } };
    const feasible: NodeInfo[] = [];
    const failures = new Map<string, Status>();
    for (const node of this.nodeInfos) {
      let rejected: Status | undefined;
      for (const plugin of this.profile.filter) {
        const s = plugin.filter(state, pod, node);
        if (!isSuccess(s)) {
          rejected = { ...s, plugin: plugin.name };
          break;
        }
      }
      if (rejected) {
        failures.set(node.name, rejected);
        trace.filter[node.name] = { plugin: rejected.plugin ?? '', reasons: rejected.reasons };
      } else {
        feasible.push(node);
        trace.filter[node.name] = 'passed';
      }
    }
    if (feasible.length === 0) {
      this.fail(entry, pod, failures, trace);
      return;
    }
    const chosen = feasible.length === 1 ? (feasible[0] as NodeInfo) : this.pick(state, pod, feasible, trace);
    const bound = this.profile.bind.bind(pod, chosen.name, this.options.client);
    if (!isSuccess(bound)) {
      // Binding failed (e.g. the pod changed): try again after back-off.
      this.queue.markUnschedulable(entry);
      this.queue.moveAllToActiveOrBackoff();
      return;
    }
    this.assumed.set(String(pod.metadata.uid), { ...pod, spec: { ...rec(pod.spec), nodeName: chosen.name } });
    this.queue.done(entry);
    trace.result = { nodeName: chosen.name };
    this.options.onTrace?.(trace);
    this.events.record(pod, { type: 'Normal', reason: 'Scheduled', action: 'Binding', note: `Successfully assigned ${text(pod.metadata.namespace)}/${text(pod.metadata.name)} to ${chosen.name}` });
  }

  /** Scores feasible nodes, weights and sums them, and picks the highest (reservoir sampling among ties). */
  private pick(state: CycleState, pod: KubeObject, feasible: readonly NodeInfo[], trace: SchedulingTrace): NodeInfo {
    const totals = new Map<string, number>(feasible.map((n) => [n.name, 0]));
    for (const { plugin, weight } of this.profile.score) {
      const scores: NodeScore[] = feasible.map((n) => ({ name: n.name, score: plugin.score(state, pod, n) }));
      plugin.normalizeScores?.(state, pod, scores);
      for (const s of scores) {
        (trace.scores[s.name] ??= {})[plugin.name] = s.score * weight;
        totals.set(s.name, (totals.get(s.name) ?? 0) + s.score * weight);
      }
    }
    let best: NodeInfo = feasible[0] as NodeInfo;
    let bestScore = -1;
    let ties = 0;
    for (const node of feasible) {
      const score = totals.get(node.name) ?? 0;
      trace.totals[node.name] = score;
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

  private fail(entry: QueuedPod, pod: KubeObject, failures: ReadonlyMap<string, Status>, trace: SchedulingTrace): void {
    const reasonsByNode = new Map([...failures].map(([n, s]) => [n, s.reasons]));
    const preempted = this.preempt(pod, failures);
    // A successful preemption adds no PostFilter message (v1.34); the pod waits for its nominated node.
    const message = fitErrorMessage(this.nodeInfos.length, reasonsByNode, preempted ? '' : this.postFilterMessage(pod, failures));
    trace.result = { message };
    this.options.onTrace?.(trace);
    this.events.record(pod, { type: 'Warning', reason: 'FailedScheduling', action: 'Scheduling', note: message });
    this.setUnschedulableCondition(pod, message);
    this.queue.markUnschedulable(entry);
  }

  /**
   * DefaultPreemption's account when no node fits: nodes rejected as unresolvable are "not helpful";
   * others would need lower-priority victims, which default pods (all priority 0) never are.
   */
  private postFilterMessage(pod: KubeObject, failures: ReadonlyMap<string, Status>): string {
    const spec = rec(pod.spec);
    let preemption: string;
    if (spec.preemptionPolicy === 'Never') preemption = 'preemption: not eligible due to preemptionPolicy=Never.';
    else {
      const perNode = new Map<string, string[]>();
      for (const [nodeName, status] of failures) {
        if (status.code === 'UnschedulableAndUnresolvable') perNode.set(nodeName, ['Preemption is not helpful for scheduling']);
        else perNode.set(nodeName, ['No preemption victims found for incoming pod']);
      }
      preemption = `preemption: 0/${this.nodeInfos.length} nodes are available: ${histogram(perNode)}.`;
    }
    const hasClaims = Array.isArray(spec.resourceClaims) && spec.resourceClaims.length > 0;
    return (this.options.draPostFilterMessage ?? true) && !hasClaims ? `no new claims to deallocate, ${preemption}` : preemption;
  }

  /**
   * DefaultPreemption, simplified: on the first node (by name) where evicting lower-priority pods
   * (lowest first) would make room for a resources-only rejection, evict just enough of them and
   * nominate the node. Returns whether it preempted.
   */
  private preempt(pod: KubeObject, failures: ReadonlyMap<string, Status>): boolean {
    if (rec(pod.spec).preemptionPolicy === 'Never') return false;
    const priority = priorityOf(pod);
    const request = podRequests(pod);
    for (const node of this.nodeInfos) {
      const status = failures.get(node.name);
      if (!status || status.code !== 'Unschedulable' || status.plugin !== 'NodeResourcesFit') continue;
      const candidates = node.pods.filter((p) => priorityOf(p) < priority).sort((a, b) => priorityOf(a) - priorityOf(b));
      const victims: KubeObject[] = [];
      const fits = () => {
        const remaining = new NodeInfo(node.node);
        for (const p of node.pods) if (!victims.includes(p)) remaining.addPod(p);
        return insufficientResources(request, remaining).reasons.length === 0;
      };
      for (const candidate of candidates) {
        if (fits()) break;
        victims.push(candidate);
      }
      if (victims.length === 0 || !fits()) continue;
      for (const victim of victims) {
        this.events.record(victim, { type: 'Normal', reason: 'Preempted', action: 'Preempting', note: `Preempted by pod ${text(pod.metadata.uid)} on node ${node.name}` });
        this.options.client.delete({ group: '', version: 'v1', resource: 'pods', namespace: text(victim.metadata.namespace), name: text(victim.metadata.name) }, { preconditions: { uid: victim.metadata.uid } });
      }
      this.options.client.patch({ group: '', version: 'v1', resource: 'pods', namespace: text(pod.metadata.namespace), name: text(pod.metadata.name), subresource: 'status' }, 'merge', { status: { nominatedNodeName: node.name } });
      return true;
    }
    return false;
  }

  /** PodScheduled=False with the reason shown by `kubectl describe pod` and `kubectl get pod -o yaml`. */
  private setUnschedulableCondition(pod: KubeObject, message: string): void {
    const status = rec(pod.status);
    const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
    const existing = conditions.find((c) => c.type === 'PodScheduled');
    if (existing && existing.status === 'False' && existing.message === message) return;
    const condition = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: existing?.status === 'False' ? existing.lastTransitionTime : formatRfc3339(this.options.loop.nowMs()), reason: 'Unschedulable', message };
    this.options.client.patch(
      { group: '', version: 'v1', resource: 'pods', namespace: text(pod.metadata.namespace), name: text(pod.metadata.name), subresource: 'status' },
      'strategic',
      { status: { conditions: [condition] } },
    );
  }
}
