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
import { fitErrorMessage } from './framework/fit-error';
import { defaultProfile, type Profile } from './framework/profile';
import { isSuccess, type Listers, type QueuedPod, type Status } from './framework/types';
import { SchedulingAlgorithm, type CycleResult, type PluginScores } from './framework/cycle';
import { podPriority } from './framework/pod-priority';
import { preempt, type PreemptionResult } from './plugins/default-preemption';
import { AsyncPreemption, prepareCandidate, type ExecutorContext } from './plugins/preemption-executor';
import { ANNOTATION_SELECTED_NODE, delayedClaims } from './plugins/volume-binding';
import { SchedulerCache } from './cache';
import { Nominator } from './nominator';
import { SchedulingQueue } from './queue';

/** What one cycle decided, for the lab's "why here?" view (never written into objects). */
export interface SchedulingTrace {
  pod: { namespace: string; name: string; uid: string };
  atMs: number;
  /** Nodes that failed Filter, with the first rejecting plugin and its reasons (a PreFilter rejection names every node). */
  failures: ReadonlyMap<string, Status>;
  /** Nodes that passed Filter, in the order they were examined. */
  feasible: readonly string[];
  /** The plugins that scored, in profile order, with their weights and weighted scores (same index as `feasible`). */
  scores: readonly PluginScores[];
  /** Total weighted score per feasible node (same index as `feasible`; empty when nothing was scored). */
  totals: Float64Array;
  /** Nodes Filter looked at, in order (percentageOfNodesToScore may stop before all). */
  examined: readonly string[];
  numAllNodes: number;
  /** The nominated node that was tried first and fitted (then no other node is examined). */
  nominatedNode?: string;
  /** Examined nodes where pods nominated to them (of at least this pod's priority) counted as already there. */
  nominatedPods?: Record<string, { namespace: string; name: string; priority: number }[]>;
  result: { nodeName: string } | { message: string };
  /** The pod's latest preemption attempt (this cycle's, or the one that nominated its node). */
  preemption?: PreemptionTrace;
}

/** What DefaultPreemption decided for a pod, in names rather than objects. */
export interface PreemptionTrace {
  atMs: number;
  outcome: PreemptionResult['outcome'];
  /** Why the pod may not preempt, or the account of why no node would help. */
  message?: string;
  /** Nodes where evicting the victims (most important first) lets the pod fit, in dry-run order. */
  candidates: { nodeName: string; victims: { namespace: string; name: string; priority: number }[]; numPDBViolations: number }[];
  /** Nodes dry-run without becoming candidates, with their reasons. */
  rejected: Record<string, readonly string[]>;
  chosen?: { nodeName: string; criterion: string };
}

function preemptionTrace(result: PreemptionResult, atMs: number): PreemptionTrace {
  if (result.outcome === 'ineligible') return { atMs, outcome: result.outcome, message: result.message, candidates: [], rejected: {} };
  const rejected: Record<string, readonly string[]> = {};
  for (const [nodeName, status] of result.nodeStatuses) rejected[nodeName] = status.reasons;
  if (result.outcome === 'no-candidates') return { atMs, outcome: result.outcome, message: result.message, candidates: [], rejected };
  const candidates = result.candidates.map((c) => ({
    nodeName: c.nodeName,
    victims: c.victims.pods.map((p) => ({ namespace: text(p.metadata.namespace), name: text(p.metadata.name), priority: podPriority(p) })),
    numPDBViolations: c.victims.numPDBViolations,
  }));
  return { atMs, outcome: result.outcome, candidates, rejected, chosen: { nodeName: result.chosen.nodeName, criterion: result.criterion } };
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
  /** percentageOfNodesToScore; 0 (the default) is adaptive. */
  percentageOfNodesToScore?: number;
  /** The SchedulerAsyncPreemption feature gate (beta, on by default in v1.34). */
  asyncPreemption?: boolean;
}

const core = (resource: string) => ({ group: '', version: 'v1', resource });

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function needsScheduling(pod: KubeObject, schedulerName: string): boolean {
  const spec = rec(pod.spec);
  const phase = rec(pod.status).phase;
  return !spec.nodeName && (text(spec.schedulerName) || 'default-scheduler') === schedulerName && !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

export class Scheduler {
  private readonly pods: Informer;
  private readonly nodes: Informer;
  private readonly informers: Record<string, Informer>;
  private readonly queue: SchedulingQueue;
  private readonly profile: Profile;
  private readonly algorithm: SchedulingAlgorithm;
  private readonly events: EventRecorder;
  private readonly cache = new SchedulerCache();
  private readonly nominator = new Nominator();
  private readonly asyncPreemption: AsyncPreemption;
  /** Pods bound (or waiting in PreBind) by this scheduler whose binding the informer has not shown yet. */
  private readonly assumed = new Map<string, KubeObject>();
  /** Pods whose WaitForFirstConsumer claims are being provisioned: uid → chosen node (PreBind waits). */
  private readonly waitingOnVolumes = new Map<string, { entry: QueuedPod; nodeName: string; claims: string[] }>();
  private scheduled = false;
  /** Each pod's last preemption decision (kept until the pod goes), for the explanation. */
  private readonly preemptions = new Map<string, PreemptionTrace>();
  /** Candidate sampling's random offset has its own stream, so preemption never shifts selectHost's draws. */
  private readonly preemptionRandom: Random;

  constructor(private readonly options: SchedulerOptions) {
    const { client, loop } = options;
    this.preemptionRandom = options.random.fork('preemption');
    const informer = (group: string, version: string, resource: string) => new Informer(client, { group, version, resource });
    this.informers = {
      namespaces: informer('', 'v1', 'namespaces'),
      services: informer('', 'v1', 'services'),
      replicationcontrollers: informer('', 'v1', 'replicationcontrollers'),
      replicasets: informer('apps', 'v1', 'replicasets'),
      statefulsets: informer('apps', 'v1', 'statefulsets'),
      persistentvolumeclaims: informer('', 'v1', 'persistentvolumeclaims'),
      persistentvolumes: informer('', 'v1', 'persistentvolumes'),
      storageclasses: informer('storage.k8s.io', 'v1', 'storageclasses'),
      poddisruptionbudgets: informer('policy', 'v1', 'poddisruptionbudgets'),
    };
    this.profile = defaultProfile(this.listers());
    this.algorithm = new SchedulingAlgorithm(this.profile, options.random, options.percentageOfNodesToScore ?? 0);
    this.asyncPreemption = new AsyncPreemption({ loop, context: () => this.executorContext(), activate: (pod) => this.queue.activate(pod) });
    // DefaultPreemption's PreEnqueue: a pod whose preemption is still in flight waits, gated.
    this.queue = new SchedulingQueue(loop, this.profile.queueSort, () => this.kick(), (pod) => !this.asyncPreemption.isPodRunningPreemption(text(pod.metadata.uid)));
    this.events = new EventRecorder(client, loop, 'default-scheduler', `default-scheduler-${options.hostNode}`);
    this.pods = new Informer(client, core('pods'));
    this.nodes = new Informer(client, core('nodes'));
    this.pods.addHandler({
      onAdd: (pod) => this.onPod(pod),
      onUpdate: (old, pod) => this.onPod(pod, old),
      onDelete: (pod) => {
        const uid = String(pod.metadata.uid);
        this.queue.delete(pod);
        this.nominator.delete(pod);
        this.assumed.delete(uid);
        this.waitingOnVolumes.delete(uid);
        this.preemptions.delete(uid);
        this.cache.removePod(pod);
        // A pod leaving frees resources: pods waiting for room may fit now.
        if (rec(pod.spec).nodeName) this.queue.moveAllToActiveOrBackoff();
      },
    });
    this.nodes.addHandler({
      onAdd: (node) => {
        this.cache.setNode(node);
        this.queue.moveAllToActiveOrBackoff();
      },
      onUpdate: (_old, node) => {
        this.cache.setNode(node);
        this.queue.moveAllToActiveOrBackoff();
      },
      onDelete: (node) => this.cache.removeNode(node),
    });
    // Storage changes may make waiting pods schedulable, or finish a PreBind.
    for (const name of ['persistentvolumeclaims', 'persistentvolumes', 'storageclasses'] as const) {
      this.informers[name]?.addHandler({ onAdd: () => this.onStorageEvent(), onUpdate: () => this.onStorageEvent() });
    }
  }

  /** What plugins read besides NodeInfos, all from this scheduler's informers. */
  private listers(): Listers {
    const inf = (name: string): Informer => this.informers[name] as Informer;
    return {
      nodes: () => this.cache.nodeList(),
      nodesWithImage: (image) => this.cache.nodesWithImage(image),
      nodesWithPodsWithAffinity: () => this.cache.nodesWithPodsWithAffinity(),
      nodesWithPodsWithRequiredAntiAffinity: () => this.cache.nodesWithPodsWithRequiredAntiAffinity(),
      namespaces: () => inf('namespaces').list(),
      namespace: (name) => inf('namespaces').get(name),
      inNamespace: (resource, namespace) => inf(resource).list().filter((o) => o.metadata.namespace === namespace),
      persistentVolumeClaim: (namespace, name) => inf('persistentvolumeclaims').get(`${namespace}/${name}`),
      persistentVolume: (name) => inf('persistentvolumes').get(name),
      persistentVolumes: () => inf('persistentvolumes').list(),
      storageClass: (name) => inf('storageclasses').get(name),
      storageClasses: () => inf('storageclasses').list(),
    };
  }

  start(): void {
    for (const i of Object.values(this.informers)) i.start();
    this.nodes.start();
    this.pods.start();
  }

  stop(): void {
    this.pods.stop();
    this.nodes.stop();
    for (const i of Object.values(this.informers)) i.stop();
  }

  private onPod(pod: KubeObject, old?: KubeObject): void {
    const uid = String(pod.metadata.uid);
    if (rec(pod.spec).nodeName) {
      this.nominator.delete(pod);
      this.assumed.delete(uid);
      this.waitingOnVolumes.delete(uid);
      this.queue.delete(pod);
      this.cache.setPod(pod);
      return;
    }
    // An update of a pod still unbound must not undo its assumed place.
    if (!this.assumed.has(uid)) this.cache.setPod(pod);
    if (this.waitingOnVolumes.has(uid) || this.assumed.has(uid)) return;
    if (needsScheduling(pod, this.profile.schedulerName)) {
      this.queue.add(pod);
      this.nominator.update(old, pod);
    } else {
      this.queue.delete(pod);
      this.nominator.delete(pod);
    }
  }

  private nominatedPods = (nodeName: string): readonly KubeObject[] => this.nominator.nominatedPodsForNode(nodeName);

  private executorContext(): ExecutorContext {
    return { client: this.options.client, events: this.events, nowMs: this.options.loop.nowMs(), nominatedPods: this.nominatedPods };
  }

  private onStorageEvent(): void {
    this.queue.moveAllToActiveOrBackoff();
    for (const [uid, waiting] of [...this.waitingOnVolumes]) {
      const ns = text(waiting.entry.pod.metadata.namespace);
      const bound = waiting.claims.every((name) => text(rec(this.informers.persistentvolumeclaims?.get(`${ns}/${name}`)?.status).phase) === 'Bound');
      if (!bound) continue;
      this.waitingOnVolumes.delete(uid);
      // The informer callback must not write synchronously into the cycle it reports; bind on the loop.
      this.options.loop.enqueue('kube-scheduler bind', () => this.bind(waiting.entry, waiting.nodeName));
    }
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

  private scheduleOne(entry: QueuedPod): void {
    const current = this.pods.get(`${String(entry.pod.metadata.namespace)}/${String(entry.pod.metadata.name)}`);
    if (!current || current.metadata.uid !== entry.pod.metadata.uid || !needsScheduling(current, this.profile.schedulerName)) {
      this.queue.done(entry);
      return;
    }
    const pod = current;
    const nodes = this.cache.nodeList();
    const cycle = this.algorithm.run(pod, nodes, this.nominator.empty ? undefined : this.nominatedPods);
    const trace = this.traceOf(pod, cycle, nodes.length);
    if (!cycle.chosen) {
      this.fail(entry, pod, cycle, trace);
      return;
    }
    const nodeName = cycle.chosen.name;
    trace.result = { nodeName };
    this.options.onTrace?.(trace);
    // Assume: the pod counts on its node from now on, before the API shows it bound.
    const assumedPod = { ...pod, spec: { ...rec(pod.spec), nodeName } };
    this.assumed.set(String(pod.metadata.uid), assumedPod);
    this.cache.setPod(assumedPod);
    this.nominator.delete(pod);
    // PreBind (VolumeBinding): claims waiting for a consumer learn the node; bind once they are Bound.
    const delayed = delayedClaims(cycle.state);
    if (delayed.length) {
      for (const pvc of delayed) {
        if (rec(pvc.metadata.annotations)[ANNOTATION_SELECTED_NODE] === nodeName) continue;
        this.options.client.patch({ ...core('persistentvolumeclaims'), namespace: text(pvc.metadata.namespace), name: text(pvc.metadata.name) }, 'merge', { metadata: { annotations: { [ANNOTATION_SELECTED_NODE]: nodeName } } });
      }
      this.waitingOnVolumes.set(String(pod.metadata.uid), { entry, nodeName, claims: delayed.map((c) => text(c.metadata.name)) });
      return;
    }
    this.bind(entry, nodeName);
  }

  private bind(entry: QueuedPod, nodeName: string): void {
    const pod = entry.pod;
    const bound = this.profile.bind.bind(pod, nodeName, this.options.client);
    if (!isSuccess(bound)) {
      // Binding failed (e.g. the pod changed): forget the assumption and try again after back-off.
      this.assumed.delete(String(pod.metadata.uid));
      this.cache.setPod(pod);
      // handleSchedulingFailure with no PostFilter result: the pod's status decides its nomination.
      this.nominator.add(pod);
      this.queue.markUnschedulable(entry);
      this.queue.moveAllToActiveOrBackoff();
      return;
    }
    this.queue.done(entry);
    this.events.record(pod, { type: 'Normal', reason: 'Scheduled', action: 'Binding', note: `Successfully assigned ${text(pod.metadata.namespace)}/${text(pod.metadata.name)} to ${nodeName}` });
  }

  private traceOf(pod: KubeObject, cycle: CycleResult, numAllNodes: number): SchedulingTrace {
    const trace: SchedulingTrace = {
      pod: { namespace: text(pod.metadata.namespace), name: text(pod.metadata.name), uid: text(pod.metadata.uid) },
      atMs: this.options.loop.nowMs(),
      failures: cycle.failures,
      feasible: cycle.feasible.map((n) => n.name),
      scores: cycle.scores,
      totals: cycle.totals,
      examined: cycle.preFilterStatus ? [] : cycle.examined,
      numAllNodes,
      ...(cycle.nominatedNode ? { nominatedNode: cycle.nominatedNode } : {}),
      result: { message: '' },
    };
    const preemption = this.preemptions.get(trace.pod.uid);
    if (preemption) trace.preemption = preemption;
    const priority = podPriority(pod);
    for (const nodeName of this.nominator.empty ? [] : trace.examined) {
      const nominated = this.nominatedPods(nodeName);
      if (nominated.length === 0) continue;
      const counted = nominated.filter((p) => p.metadata.uid !== pod.metadata.uid && podPriority(p) >= priority);
      if (counted.length) (trace.nominatedPods ??= {})[nodeName] = counted.map((p) => ({ namespace: text(p.metadata.namespace), name: text(p.metadata.name), priority: podPriority(p) }));
    }
    return trace;
  }

  private fail(entry: QueuedPod, pod: KubeObject, cycle: CycleResult, trace: SchedulingTrace): void {
    const failures = cycle.failures;
    const numAllNodes = this.cache.nodeList().length;
    const reasonsByNode = new Map([...failures].map(([n, s]) => [n, s.reasons]));
    // A successful preemption adds no PostFilter message (v1.34); the pod waits for its nominated node.
    const postFilter = numAllNodes === 0 ? { message: '' } : this.postFilter(pod, cycle);
    const preemption = this.preemptions.get(text(pod.metadata.uid));
    if (preemption) trace.preemption = preemption;
    const preFilterMessage = cycle.preFilterStatus ? cycle.preFilterStatus.reasons.join(', ') : undefined;
    const message = numAllNodes === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(numAllNodes, reasonsByNode, postFilter.message, preFilterMessage);
    trace.result = { message };
    this.options.onTrace?.(trace);
    this.events.record(pod, { type: 'Warning', reason: 'FailedScheduling', action: 'Scheduling', note: message });
    // The nominator learns the PostFilter result now, before the status patch comes back.
    this.nominator.add(pod, postFilter.nominatedNodeName);
    this.setUnschedulableCondition(pod, message, postFilter.nominatedNodeName);
    this.queue.markUnschedulable(entry);
  }

  /**
   * PostFilter: the DynamicResources plugin (no claims to free) and then DefaultPreemption. Returns
   * the message they add to FailedScheduling ('' when preemption nominated a node) and what becomes
   * of the pod's nominatedNodeName (undefined: left as it is).
   */
  private postFilter(pod: KubeObject, cycle: CycleResult): { message: string; nominatedNodeName?: string } {
    const nodes = this.cache.nodeList();
    const result = preempt({
      pod,
      nodes,
      failures: cycle.failures,
      state: cycle.state,
      filters: cycle.filters,
      pdbs: this.informers.poddisruptionbudgets?.list() ?? [],
      nominatedPods: this.nominatedPods,
      random: this.preemptionRandom,
      nowMs: this.options.loop.nowMs(),
    });
    this.preemptions.set(text(pod.metadata.uid), preemptionTrace(result, this.options.loop.nowMs()));
    if (result.outcome === 'preempt') {
      if (this.options.asyncPreemption ?? true) this.asyncPreemption.prepareCandidateAsync(result.chosen, pod);
      else prepareCandidate(this.executorContext(), result.chosen, pod);
      return { message: '', nominatedNodeName: result.chosen.nodeName };
    }
    const preemption = `preemption: ${result.message}`;
    const spec = rec(pod.spec);
    const hasClaims = Array.isArray(spec.resourceClaims) && spec.resourceClaims.length > 0;
    const message = (this.options.draPostFilterMessage ?? true) && !hasClaims ? `no new claims to deallocate, ${preemption}` : preemption;
    // Without candidates the pod's nomination is cleared; an ineligible pod keeps it.
    return result.outcome === 'no-candidates' ? { message, nominatedNodeName: '' } : { message };
  }

  /** PodScheduled=False with the reason shown by `kubectl describe pod` and `kubectl get pod -o yaml`. */
  private setUnschedulableCondition(pod: KubeObject, message: string, nominatedNodeName?: string): void {
    const status = rec(pod.status);
    const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
    const existing = conditions.find((c) => c.type === 'PodScheduled');
    const conditionChanges = !existing || existing.status !== 'False' || existing.message !== message;
    // updatePod: the nomination is written only when the PostFilter result changes it.
    const nominationChanges = nominatedNodeName !== undefined && text(status.nominatedNodeName) !== nominatedNodeName;
    if (!conditionChanges && !nominationChanges) return;
    const patch: Record<string, unknown> = {};
    if (conditionChanges) {
      patch.conditions = [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: existing?.status === 'False' ? existing.lastTransitionTime : formatRfc3339(this.options.loop.nowMs()), reason: 'Unschedulable', message }];
    }
    if (nominationChanges) patch.nominatedNodeName = nominatedNodeName || null;
    this.options.client.patch(
      { group: '', version: 'v1', resource: 'pods', namespace: text(pod.metadata.namespace), name: text(pod.metadata.name), subresource: 'status' },
      'strategic',
      { status: patch },
    );
  }
}
