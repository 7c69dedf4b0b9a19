/**
 * garbage-collector: deletes objects whose owners are gone (ownerReferences), and carries out the
 * two non-default propagation policies: `Foreground` (the owner waits, via the
 * `foregroundDeletion` finalizer, until its blocking dependents are gone) and `Orphan` (the
 * owner's dependents lose their ownerReference, then the `orphan` finalizer is removed).
 * It watches every resource type, building an owner → dependents graph keyed by uid.
 */
import type { KubeObject, OwnerReference } from '../../api/meta';
import { sameJson } from '../../api/meta';
import { discover, type ApiResource } from '../../client/discovery';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

interface GraphNode {
  uid: string;
  resource: ApiResource;
  object: KubeObject;
}

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';
/** Resource types the collector does not track (they cannot own anything and are not owned). */
const IGNORED = new Set(['events', 'bindings', 'componentstatuses']);

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector-controller';
  private readonly nodes = new Map<string, GraphNode>();
  private readonly dependents = new Map<string, Set<string>>();
  private resources: ApiResource[] = [];

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    this.resources = discover(context.client).filter((r) => r.verbs.includes('list') && r.verbs.includes('watch') && r.verbs.includes('delete') && !IGNORED.has(r.resource));
    for (const resource of this.resources) {
      context.informers.forResource(resource.group, resource.version, resource.resource).addHandler({
        onAdd: (o) => this.observe(resource, o, enqueue),
        onUpdate: (_old, o) => this.observe(resource, o, enqueue),
        onDelete: (o) => this.forget(o, enqueue),
      });
    }
  }

  private observe(resource: ApiResource, object: KubeObject, enqueue: (key: string) => void): void {
    const uid = String(object.metadata.uid);
    const previous = this.nodes.get(uid);
    const refs = object.metadata.ownerReferences ?? [];
    const sameRefs = previous !== undefined && sameReferences(previous.object.metadata.ownerReferences, object.metadata.ownerReferences);
    // Re-added even when unchanged: the order of each owner's dependents (last changed last) is what foreground and orphan deletion walk.
    for (const ref of previous?.object.metadata.ownerReferences ?? []) this.dependents.get(ref.uid)?.delete(uid);
    this.nodes.set(uid, { uid, resource, object });
    for (const ref of refs) {
      let set = this.dependents.get(ref.uid);
      if (!set) this.dependents.set(ref.uid, (set = new Set()));
      set.add(uid);
      // An owner waiting in foreground deletion re-checks when a dependent changes.
      if (this.nodes.get(ref.uid)?.object.metadata.deletionTimestamp) enqueue(ref.uid);
    }
    const finalizers = object.metadata.finalizers ?? [];
    if (object.metadata.deletionTimestamp && (finalizers.includes(FOREGROUND) || finalizers.includes(ORPHAN))) enqueue(uid);
    // Owners are checked when the object is first seen or its references change (the graph
    // builder's reference diffs); an owner going away re-queues its dependents (forget).
    if (refs.length > 0 && !sameRefs) enqueue(uid);
  }

  private forget(object: KubeObject, enqueue: (key: string) => void): void {
    const uid = String(object.metadata.uid);
    this.nodes.delete(uid);
    for (const ref of object.metadata.ownerReferences ?? []) {
      this.dependents.get(ref.uid)?.delete(uid);
      if (this.nodes.has(ref.uid)) enqueue(ref.uid);
    }
    for (const dependent of this.dependents.get(uid) ?? []) enqueue(dependent);
  }

  reconcile(uid: string, context: ControllerContext): ReconcileResult {
    const node = this.nodes.get(uid);
    if (!node) return DONE;
    const object = node.object;
    const finalizers = object.metadata.finalizers ?? [];
    if (object.metadata.deletionTimestamp && finalizers.includes(ORPHAN)) return this.orphanDependents(node, context);
    if (object.metadata.deletionTimestamp && finalizers.includes(FOREGROUND)) return this.deleteDependentsInForeground(node, context);
    return this.collectIfOwnersGone(node, context);
  }

  private refOf(node: GraphNode) {
    const r = node.resource;
    return { group: r.group, version: r.version, resource: r.resource, namespace: r.namespaced ? node.object.metadata.namespace : undefined, name: String(node.object.metadata.name) };
  }

  /** Is this owner reference's object still there (same uid)? Checked live, as the real collector does. */
  private ownerExists(owner: OwnerReference, dependent: GraphNode, context: ControllerContext): boolean {
    const slash = owner.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : owner.apiVersion.slice(0, slash);
    const resource = this.resources.find((r) => r.group === group && r.kind === owner.kind);
    if (!resource) return false;
    const got = context.client.get({ group: resource.group, version: resource.version, resource: resource.resource, namespace: resource.namespaced ? dependent.object.metadata.namespace : undefined, name: owner.name });
    return got.ok && got.value.metadata.uid === owner.uid;
  }

  private collectIfOwnersGone(node: GraphNode, context: ControllerContext): ReconcileResult {
    const owners = node.object.metadata.ownerReferences ?? [];
    if (owners.length === 0 || node.object.metadata.deletionTimestamp) return DONE;
    const alive = owners.filter((o) => this.ownerExists(o, node, context));
    if (alive.length === owners.length) {
      // Owners exist. A blocking dependent of an owner deleted in foreground is deleted now, also in foreground.
      const waiting = owners.some((o) => o.blockOwnerDeletion === true && this.isDeletingInForeground(o.uid));
      if (!waiting) return DONE;
      return this.delete(node, context, 'Foreground');
    }
    if (alive.length > 0) {
      const r = context.client.patch(this.refOf(node), 'merge', { metadata: { ownerReferences: alive, uid: node.uid } });
      return r.ok || r.code === 404 ? DONE : { kind: 'retry', reason: r.status.message ?? 'patch failed' };
    }
    const foregroundOwner = owners.some((o) => this.isDeletingInForeground(o.uid));
    return this.delete(node, context, foregroundOwner ? 'Foreground' : 'Background');
  }

  private isDeletingInForeground(uid: string): boolean {
    const owner = this.nodes.get(uid)?.object;
    return owner !== undefined && owner.metadata.deletionTimestamp !== undefined && (owner.metadata.finalizers ?? []).includes(FOREGROUND);
  }

  private delete(node: GraphNode, context: ControllerContext, propagationPolicy: 'Background' | 'Foreground'): ReconcileResult {
    const r = context.client.delete(this.refOf(node), { propagationPolicy, preconditions: { uid: node.uid } });
    return r.ok || r.code === 404 || r.code === 409 ? DONE : { kind: 'retry', reason: r.status.message ?? 'delete failed' };
  }

  private deleteDependentsInForeground(node: GraphNode, context: ControllerContext): ReconcileResult {
    const blocking: GraphNode[] = [];
    for (const uid of this.dependents.get(node.uid) ?? []) {
      const dependent = this.nodes.get(uid);
      if (!dependent) continue;
      const ref = (dependent.object.metadata.ownerReferences ?? []).find((o) => o.uid === node.uid);
      if (!dependent.object.metadata.deletionTimestamp) {
        const r = this.delete(dependent, context, 'Foreground');
        if (r.kind === 'retry') return r;
      }
      if (ref?.blockOwnerDeletion === true) blocking.push(dependent);
    }
    if (blocking.length > 0) return DONE; // re-queued when a dependent changes or goes away
    return this.removeFinalizer(node, context, FOREGROUND);
  }

  private orphanDependents(node: GraphNode, context: ControllerContext): ReconcileResult {
    for (const uid of [...(this.dependents.get(node.uid) ?? [])]) {
      const dependent = this.nodes.get(uid);
      if (!dependent) continue;
      const remaining = (dependent.object.metadata.ownerReferences ?? []).filter((o) => o.uid !== node.uid);
      const r = context.client.patch(this.refOf(dependent), 'merge', { metadata: { ownerReferences: remaining.length ? remaining : null, uid } });
      if (!r.ok && r.code !== 404) return { kind: 'retry', reason: r.status.message ?? 'orphan failed' };
    }
    return this.removeFinalizer(node, context, ORPHAN);
  }

  private removeFinalizer(node: GraphNode, context: ControllerContext, finalizer: string): ReconcileResult {
    const current = context.client.get(this.refOf(node));
    if (!current.ok) return DONE;
    const finalizers = (current.value.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    const r = context.client.patch(this.refOf(node), 'merge', { metadata: { finalizers: finalizers.length ? finalizers : null, resourceVersion: current.value.metadata.resourceVersion } });
    return r.ok || r.code === 404 ? DONE : { kind: 'retry', reason: r.status.message ?? 'finalizer removal failed' };
  }
}

function sameReferences(a: readonly OwnerReference[] | undefined, b: readonly OwnerReference[] | undefined): boolean {
  return a === b || sameJson(a ?? [], b ?? []);
}
