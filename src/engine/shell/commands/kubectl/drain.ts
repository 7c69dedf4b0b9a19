/**
 * `kubectl drain NODE`: cordons the node, sorts its pods through kubectl's filters (DaemonSet
 * pods, mirror pods, local storage, pods without a controller), then evicts the rest through
 * pods/eviction, retrying every 5 s while a PodDisruptionBudget says no, and waits (polling each
 * second, in virtual time) until every evicted pod is gone.
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import { bool, int, str, type FlagSpec } from '../../../kubectl/flags';
import { setUnschedulable } from './cordon';
import { DRY_RUN_FLAG, dryRunOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';
import type { VerbResult } from './index';
import { parseDuration } from './wait';

export const DRAIN_FLAGS: FlagSpec[] = [
  { name: 'ignore-daemonsets', type: 'bool' },
  { name: 'delete-emptydir-data', type: 'bool' },
  { name: 'delete-local-data', type: 'bool' },
  { name: 'force', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'timeout', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'pod-selector', type: 'string' },
  { name: 'disable-eviction', type: 'bool' },
  { name: 'skip-wait-for-delete-timeout', type: 'int' },
  { name: 'chunk-size', type: 'int' },
  DRY_RUN_FLAG,
];

const DS_ERROR = 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DS_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_ERROR = 'cannot delete Pods with local storage (use --delete-emptydir-data to override)';
const UNMANAGED_ERROR = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

type Verdict = { delete: boolean; kind: 'ok' | 'skip' | 'warning' | 'error'; message?: string };

function podFilters(k: KubectlContext, pod: KubeObject, daemonSetExists: (ns: string, name: string) => string | undefined): Verdict {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const status = isRecord(pod.status) ? pod.status : {};
  const controller = (pod.metadata.ownerReferences ?? []).find((o) => o.controller === true);
  const finished = status.phase === 'Succeeded' || status.phase === 'Failed';
  // Filters run in kubectl's order; the first that keeps the pod decides, otherwise the last one's
  // verdict stands (so the local-storage warning is overwritten by the controller check, as there).
  if (controller?.kind === 'DaemonSet' && !finished) {
    const missing = daemonSetExists(String(pod.metadata.namespace), controller.name);
    if (missing !== undefined) {
      if (bool(k.flags, 'force')) return { delete: true, kind: 'warning', message: missing };
      return { delete: false, kind: 'error', message: missing };
    }
    if (bool(k.flags, 'ignore-daemonsets')) return { delete: false, kind: 'warning', message: DS_WARNING };
    return { delete: false, kind: 'error', message: DS_ERROR };
  }
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return { delete: false, kind: 'skip' };
  const local = (Array.isArray(spec.volumes) ? spec.volumes : []).some((v) => isRecord(v) && v.emptyDir !== undefined);
  if (local && !finished && !bool(k.flags, 'delete-emptydir-data') && !bool(k.flags, 'delete-local-data')) return { delete: false, kind: 'error', message: LOCAL_ERROR };
  if (!controller && !finished) {
    if (!bool(k.flags, 'force')) return { delete: false, kind: 'error', message: UNMANAGED_ERROR };
    return { delete: true, kind: 'warning', message: UNMANAGED_WARNING };
  }
  return { delete: true, kind: 'ok' };
}

/** "message: ns/a, ns/b" per message, joined with "; " (PodDeleteList.Warnings / errors). */
function grouped(entries: { message: string; pod: KubeObject }[]): string[] {
  const by = new Map<string, string[]>();
  for (const e of entries) by.set(e.message, [...(by.get(e.message) ?? []), `${String(e.pod.metadata.namespace)}/${String(e.pod.metadata.name)}`]);
  return [...by].map(([message, pods]) => `${message}: ${pods.join(', ')}`);
}

export function runDrain(k: KubectlContext): VerbResult {
  const names = k.flags.positional;
  if (names.length === 0) {
    k.err("error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n");
    return 1;
  }
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  const timeoutText = str(k.flags, 'timeout');
  const timeoutMs = timeoutText ? parseDuration(timeoutText) : 0;
  if (timeoutMs === undefined) {
    k.err(`error: invalid argument "${timeoutText ?? ''}" for "--timeout" flag: time: invalid duration "${timeoutText ?? ''}"\n`);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const name = names[0] as string;
  if (!setUnschedulable(k, name, true, dryRun)) return 1;
  const query: Record<string, string> = { fieldSelector: `spec.nodeName=${name}` };
  const podSelector = str(k.flags, 'pod-selector');
  if (podSelector) query.labelSelector = podSelector;
  const list = conn.client.list({ group: '', version: 'v1', resource: 'pods' }, query);
  if (!list.ok) {
    k.err(statusLine(list.status) + '\n');
    return 1;
  }
  const errors: { message: string; pod: KubeObject }[] = [];
  const warnings: { message: string; pod: KubeObject }[] = [];
  const toEvict: KubeObject[] = [];
  for (const pod of list.value.items) {
    const v = podFilters(k, pod, (ns, dsName) => {
      const ds = conn.client.get({ group: 'apps', version: 'v1', resource: 'daemonsets', namespace: ns, name: dsName });
      return ds.ok ? undefined : (ds.status.message ?? '');
    });
    if (v.kind === 'error') errors.push({ message: v.message ?? '', pod });
    if (v.kind === 'warning') warnings.push({ message: v.message ?? '', pod });
    if (v.delete) toEvict.push(pod);
  }
  if (errors.length > 0) {
    // Messages not starting with "cannot delete" get it prefixed (PodDeleteList.errors); several
    // errors print as Go's aggregate, `[a, b]`, on the first line and one per line at the end.
    const text = grouped(errors.map((e) => ({ ...e, message: e.message.toLowerCase().startsWith('cannot delete') ? e.message : `cannot delete ${e.message}` })));
    const aggregate = text.length > 1 ? `[${text.join(', ')}]` : (text[0] ?? '');
    k.err(`error: unable to drain node "${name}" due to error: ${aggregate}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${text.join('\n')}\n`);
    return 1;
  }
  if (warnings.length > 0) k.err(`Warning: ${grouped(warnings).join('; ')}\n`);
  if (dryRun === 'client') {
    for (const pod of toEvict) k.out(`evicting pod ${String(pod.metadata.namespace)}/${String(pod.metadata.name)} (dry run)\n`);
    k.out(`node/${name} drained (dry run)\n`);
    return 0;
  }
  if (toEvict.length === 0) {
    k.out(`node/${name} drained\n`);
    return 0;
  }
  const grace = int(k.flags, 'grace-period');
  const loop = k.shell.machine.loop;
  const deadline = timeoutMs > 0 ? loop.nowMs() + timeoutMs : Infinity;
  const timeoutShown = goDuration(timeoutMs);
  const podsForDeletion = (): KubeObject[] => {
    const again = conn.client.list({ group: '', version: 'v1', resource: 'pods' }, query);
    return again.ok ? again.value.items.filter((p) => podFilters(k, p, () => undefined).delete) : [];
  };
  return {
    wait(finish) {
      const timers = new Set<ReturnType<typeof loop.after>>();
      let remaining = toEvict.length;
      const failures: string[] = [];
      const later = (ms: number, label: string, fn: () => void) => {
        const t = loop.after(ms, label, () => {
          timers.delete(t);
          fn();
        });
        timers.add(t);
      };
      // Every pod settles once (evicted and gone, or failed); the node's outcome is printed then.
      const settle = (failure?: string) => {
        if (failure) failures.push(failure);
        remaining--;
        if (remaining > 0) return;
        if (failures.length === 0) {
          k.out(`node/${name} drained\n`);
          finish(0);
          return;
        }
        const aggregate = failures.length > 1 ? `[${failures.join(', ')}]` : (failures[0] ?? '');
        const pending = podsForDeletion();
        if (pending.length > 0) k.err(`There are pending pods in node "${name}" when an error occurred: ${aggregate}\n${pending.map((p) => `pod/${String(p.metadata.name)}\n`).join('')}`);
        k.err(`error: unable to drain node "${name}" due to error: ${aggregate}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${failures.join('\n')}\n`);
        finish(1);
      };
      const podRef = (pod: KubeObject) => ({ group: '', version: 'v1', resource: 'pods', namespace: String(pod.metadata.namespace), name: String(pod.metadata.name) });
      // waitForDelete: polls every second until the pod (this uid) is gone.
      const waitGone = (pod: KubeObject) => {
        const r = conn.client.get(podRef(pod));
        if (!r.ok || r.value.metadata.uid !== pod.metadata.uid) {
          k.out(`pod/${String(pod.metadata.name)} evicted\n`);
          settle();
          return;
        }
        if (loop.nowMs() >= deadline) {
          settle(`error when waiting for pod "${String(pod.metadata.name)}" in namespace "${String(pod.metadata.namespace)}" to terminate: global timeout reached: ${timeoutShown}`);
          return;
        }
        later(1000, 'kubectl drain wait for delete', () => waitGone(pod));
      };
      // Every attempt announces itself, so a budget that keeps saying no shows as repeated pairs.
      const evict = (pod: KubeObject) => {
        const ref = podRef(pod);
        k.out(`evicting pod ${ref.namespace}/${ref.name}\n`);
        if (loop.nowMs() >= deadline) {
          settle(`error when evicting pods/"${ref.name}" -n "${ref.namespace}": global timeout reached: ${timeoutShown}`);
          return;
        }
        let r;
        if (bool(k.flags, 'disable-eviction')) {
          r = conn.client.delete(ref, grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {});
        } else {
          const body: Record<string, unknown> = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: ref.name, namespace: ref.namespace } };
          if (grace !== undefined && grace >= 0) body.deleteOptions = { gracePeriodSeconds: grace };
          r = conn.client.create({ ...ref, subresource: 'eviction' }, body);
        }
        if (r.ok) {
          waitGone(pod);
          return;
        }
        if (r.code === 404) {
          settle();
          return;
        }
        if (r.code === 429) {
          k.err(`error when evicting pods/"${ref.name}" -n "${ref.namespace}" (will retry after 5s): ${r.status.message ?? ''}\n`);
          later(5000, 'kubectl drain eviction retry', () => evict(pod));
          return;
        }
        settle(`error when evicting pods/"${ref.name}" -n "${ref.namespace}": ${r.status.message ?? ''}`);
      };
      for (const pod of toEvict) evict(pod);
      return () => {
        for (const t of timers) loop.cancel(t);
      };
    },
  };
}

/** Go's time.Duration.String for whole seconds and minutes: `20s`, `1m0s`, `1h0m0s`. */
function goDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  if (h > 0) return `${h}h${m}m${sec}s`;
  if (m > 0) return `${m}m${sec}s`;
  return `${sec}s`;
}
