/**
 * daemonset-controller: one pod per eligible node. A node is eligible when the pod template's node
 * selector and required node affinity match it and its NoSchedule/NoExecute taints are tolerated.
 * Pods are pinned with node affinity on `metadata.name` and placed by the scheduler, as in
 * Kubernetes; they tolerate not-ready/unreachable nodes without a time limit, so they are never
 * evicted from failing nodes.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { readTaints, readTolerations, toleratedByAny } from '../../api/taints';
import { LegacyEventRecorder } from '../../client';
import { podMatchesNodeSelectorAndAffinity } from '../../scheduler/plugins/node-affinity';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { PodControl } from '../pod-control';
import { controllerRef, isPodActive, isPodAvailable, isPodReady } from '../pod-helpers';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** Tolerations every DaemonSet pod gets (AddOrUpdateDaemonPodTolerations). */
export function daemonTolerations(hostNetwork: boolean): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) list.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return list;
}

/** The pod's own tolerations plus those of `extra` it lacks (same key and effect). */
export function mergeTolerations(existing: unknown, extra: Record<string, unknown>[]): Record<string, unknown>[] {
  const list = Array.isArray(existing) ? existing.filter(isRecord) : [];
  for (const t of extra) if (!list.some((e) => e.key === t.key && e.effect === t.effect)) list.push(t);
  return list;
}

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  private pods: PodControl | undefined;

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    this.pods = new PodControl(context.client, new LegacyEventRecorder(context.client, context.loop, 'daemonset-controller', ''));
    const sets = context.informers.forResource('apps', 'v1', 'daemonsets');
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    sets.addHandler({ onAdd: (ds) => enqueue(keyOf(ds)), onUpdate: (_o, ds) => enqueue(keyOf(ds)) });
    const all = () => {
      for (const ds of sets.list()) enqueue(keyOf(ds));
    };
    context.informers.forResource('', 'v1', 'nodes').addHandler({ onAdd: all, onUpdate: all, onDelete: all });
    const byOwner = (pod: KubeObject) => {
      const ref = controllerRef(pod);
      if (ref?.kind === 'DaemonSet') enqueue(`${text(pod.metadata.namespace)}/${ref.name}`);
    };
    context.informers.forResource('', 'v1', 'pods').addHandler({ onAdd: byOwner, onUpdate: (_o, p) => byOwner(p), onDelete: byOwner });
  }

  private eligible(ds: KubeObject, node: KubeObject): boolean {
    const template = rec(rec(ds.spec).template);
    const podSpec = rec(template.spec);
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: podSpec };
    if (!podMatchesNodeSelectorAndAffinity(pod, node)) return false;
    const tolerations = readTolerations(mergeTolerations(podSpec.tolerations, daemonTolerations(podSpec.hostNetwork === true)));
    return readTaints(rec(node.spec).taints)
      .filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')
      .every((t) => toleratedByAny(tolerations, t));
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const ds = context.informers.forResource('apps', 'v1', 'daemonsets').get(key);
    if (!ds || ds.metadata.deletionTimestamp) return DONE;
    const nodes = context.informers.forResource('', 'v1', 'nodes').list();
    const pods = context.informers.forResource('', 'v1', 'pods').list().filter((p) => controllerRef(p)?.uid === ds.metadata.uid);
    const podsOn = (node: string) => pods.filter((p) => isPodActive(p) && podTargetNode(p) === node);
    let desired = 0;
    for (const node of nodes) {
      const name = text(node.metadata.name);
      const mine = podsOn(name);
      if (this.eligible(ds, node)) {
        desired++;
        if (mine.length === 0) this.createPod(ds, name);
        for (const extra of mine.slice(1)) this.deletePod(ds, extra);
      } else {
        for (const p of mine) this.deletePod(ds, p);
      }
    }
    this.updateStatus(ds, desired, pods, nodes, context);
    return DONE;
  }

  private createPod(ds: KubeObject, nodeName: string): void {
    const template = JSON.parse(JSON.stringify(rec(rec(ds.spec).template))) as Record<string, unknown>;
    const spec = rec(template.spec);
    spec.tolerations = mergeTolerations(spec.tolerations, daemonTolerations(spec.hostNetwork === true));
    spec.affinity = { ...rec(spec.affinity), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } };
    this.pods?.create(ds, { ...template, spec }, { 'pod-template-generation': String(ds.metadata.generation ?? 1) });
  }

  private deletePod(ds: KubeObject, pod: KubeObject): void {
    this.pods?.delete(ds, pod);
  }

  private updateStatus(ds: KubeObject, desired: number, pods: KubeObject[], nodes: KubeObject[], context: ControllerContext): void {
    const active = pods.filter(isPodActive);
    const scheduled = active.filter((p) => nodes.some((n) => n.metadata.name === podTargetNode(p)));
    const minReady = Number(rec(ds.spec).minReadySeconds ?? 0);
    const status: Record<string, unknown> = {
      currentNumberScheduled: scheduled.length,
      desiredNumberScheduled: desired,
      numberAvailable: scheduled.filter((p) => isPodAvailable(p, minReady, context.loop.nowMs())).length,
      numberMisscheduled: 0,
      numberReady: scheduled.filter(isPodReady).length,
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: scheduled.length,
    };
    if (status.numberAvailable === 0) delete status.numberAvailable;
    const current = rec(ds.status);
    if (Object.keys(status).every((k) => current[k] === status[k]) && Object.keys(current).length === Object.keys(status).length) return;
    const fresh = context.client.get({ group: 'apps', version: 'v1', resource: 'daemonsets', namespace: ds.metadata.namespace, name: text(ds.metadata.name) });
    if (fresh.ok) context.client.update({ group: 'apps', version: 'v1', resource: 'daemonsets', namespace: ds.metadata.namespace, name: text(ds.metadata.name), subresource: 'status' }, { ...fresh.value, status });
  }
}

/** The node a DaemonSet pod is on or pinned to. */
function podTargetNode(pod: KubeObject): string {
  const spec = rec(pod.spec);
  if (spec.nodeName) return text(spec.nodeName);
  const terms = rec(rec(rec(spec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms;
  const first = Array.isArray(terms) ? terms.filter(isRecord)[0] : undefined;
  const field = Array.isArray(first?.matchFields) ? (first.matchFields as unknown[]).filter(isRecord).find((f) => f.key === 'metadata.name') : undefined;
  return Array.isArray(field?.values) ? text(field.values[0]) : '';
}
