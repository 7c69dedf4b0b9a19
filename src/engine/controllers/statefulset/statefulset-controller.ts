/**
 * statefulset-controller (stateful_set.go): for each StatefulSet it claims the member pods (adopting
 * orphans whose name and labels fit, releasing pods whose labels stopped matching), finds or creates
 * the ControllerRevision of the current template, runs one StatefulSetControl sync, writes the
 * status (completing a rolling update once every member is at the update revision), and prunes
 * revisions beyond revisionHistoryLimit that no member uses.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import { LegacyEventRecorder } from '../../client';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { claimObjects } from '../controller-ref-manager';
import { controllerRef } from '../pod-helpers';
import { equalRevision, newRevision, revisionNumber, sortRevisions } from './revisions';
import { StatefulPodControl } from './stateful-pod-control';
import { StatefulSetControl, type SetStatus } from './stateful-set-control';
import { isMemberOf, podRevision, replicasOf } from './stateful-set-utils';

const SETS = { group: 'apps', version: 'v1', resource: 'statefulsets' };
const REVISIONS = { group: 'apps', version: 'v1', resource: 'controllerrevisions' };
const PODS = { group: '', version: 'v1', resource: 'pods' };

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function keyOf(o: KubeObject): string {
  return `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
}

export class StatefulSetController implements Controller {
  readonly name = 'statefulset-controller';
  private control: StatefulSetControl | undefined;

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    const claims = context.informers.forResource('', 'v1', 'persistentvolumeclaims');
    const events = new LegacyEventRecorder(context.client, context.loop, 'statefulset-controller', '');
    this.control = new StatefulSetControl(new StatefulPodControl(context.client, events, (namespace, name) => claims.get(`${namespace}/${name}`)));
    const sets = context.informers.forResource(SETS.group, SETS.version, SETS.resource);
    sets.addHandler({ onAdd: (s) => enqueue(keyOf(s)), onUpdate: (_o, s) => enqueue(keyOf(s)), onDelete: (s) => enqueue(keyOf(s)) });
    const viaOwner = (o: KubeObject) => {
      const ref = controllerRef(o);
      if (ref?.kind === 'StatefulSet') enqueue(`${text(o.metadata.namespace)}/${ref.name}`);
      else if (!ref) {
        // An orphan may be adopted by a StatefulSet whose selector matches it.
        for (const s of sets.list()) if (s.metadata.namespace === o.metadata.namespace && matches(fromLabelSelector(rec(rec(s.spec).selector)), o.metadata.labels)) enqueue(keyOf(s));
      }
    };
    context.informers.forResource(PODS.group, PODS.version, PODS.resource).addHandler({ onAdd: viaOwner, onUpdate: (_o, p) => viaOwner(p), onDelete: viaOwner });
    context.informers.forResource(REVISIONS.group, REVISIONS.version, REVISIONS.resource).addHandler({ onAdd: viaOwner, onUpdate: (_o, r) => viaOwner(r), onDelete: viaOwner });
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const set = context.informers.forResource(SETS.group, SETS.version, SETS.resource).get(key);
    if (!set || !this.control) return DONE;
    const selector = fromLabelSelector(rec(rec(set.spec).selector));
    const pods = this.claimPods(set, selector, context);
    const revisions = this.claimRevisions(set, selector, context);
    const resolved = this.getRevisions(set, revisions, context);
    if (!resolved) return { kind: 'retry', reason: 'could not create a ControllerRevision' };
    const status = this.control.updateStatefulSet({ set, ...resolved, pods, nowMs: context.loop.nowMs() });
    this.updateStatus(set, status, context);
    this.truncateHistory(set, pods, sortRevisions([...revisions.filter((r) => r.metadata.name !== resolved.updateRevision.metadata.name), resolved.updateRevision]), status, context);
    const minReady = Number(rec(set.spec).minReadySeconds ?? 0);
    if (minReady > 0 && status.availableReplicas !== replicasOf(set)) return { kind: 'requeueAfter', delayMs: minReady * 1000 };
    return DONE;
  }

  /** ClaimPods with the isMemberOf filter: owned members, plus adopted orphans; non-members are released. */
  private claimPods(set: KubeObject, selector: ReturnType<typeof fromLabelSelector>, context: ControllerContext): KubeObject[] {
    const match = (pod: KubeObject) => matches(selector, pod.metadata.labels) && isMemberOf(set, pod);
    return claimObjects({ client: context.client, resource: PODS, owner: set, match }, context.informers.forResource(PODS.group, PODS.version, PODS.resource).list());
  }

  /**
   * ListRevisions + AdoptOrphanRevisions: the revisions matching the selector that the set controls
   * or that nobody does (adopted). Unlike the DaemonSet controller, it releases none.
   */
  private claimRevisions(set: KubeObject, selector: ReturnType<typeof fromLabelSelector>, context: ControllerContext): KubeObject[] {
    const matching = context.informers.forResource(REVISIONS.group, REVISIONS.version, REVISIONS.resource).list().filter((r) => matches(selector, r.metadata.labels));
    return sortRevisions(claimObjects({ client: context.client, resource: REVISIONS, owner: set, match: () => true }, matching));
  }

  /**
   * getStatefulSetRevisions: the update revision is the latest one if it equals the template, an
   * older equal one brought forward with a new revision number (a rollback), or a new one.
   */
  private getRevisions(set: KubeObject, revisions: KubeObject[], context: ControllerContext): { currentRevision: KubeObject; updateRevision: KubeObject; collisionCount: number } | undefined {
    let collisionCount = Number(rec(set.status).collisionCount ?? 0);
    const next = revisions.length ? revisionNumber(revisions[revisions.length - 1] as KubeObject) + 1 : 1;
    const candidate = newRevision(set, next, collisionCount);
    const equal = revisions.filter((r) => equalRevision(r, candidate));
    const latest = revisions[revisions.length - 1];
    let updateRevision: KubeObject | undefined;
    if (equal.length && latest && equalRevision(latest, equal[equal.length - 1] as KubeObject)) updateRevision = latest;
    else if (equal.length) {
      const old = equal[equal.length - 1] as KubeObject;
      const r = context.client.patch({ ...REVISIONS, namespace: old.metadata.namespace, name: text(old.metadata.name) }, 'merge', { revision: next });
      updateRevision = r.ok ? r.value : undefined;
    } else {
      for (let attempt = 0; attempt < 10 && !updateRevision; attempt++) {
        const fresh = newRevision(set, next, collisionCount);
        const r = context.client.create({ ...REVISIONS, namespace: set.metadata.namespace }, fresh);
        if (r.ok) updateRevision = r.value;
        else if (r.code === 409) {
          const existing = context.client.get({ ...REVISIONS, namespace: set.metadata.namespace, name: text(fresh.metadata.name) });
          if (existing.ok && equalRevision(existing.value, fresh)) updateRevision = existing.value;
          else collisionCount++;
        } else return undefined;
      }
    }
    if (!updateRevision) return undefined;
    const currentName = text(rec(set.status).currentRevision);
    const currentRevision = revisions.find((r) => r.metadata.name === currentName) ?? updateRevision;
    return { currentRevision, updateRevision, collisionCount };
  }

  /** updateStatefulSetStatus: complete a finished rolling update, then write only when something changed. */
  private updateStatus(set: KubeObject, computed: SetStatus, context: ControllerContext): void {
    const status = { ...computed };
    const replicas = replicasOf(set);
    if (rec(rec(set.spec).updateStrategy).type === 'RollingUpdate' && status.updatedReplicas === replicas && status.readyReplicas === replicas && status.replicas === replicas) {
      status.currentReplicas = status.updatedReplicas;
      status.currentRevision = status.updateRevision;
    }
    const current = rec(set.status);
    const num = (v: unknown) => (typeof v === 'number' ? v : 0);
    const inconsistent =
      status.observedGeneration > num(current.observedGeneration) ||
      (['replicas', 'currentReplicas', 'readyReplicas', 'updatedReplicas', 'availableReplicas'] as const).some((k) => status[k] !== num(current[k])) ||
      status.currentRevision !== text(current.currentRevision) ||
      status.updateRevision !== text(current.updateRevision);
    if (!inconsistent) return;
    const body: Record<string, unknown> = { ...status };
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas'] as const) if (status[k] === 0) delete body[k];
    for (const k of ['currentRevision', 'updateRevision'] as const) if (!status[k]) delete body[k];
    for (let attempt = 0; attempt < 3; attempt++) {
      const fresh = context.client.get({ ...SETS, namespace: set.metadata.namespace, name: text(set.metadata.name) });
      if (!fresh.ok) return;
      const r = context.client.update({ ...SETS, namespace: set.metadata.namespace, name: text(set.metadata.name), subresource: 'status' }, { ...fresh.value, status: body });
      if (r.ok || r.code !== 409) return;
    }
  }

  /** truncateHistory: delete the oldest revisions nobody uses beyond revisionHistoryLimit. */
  private truncateHistory(set: KubeObject, pods: readonly KubeObject[], revisions: readonly KubeObject[], status: SetStatus, context: ControllerContext): void {
    const live = new Set([status.currentRevision, status.updateRevision, ...pods.map(podRevision)]);
    const history = revisions.filter((r) => !live.has(text(r.metadata.name)));
    const limit = Number(rec(set.spec).revisionHistoryLimit ?? 10);
    if (limit < 0 || history.length <= limit) return;
    for (const r of history.slice(0, history.length - limit)) context.client.delete({ ...REVISIONS, namespace: r.metadata.namespace, name: text(r.metadata.name) });
  }
}

