/**
 * resourcequota-controller (pkg/controller/resourcequota): publishes each quota's hard limits in
 * its status and recounts what the namespace uses of them. It recounts when a quota changes,
 * when something that used quota goes away (a deleted object, a pod that finished: the
 * "replenishment" path), and every five minutes (--resource-quota-sync-period). Creates need no
 * recount: the admission plugin charges them as they happen.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { addUsage, formatAmount, objectUsage, podCountsAgainstQuota, quotaResourceMatches, quotaScopesMatch, type Usage } from '../../api/quota';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

const FULL_RESYNC_MS = 5 * 60 * 1000;

/** The objects whose usage the controller counts, as informers it keeps. */
const COUNTED: readonly { group: string; version: string; resource: string }[] = [
  { group: '', version: 'v1', resource: 'pods' },
  { group: '', version: 'v1', resource: 'services' },
  { group: '', version: 'v1', resource: 'configmaps' },
  { group: '', version: 'v1', resource: 'secrets' },
  { group: '', version: 'v1', resource: 'persistentvolumeclaims' },
  { group: '', version: 'v1', resource: 'replicationcontrollers' },
  { group: '', version: 'v1', resource: 'resourcequotas' },
  { group: 'apps', version: 'v1', resource: 'deployments' },
  { group: 'apps', version: 'v1', resource: 'replicasets' },
  { group: 'apps', version: 'v1', resource: 'statefulsets' },
  { group: 'apps', version: 'v1', resource: 'daemonsets' },
  { group: 'batch', version: 'v1', resource: 'jobs' },
  { group: 'batch', version: 'v1', resource: 'cronjobs' },
];

const QUOTAS = { group: '', version: 'v1', resource: 'resourcequotas' } as const;

export class ResourceQuotaController implements Controller {
  readonly name = 'resourcequota-controller';

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    const quotas = context.informers.forResource(QUOTAS.group, QUOTAS.version, QUOTAS.resource);
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    quotas.addHandler({
      onAdd: (q) => enqueue(keyOf(q)),
      onUpdate: (old, q) => {
        if (JSON.stringify(old.spec) !== JSON.stringify(q.spec)) enqueue(keyOf(q));
      },
    });
    const replenish = (object: KubeObject) => {
      for (const q of quotas.list()) if (q.metadata.namespace === object.metadata.namespace) enqueue(keyOf(q));
    };
    for (const ref of COUNTED) {
      const handler = ref.resource === 'pods'
        ? { onDelete: replenish, onUpdate: (old: KubeObject, pod: KubeObject) => (podCountsAgainstQuota(old) && !podCountsAgainstQuota(pod) ? replenish(pod) : undefined) }
        : { onDelete: replenish };
      context.informers.forResource(ref.group, ref.version, ref.resource).addHandler(handler);
    }
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const quota = context.informers.forResource(QUOTAS.group, QUOTAS.version, QUOTAS.resource).get(key);
    if (!quota) return DONE;
    const namespace = text(quota.metadata.namespace);
    const hard = isRecord(quota.spec) && isRecord(quota.spec.hard) ? quota.spec.hard : {};
    const names = Object.keys(hard);
    const total: Usage = new Map();
    for (const ref of COUNTED) {
      if (!names.some((n) => quotaResourceMatches(ref.group, ref.resource, n))) continue;
      for (const object of context.informers.forResource(ref.group, ref.version, ref.resource).list()) {
        if (object.metadata.namespace !== namespace || !quotaScopesMatch(quota, ref.group, ref.resource, object)) continue;
        addUsage(total, objectUsage(ref.group, ref.resource, object));
      }
    }
    const used: Record<string, string> = {};
    for (const n of names) {
      const amount = total.get(n);
      used[n] = amount ? formatAmount(amount) : '0';
    }
    const status = { hard: { ...hard }, used };
    if (JSON.stringify(quota.status ?? {}) !== JSON.stringify(status)) {
      const r = context.client.update({ ...QUOTAS, namespace, name: text(quota.metadata.name), subresource: 'status' }, { ...quota, status });
      if (!r.ok) return { kind: 'retry', reason: 'ResourceQuota status update failed' };
    }
    return { kind: 'requeueAfter', delayMs: FULL_RESYNC_MS };
  }
}
