/**
 * namespace-controller: when a Namespace is being deleted, deletes everything in it, reports
 * progress in the Namespace's conditions, and finally removes the `kubernetes` finalizer so the
 * API server can delete the Namespace itself.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { formatRfc3339 } from '../../api/time';
import { discover } from '../../client/discovery';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

/** How long to wait before checking again while content is still terminating. */
export const CONTENT_RECHECK_MS = 1_000;

function condition(type: string, status: 'True' | 'False', reason: string, message: string, now: string): Record<string, unknown> {
  return { lastTransitionTime: now, message, reason, status, type };
}

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    context.informers.forResource('', 'v1', 'namespaces').addHandler({
      onAdd: (ns) => enqueue(String(ns.metadata.name)),
      onUpdate: (_old, ns) => enqueue(String(ns.metadata.name)),
    });
  }

  reconcile(name: string, context: ControllerContext): ReconcileResult {
    const ns = context.informers.forResource('', 'v1', 'namespaces').get(name);
    if (!ns || !ns.metadata.deletionTimestamp) return DONE;
    const { client } = context;
    const remaining: { resource: string; count: number }[] = [];
    for (const r of discover(client)) {
      if (!r.namespaced || !r.verbs.includes('list') || !r.verbs.includes('deletecollection')) continue;
      if (r.group === 'events.k8s.io') continue; // the same objects as core events
      const ref = { group: r.group, version: r.version, resource: r.resource, namespace: name };
      const listed = client.list(ref);
      if (!listed.ok || listed.value.items.length === 0) continue;
      client.raw({ method: 'DELETE', path: `${r.group === '' ? '/api/v1' : `/apis/${r.group}/${r.version}`}/namespaces/${name}/${r.resource}`, body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' } });
      const after = client.list(ref);
      if (after.ok && after.value.items.length > 0) remaining.push({ resource: r.group ? `${r.resource}.${r.group}` : r.resource, count: after.value.items.length });
    }
    const now = formatRfc3339(context.loop.nowMs());
    if (remaining.length > 0) {
      const list = remaining.map((x) => x.resource).sort().join(', ');
      const counts = remaining.map((x) => `${x.resource} has ${x.count} resource instances`).join(', ');
      this.setConditions(context, ns, [
        condition('NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered', now),
        condition('NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed', now),
        condition('NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization', now),
        condition('NamespaceContentRemaining', 'True', 'SomeResourcesRemain', `Some resources are remaining: ${list}. ${counts}`.replace(/, (\w[\w.]* has)/g, ', $1'), now),
        condition('NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished', now),
      ]);
      return { kind: 'requeueAfter', delayMs: CONTENT_RECHECK_MS };
    }
    const spec = isRecord(ns.spec) ? ns.spec : {};
    const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers.filter((f) => f !== 'kubernetes') : [];
    const r = client.update({ group: '', version: 'v1', resource: 'namespaces', name, subresource: 'finalize' }, { ...ns, spec: { ...spec, finalizers } });
    return r.ok || r.code === 404 ? DONE : { kind: 'retry', reason: r.status.message ?? 'finalize failed' };
  }

  private setConditions(context: ControllerContext, ns: KubeObject, conditions: Record<string, unknown>[]): void {
    const status = isRecord(ns.status) ? ns.status : {};
    const previous = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
    // Keep transition times of conditions whose status did not change.
    const merged = conditions.map((c) => {
      const old = previous.find((p) => p.type === c.type);
      return old && old.status === c.status && old.message === c.message ? old : c;
    });
    if (JSON.stringify(merged) === JSON.stringify(previous)) return;
    context.client.update({ group: '', version: 'v1', resource: 'namespaces', name: String(ns.metadata.name), subresource: 'status' }, { ...ns, status: { ...status, conditions: merged } });
  }
}
