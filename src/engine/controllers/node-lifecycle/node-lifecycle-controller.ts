/**
 * node-lifecycle-controller: every 5 s (--node-monitor-period) it checks each node's heartbeat —
 * the later of its Lease renewal and its Ready condition's heartbeat. After 50 s of silence
 * (--node-monitor-grace-period) the node's conditions become Unknown, its pods are marked not
 * ready, and it is tainted `node.kubernetes.io/unreachable` NoSchedule at once. The NoExecute
 * taint, which the taint-eviction controller acts on, goes through a per-zone rate-limited queue:
 * 0.1 nodes a second normally, none at all in a small zone that is mostly down (the unhealthy-zone
 * rule), and when every zone is down the controller assumes its own network is at fault and takes
 * the NoExecute taints away ("master disruption mode"). When heartbeats return, the taints go away.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { formatRfc3339, parseRfc3339 } from '../../api/time';
import { EventRecorder } from '../../client';
import { TimerKind } from '../../clock/timer-board';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { computeZoneState, NODE_EVICTION_PERIOD_MS, NODE_EVICTION_RATE, TokenBucket, zoneKey, zoneTaintingRate, type ZoneState } from './zones';

export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;

const UNREACHABLE = 'node.kubernetes.io/unreachable';
const NOT_READY = 'node.kubernetes.io/not-ready';
const WATCHED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function conditionsOf(node: KubeObject): Record<string, unknown>[] {
  const c = rec(node.status).conditions;
  return Array.isArray(c) ? c.filter(isRecord) : [];
}

export class NodeLifecycleController implements Controller {
  readonly name = 'node-lifecycle-controller';
  private events: EventRecorder | undefined;
  private legacyEvents: ((object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string) => void) | undefined;

  private readonly zoneStates = new Map<string, ZoneState>();
  /** zoneNoExecuteTainter: nodes waiting for their NoExecute taint, and the zone's rate limiter. */
  private readonly tainters = new Map<string, { queue: string[]; bucket: TokenBucket }>();
  private taintPassScheduled = false;
  /** Each node's Ready status as this pass saw it (the informer may not have the pass's own writes yet). */
  private readonly observedReady = new Map<string, string | undefined>();
  /** The heartbeat-grace timer last published per node: a pass that would publish the same one (most of them) skips it. */
  private readonly graceTimers = new Map<string, { dueMs: number; grace: number }>();
  /** When leaving master disruption mode the controller counts every node's grace period afresh (its probeTimestamp). */
  private readonly probeResetMs = new Map<string, number>();

  watch(context: ControllerContext): void {
    this.events = new EventRecorder(context.client, context.loop, 'node-controller', 'node-controller');
    this.legacyEvents = (object, type, reason, message) =>
      context.client.create(
        { group: '', version: 'v1', resource: 'events', namespace: object.metadata.namespace ?? 'default' },
        {
          apiVersion: 'v1',
          kind: 'Event',
          metadata: { generateName: `${text(object.metadata.name)}.`, namespace: object.metadata.namespace ?? 'default' },
          involvedObject: { kind: object.kind, name: object.metadata.name, namespace: object.metadata.namespace, uid: object.metadata.uid, apiVersion: object.apiVersion },
          reason,
          message,
          source: { component: 'node-controller' },
          firstTimestamp: formatRfc3339(context.loop.nowMs()),
          lastTimestamp: formatRfc3339(context.loop.nowMs()),
          count: 1,
          type,
        },
      );
    const nodes = context.informers.forResource('', 'v1', 'nodes');
    context.informers.forResource('coordination.k8s.io', 'v1', 'leases');
    // monitorNodeHealth: one pass over every node, then the zones' disruption states.
    const tick = () => {
      for (const node of nodes.list()) this.reconcile(String(node.metadata.name), context);
      this.handleDisruption(context);
      context.loop.after(NODE_MONITOR_PERIOD_MS, 'node-lifecycle monitor', tick);
    };
    context.loop.after(NODE_MONITOR_PERIOD_MS, 'node-lifecycle monitor', tick);
  }

  private sameGraceTimer(context: ControllerContext, name: string, dueMs: number, grace: number, uid: string): boolean {
    const last = this.graceTimers.get(name);
    const published = context.timers?.get(`node-monitor-grace/${name}`);
    return last !== undefined && last.dueMs === dueMs && last.grace === grace && published?.dueMs === dueMs && published.object.uid === uid && published.component === this.name;
  }

  reconcile(name: string, context: ControllerContext): ReconcileResult {
    const node = context.informers.forResource('', 'v1', 'nodes').get(name);
    if (!node) {
      this.observedReady.delete(name);
      this.probeResetMs.delete(name);
      context.timers?.clear(`node-monitor-grace/${name}`);
      return DONE;
    }
    const now = context.loop.nowMs();
    const lease = context.informers.forResource('coordination.k8s.io', 'v1', 'leases').get(`kube-node-lease/${name}`);
    const conditions = conditionsOf(node);
    const ready = conditions.find((c) => c.type === 'Ready');
    const heartbeat = Math.max(parseRfc3339(rec(lease?.spec).renewTime) ?? 0, parseRfc3339(ready?.lastHeartbeatTime) ?? 0, this.probeResetMs.get(name) ?? 0);
    const grace = ready ? NODE_MONITOR_GRACE_PERIOD_MS : NODE_STARTUP_GRACE_PERIOD_MS;
    const since = heartbeat || (parseRfc3339(node.metadata.creationTimestamp) ?? now);
    const silent = now - since > grace;
    // Published for countdowns: the node turns Unknown at the first monitor pass after this.
    if (silent) context.timers?.clear(`node-monitor-grace/${name}`);
    else if (!this.sameGraceTimer(context, name, since + grace, grace, text(node.metadata.uid))) {
      context.timers?.set({ id: `node-monitor-grace/${name}`, kind: TimerKind.NodeMonitorGrace, dueMs: since + grace, object: { kind: 'Node', name, uid: text(node.metadata.uid) }, component: this.name, description: `${name} becomes Unknown if no heartbeat arrives (node-monitor-grace-period ${grace / 1000}s)` });
      this.graceTimers.set(name, { dueMs: since + grace, grace });
    }
    if (silent && ready?.status !== 'Unknown') this.markUnknown(node, conditions, context);
    const current = context.informers.forResource('', 'v1', 'nodes').get(name) ?? node;
    const readyNow = conditionsOf(current).find((c) => c.type === 'Ready');
    const key = silent || readyNow?.status === 'Unknown' ? UNREACHABLE : readyNow?.status === 'False' ? NOT_READY : undefined;
    this.observedReady.set(name, silent ? 'Unknown' : text(readyNow?.status) || undefined);
    // One patch for both effects: a merge patch replaces the whole taint list.
    this.updateControllerTaints(current, { NoSchedule: key ? { key, effect: 'NoSchedule' } : null, NoExecute: this.processTaintBasedEviction(current, key, context) }, context);
    return DONE;
  }

  /**
   * Decides the node's NoExecute taint: removed or swapped at once, or the node is queued for one
   * in its zone (then, and when nothing changes, undefined: leave the taint as it is).
   */
  private processTaintBasedEviction(node: KubeObject, key: string | undefined, context: ControllerContext): Record<string, unknown> | null | undefined {
    const name = text(node.metadata.name);
    const zone = zoneKey(node);
    if (!this.zoneStates.has(zone)) this.zoneStates.set(zone, 'Initial');
    const tainter = this.tainterFor(zone, context);
    const noExecute = taintsOf(node).find((t) => (t.key === UNREACHABLE || t.key === NOT_READY) && t.effect === 'NoExecute');
    if (!key) {
      tainter.queue = tainter.queue.filter((n) => n !== name);
      return null;
    }
    if (noExecute?.key === key) return undefined;
    // Swapping unreachable for not-ready (or back) is not rate-limited.
    if (noExecute) return noExecuteTaint(key, context);
    if (!tainter.queue.includes(name)) {
      tainter.queue.push(name);
      this.scheduleTaintPass(context);
    }
    return undefined;
  }

  private tainterFor(zone: string, context: ControllerContext): { queue: string[]; bucket: TokenBucket } {
    let tainter = this.tainters.get(zone);
    if (!tainter) {
      tainter = { queue: [], bucket: new TokenBucket(NODE_EVICTION_RATE, context.loop.nowMs()) };
      this.tainters.set(zone, tainter);
    }
    return tainter;
  }

  private scheduleTaintPass(context: ControllerContext): void {
    if (this.taintPassScheduled) return;
    this.taintPassScheduled = true;
    context.loop.after(NODE_EVICTION_PERIOD_MS, 'node-lifecycle NoExecute tainting', () => this.taintPass(context));
  }

  /** doNoExecuteTaintingPass: taints queued nodes as fast as each zone's limiter allows. */
  private taintPass(context: ControllerContext): void {
    this.taintPassScheduled = false;
    const nodes = context.informers.forResource('', 'v1', 'nodes');
    const now = context.loop.nowMs();
    for (const tainter of this.tainters.values()) {
      while (tainter.queue.length > 0 && tainter.bucket.tryAccept(now)) {
        const node = nodes.get(tainter.queue.shift() ?? '');
        if (!node) continue;
        const ready = conditionsOf(node).find((c) => c.type === 'Ready')?.status;
        // A node that became ready while it waited is left alone.
        const key = ready === 'False' ? NOT_READY : ready === 'Unknown' ? UNREACHABLE : undefined;
        if (key) this.updateControllerTaints(node, { NoExecute: noExecuteTaint(key, context) }, context);
      }
    }
    if ([...this.tainters.values()].some((t) => t.queue.length > 0)) this.scheduleTaintPass(context);
  }

  /** handleDisruption: recomputes each zone's state and sets its tainting rate to match. */
  private handleDisruption(context: ControllerContext): void {
    const nodes = context.informers.forResource('', 'v1', 'nodes').list();
    const byZone = new Map<string, (string | undefined)[]>();
    for (const node of nodes) {
      const zone = zoneKey(node);
      const list = byZone.get(zone) ?? [];
      const name = text(node.metadata.name);
      list.push(this.observedReady.has(name) ? this.observedReady.get(name) : text(conditionsOf(node).find((c) => c.type === 'Ready')?.status) || undefined);
      byZone.set(zone, list);
    }
    const now = context.loop.nowMs();
    const newStates = new Map<string, ZoneState>();
    for (const [zone, statuses] of byZone) newStates.set(zone, computeZoneState(statuses));
    for (const zone of [...this.zoneStates.keys()]) {
      if (!byZone.has(zone)) {
        this.zoneStates.delete(zone);
        this.tainters.delete(zone);
      }
    }
    const allAre = [...newStates.values()].every((s) => s === 'FullDisruption');
    const allWere = [...this.zoneStates.values()].every((s) => s === 'FullDisruption');
    if (allAre && allWere) return;
    const setRate = (zone: string, state: ZoneState) => {
      const tainter = this.tainterFor(zone, context);
      tainter.bucket = tainter.bucket.swap(zoneTaintingRate(state, byZone.get(zone)?.length ?? 0), now);
    };
    if (allAre) {
      // Every node unreachable at once: more likely this controller is cut off than the whole
      // cluster dead, so no pod is evicted until some node answers again.
      for (const node of nodes) if (taintsOf(node).some((t) => (t.key === UNREACHABLE || t.key === NOT_READY) && t.effect === 'NoExecute')) this.updateControllerTaints(node, { NoExecute: null }, context);
      for (const zone of this.zoneStates.keys()) {
        const tainter = this.tainterFor(zone, context);
        tainter.bucket = tainter.bucket.swap(0, now);
        this.zoneStates.set(zone, 'FullDisruption');
      }
      return;
    }
    // Leaving master disruption mode: every node gets a fresh grace period from now, as if it had
    // just been heard from, so nodes that were cut off with this controller are not marked at once.
    if (allWere && this.zoneStates.size > 0) for (const node of nodes) this.probeResetMs.set(text(node.metadata.name), now);
    for (const [zone, state] of newStates) {
      if (!allWere && this.zoneStates.get(zone) === state) continue;
      setRate(zone, state);
      this.zoneStates.set(zone, state);
    }
  }

  private markUnknown(node: KubeObject, conditions: Record<string, unknown>[], context: ControllerContext): void {
    const now = formatRfc3339(context.loop.nowMs());
    const next = conditions.map((c) => {
      if (!WATCHED_CONDITIONS.includes(text(c.type))) return c;
      const neverUpdated = !c.lastHeartbeatTime;
      return { ...c, status: 'Unknown', reason: neverUpdated ? 'NodeStatusNeverUpdated' : 'NodeStatusUnknown', message: neverUpdated ? 'Kubelet never posted node status.' : 'Kubelet stopped posting node status.', lastTransitionTime: now };
    });
    context.client.patch({ group: '', version: 'v1', resource: 'nodes', name: text(node.metadata.name), subresource: 'status' }, 'merge', { status: { conditions: next } });
    this.legacyEvents?.({ ...node, metadata: { ...node.metadata, namespace: 'default', uid: text(node.metadata.name) } }, 'Normal', 'NodeNotReady', `Node ${text(node.metadata.name)} status is now: NodeNotReady`);
    this.markPodsNotReady(node, context);
  }

  /** MarkPodsNotReady: every pod on the node gets Ready=False (container states are left as they were). */
  private markPodsNotReady(node: KubeObject, context: ControllerContext): void {
    const pods = context.client.list({ group: '', version: 'v1', resource: 'pods' }, { fieldSelector: `spec.nodeName=${text(node.metadata.name)}` });
    if (!pods.ok) return;
    const now = formatRfc3339(context.loop.nowMs());
    for (const pod of pods.value.items) {
      const status = rec(pod.status);
      const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
      if (!conditions.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
      const next = conditions.map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: now } : c));
      context.client.patch({ group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: text(pod.metadata.name), subresource: 'status' }, 'merge', { status: { conditions: next } });
      this.events?.record(pod, { type: 'Warning', reason: 'NodeNotReady', action: 'NodeNotReady', note: 'Node is not ready' });
    }
  }

  /**
   * Sets (an object), removes (null) or leaves (undefined) the controller's not-ready/unreachable
   * taint of each effect, keeping an identical one as it is (with its timeAdded).
   */
  private updateControllerTaints(node: KubeObject, wanted: Partial<Record<'NoSchedule' | 'NoExecute', Record<string, unknown> | null | undefined>>, context: ControllerContext): void {
    // Nothing to do by the cached copy: no API call (RemoveTaintOffNode's short circuit; the
    // NoSchedule pass also decides from the cache), so healthy nodes cost no request per pass.
    if (taintsWanted(node, wanted) === undefined) return;
    // Read the node from the API server, not the informer's cache, and patch with its
    // resourceVersion: a taint a user just removed or added is not written back from a stale copy
    // (AddOrUpdateTaintOnNode works the same way).
    const fresh = context.client.get({ group: '', version: 'v1', resource: 'nodes', name: text(node.metadata.name) });
    if (!fresh.ok) return;
    const current = fresh.value;
    const next = taintsWanted(current, wanted);
    if (next === undefined) return;
    context.client.patch({ group: '', version: 'v1', resource: 'nodes', name: text(current.metadata.name) }, 'merge', { metadata: { resourceVersion: current.metadata.resourceVersion }, spec: { taints: next.length ? next : null } });
  }
}

/** The node's taints with the controller's taints as wanted, or undefined when they already are. */
function taintsWanted(node: KubeObject, wanted: Partial<Record<'NoSchedule' | 'NoExecute', Record<string, unknown> | null | undefined>>): Record<string, unknown>[] | undefined {
  let next = taintsOf(node);
  for (const effect of ['NoSchedule', 'NoExecute'] as const) {
    const want = wanted[effect];
    if (want === undefined) continue;
    const ours = (t: Record<string, unknown>) => (t.key === UNREACHABLE || t.key === NOT_READY) && t.effect === effect;
    if (want && next.find(ours)?.key === want.key) continue;
    next = [...next.filter((t) => !ours(t)), ...(want ? [want] : [])];
  }
  return JSON.stringify(next) === JSON.stringify(taintsOf(node)) ? undefined : next;
}

function noExecuteTaint(key: string, context: ControllerContext): Record<string, unknown> {
  return { key, effect: 'NoExecute', timeAdded: formatRfc3339(context.loop.nowMs()) };
}

function taintsOf(node: KubeObject): Record<string, unknown>[] {
  const taints = rec(node.spec).taints;
  return Array.isArray(taints) ? taints.filter(isRecord) : [];
}
