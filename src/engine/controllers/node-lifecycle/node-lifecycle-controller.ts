/**
 * node-lifecycle-controller: every 5 s (--node-monitor-period) it checks each node's heartbeat —
 * the later of its Lease renewal and its Ready condition's heartbeat. After 50 s of silence
 * (--node-monitor-grace-period) the node's conditions become Unknown, its pods are marked not
 * ready, and it is tainted `node.kubernetes.io/unreachable` (NoSchedule, and NoExecute, which the
 * taint-eviction controller acts on). When heartbeats return, the taints go away.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { formatRfc3339, parseRfc3339 } from '../../api/time';
import { EventRecorder } from '../../client';
import { TimerKind } from '../../clock/timer-board';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

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

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
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
    const tick = () => {
      for (const node of nodes.list()) enqueue(String(node.metadata.name));
      context.loop.after(NODE_MONITOR_PERIOD_MS, 'node-lifecycle monitor', tick);
    };
    context.loop.after(NODE_MONITOR_PERIOD_MS, 'node-lifecycle monitor', tick);
  }

  reconcile(name: string, context: ControllerContext): ReconcileResult {
    const node = context.informers.forResource('', 'v1', 'nodes').get(name);
    if (!node) {
      context.timers?.clear(`node-monitor-grace/${name}`);
      return DONE;
    }
    const now = context.loop.nowMs();
    const lease = context.informers.forResource('coordination.k8s.io', 'v1', 'leases').get(`kube-node-lease/${name}`);
    const conditions = conditionsOf(node);
    const ready = conditions.find((c) => c.type === 'Ready');
    const heartbeat = Math.max(parseRfc3339(rec(lease?.spec).renewTime) ?? 0, parseRfc3339(ready?.lastHeartbeatTime) ?? 0);
    const grace = ready ? NODE_MONITOR_GRACE_PERIOD_MS : NODE_STARTUP_GRACE_PERIOD_MS;
    const since = heartbeat || (parseRfc3339(node.metadata.creationTimestamp) ?? now);
    const silent = now - since > grace;
    // Published for countdowns: the node turns Unknown at the first monitor pass after this.
    if (silent) context.timers?.clear(`node-monitor-grace/${name}`);
    else context.timers?.set({ id: `node-monitor-grace/${name}`, kind: TimerKind.NodeMonitorGrace, dueMs: since + grace, object: { kind: 'Node', name, uid: text(node.metadata.uid) }, component: this.name, description: `${name} becomes Unknown if no heartbeat arrives (node-monitor-grace-period ${grace / 1000}s)` });
    if (silent && ready?.status !== 'Unknown') this.markUnknown(node, conditions, context);
    const current = context.informers.forResource('', 'v1', 'nodes').get(name) ?? node;
    const readyNow = conditionsOf(current).find((c) => c.type === 'Ready');
    const key = silent || readyNow?.status === 'Unknown' ? UNREACHABLE : readyNow?.status === 'False' ? NOT_READY : undefined;
    this.reconcileTaints(current, key, context);
    return DONE;
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

  /** Keeps exactly the right not-ready/unreachable taints (NoSchedule and NoExecute) on the node. */
  private reconcileTaints(node: KubeObject, key: string | undefined, context: ControllerContext): void {
    const spec = rec(node.spec);
    const taints = Array.isArray(spec.taints) ? spec.taints.filter(isRecord) : [];
    const others = taints.filter((t) => t.key !== UNREACHABLE && t.key !== NOT_READY);
    const wanted = key
      ? [
          taints.find((t) => t.key === key && t.effect === 'NoSchedule') ?? { key, effect: 'NoSchedule' },
          taints.find((t) => t.key === key && t.effect === 'NoExecute') ?? { key, effect: 'NoExecute', timeAdded: formatRfc3339(context.loop.nowMs()) },
        ]
      : [];
    const next = [...others, ...wanted];
    if (JSON.stringify(next) === JSON.stringify(taints)) return;
    context.client.patch({ group: '', version: 'v1', resource: 'nodes', name: text(node.metadata.name) }, 'merge', { spec: { taints: next.length ? next : null } });
  }
}
