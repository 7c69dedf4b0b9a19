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
import { podTemplateHash } from '../deployment/pod-template-hash';

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
    const revision = currentRevision(ds);
    let desired = 0;
    const eligibleNodes: string[] = [];
    for (const node of nodes) {
      const name = text(node.metadata.name);
      const mine = podsOn(name);
      if (this.eligible(ds, node)) {
        desired++;
        eligibleNodes.push(name);
        if (mine.length === 0) this.createPod(ds, name, revision);
        for (const extra of mine.slice(1)) this.deletePod(ds, extra);
      } else {
        for (const p of mine) this.deletePod(ds, p);
      }
    }
    const now = context.loop.nowMs();
    const minReady = Number(rec(ds.spec).minReadySeconds ?? 0);
    const strategy = rec(rec(ds.spec).updateStrategy);
    if ((text(strategy.type) || 'RollingUpdate') === 'RollingUpdate') this.rollingUpdate(ds, eligibleNodes.map((n) => podsOn(n)[0]), revision, minReady, now);
    this.updateStatus(ds, desired, pods, nodes, revision, context);
    // Pods that become available let the rollout go on: look again once minReadySeconds may have passed.
    return minReady > 0 && pods.some((p) => isPodReady(p) && !isPodAvailable(p, minReady, now)) ? { kind: 'requeueAfter', delayMs: 1000 } : DONE;
  }

  /**
   * rollingUpdate with maxSurge 0: old pods that are not available go at once; available old pods
   * go while fewer than maxUnavailable nodes lack an available daemon pod. The normal sync then
   * creates their replacements from the new template.
   */
  private rollingUpdate(ds: KubeObject, perNode: readonly (KubeObject | undefined)[], revision: Revision, minReady: number, now: number): void {
    const ru = rec(rec(rec(ds.spec).updateStrategy).rollingUpdate);
    const maxUnavailable = scaledUp(ru.maxUnavailable ?? 1, perNode.length);
    let unavailable = perNode.filter((p) => !p || !isPodAvailable(p, minReady, now)).length;
    const old = perNode.filter((p): p is KubeObject => p !== undefined && !isUpdated(p, revision));
    for (const pod of old.filter((p) => !isPodAvailable(p, minReady, now))) this.deletePod(ds, pod);
    for (const pod of old.filter((p) => isPodAvailable(p, minReady, now))) {
      if (unavailable >= maxUnavailable) break;
      this.deletePod(ds, pod);
      unavailable++;
    }
  }

  private createPod(ds: KubeObject, nodeName: string, revision: Revision): void {
    const template = JSON.parse(JSON.stringify(rec(rec(ds.spec).template))) as Record<string, unknown>;
    const spec = rec(template.spec);
    spec.tolerations = mergeTolerations(spec.tolerations, daemonTolerations(spec.hostNetwork === true));
    spec.affinity = { ...rec(spec.affinity), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } };
    this.pods?.create(ds, { ...template, spec }, { 'controller-revision-hash': revision.hash, 'pod-template-generation': revision.generation });
  }

  private deletePod(ds: KubeObject, pod: KubeObject): void {
    this.pods?.delete(ds, pod);
  }

  private updateStatus(ds: KubeObject, desired: number, pods: KubeObject[], nodes: KubeObject[], revision: Revision, context: ControllerContext): void {
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
      updatedNumberScheduled: scheduled.filter((p) => isUpdated(p, revision)).length,
    };
    const unavailable = desired - Number(status.numberAvailable);
    if (unavailable > 0) status.numberUnavailable = unavailable;
    if (status.numberAvailable === 0) delete status.numberAvailable;
    if (status.updatedNumberScheduled === 0) delete status.updatedNumberScheduled;
    const current = rec(ds.status);
    if (Object.keys(status).every((k) => current[k] === status[k]) && Object.keys(current).length === Object.keys(status).length) return;
    const fresh = context.client.get({ group: 'apps', version: 'v1', resource: 'daemonsets', namespace: ds.metadata.namespace, name: text(ds.metadata.name) });
    if (fresh.ok) context.client.update({ group: 'apps', version: 'v1', resource: 'daemonsets', namespace: ds.metadata.namespace, name: text(ds.metadata.name), subresource: 'status' }, { ...fresh.value, status });
  }
}

interface Revision {
  /** controller.ComputeHash of the pod template, the pods' `controller-revision-hash`. */
  hash: string;
  /** The template generation, the pods' `pod-template-generation`. */
  generation: string;
}

function currentRevision(ds: KubeObject): Revision {
  return { hash: podTemplateHash(rec(ds.spec).template, Number(rec(ds.status).collisionCount ?? 0)), generation: ds.metadata.annotations?.['deprecated.daemonset.template.generation'] ?? '1' };
}

/** IsPodUpdated: the pod carries the current template's hash or its generation. */
function isUpdated(pod: KubeObject, revision: Revision): boolean {
  const labels = pod.metadata.labels ?? {};
  return labels['controller-revision-hash'] === revision.hash || labels['pod-template-generation'] === revision.generation;
}

/** An int-or-percent of a total, rounded up (maxUnavailable), at least 1 when a percentage gives 0. */
function scaledUp(value: unknown, total: number): number {
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(text(value));
  const n = m ? Math.ceil((Number(m[1]) * total) / 100) : Number(value) || 0;
  return n === 0 ? 1 : n;
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
