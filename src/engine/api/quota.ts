/**
 * What an object costs a ResourceQuota (pkg/quota/v1/evaluator/core): the resource names a quota
 * can limit for each kind of object, and the object's usage of them. The ResourceQuota admission
 * plugin charges this usage when an object is created; the resourcequota controller adds it up
 * from the stored objects.
 */
import type { KubeObject } from './meta';
import { isRecord, text } from './meta';
import { formatQuantityMilli, parseQuantityMilli, quantityFormat, type QuantityFormat } from './quantity';

/** A usage in milli-units, remembering the format its first term was written in. */
export interface Amount {
  milli: bigint;
  format: QuantityFormat;
}

export type Usage = Map<string, Amount>;

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function amount(value: unknown): Amount | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  try {
    return { milli: parseQuantityMilli(value), format: quantityFormat(value) };
  } catch {
    return undefined;
  }
}

const one = (): Amount => ({ milli: 1000n, format: 'DecimalSI' });

/** Quantity.Add: the sum keeps the first term's format, unless that term is zero. */
export function addUsage(into: Usage, from: Usage): void {
  for (const [k, v] of from) {
    const existing = into.get(k);
    into.set(k, existing ? { milli: existing.milli + v.milli, format: existing.milli === 0n ? v.format : existing.format } : { ...v });
  }
}

export function formatAmount(a: Amount): string {
  return formatQuantityMilli(a.milli, a.format);
}

/** Resources whose presence on every container a quota on cpu or memory demands (a historical coupling). */
export const COMPUTE_VALIDATION = ['cpu', 'limits.cpu', 'limits.memory', 'memory', 'requests.cpu', 'requests.memory'];

/** Legacy object-count names, by `<group>/<resource>`. */
const LEGACY_COUNTS: Record<string, string> = {
  '/pods': 'pods',
  '/services': 'services',
  '/configmaps': 'configmaps',
  '/secrets': 'secrets',
  '/persistentvolumeclaims': 'persistentvolumeclaims',
  '/replicationcontrollers': 'replicationcontrollers',
  '/resourcequotas': 'resourcequotas',
};

/** `count/<resource>` for the core group, `count/<resource>.<group>` otherwise. */
export function countResourceName(group: string, resource: string): string {
  return group === '' ? `count/${resource}` : `count/${resource}.${group}`;
}

/** Whether a quota resource name is one this kind of object can use. */
export function quotaResourceMatches(group: string, resource: string, name: string): boolean {
  if (name === countResourceName(group, resource) || name === LEGACY_COUNTS[`${group}/${resource}`]) return true;
  if (group !== '') return false;
  if (resource === 'pods') return ['cpu', 'memory', 'ephemeral-storage'].includes(name) || name.startsWith('requests.') || name.startsWith('limits.') || name.startsWith('hugepages-');
  if (resource === 'services') return name === 'services.nodeports' || name === 'services.loadbalancers';
  if (resource === 'persistentvolumeclaims') return name === 'requests.storage' || /\.storageclass\.storage\.k8s\.io\/(requests\.storage|persistentvolumeclaims)$/.test(name);
  return false;
}

function allContainers(spec: Record<string, unknown>): Record<string, unknown>[] {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
  return [...list(spec.containers), ...list(spec.initContainers)].filter(isRecord);
}

/** Requests or limits of a container, as a ResourceList. */
function containerList(c: Record<string, unknown>, which: 'requests' | 'limits'): Record<string, unknown> {
  return rec(rec(c.resources)[which]);
}

/**
 * The pod's effective requests or limits: the sum over app containers, or the largest init
 * container if that is more, plus the pod overhead (resourcehelper.PodRequests/PodLimits).
 */
function podResourceList(spec: Record<string, unknown>, which: 'requests' | 'limits'): Usage {
  const containers = (Array.isArray(spec.containers) ? spec.containers : []).filter(isRecord);
  const inits = (Array.isArray(spec.initContainers) ? spec.initContainers : []).filter(isRecord);
  const total: Usage = new Map();
  for (const c of containers) addUsage(total, listUsage(containerList(c, which)));
  for (const c of inits) {
    for (const [k, v] of listUsage(containerList(c, which))) {
      const current = total.get(k);
      if (!current || v.milli > current.milli) total.set(k, v);
    }
  }
  addUsage(total, listUsage(rec(spec.overhead)));
  return total;
}

function listUsage(list: Record<string, unknown>): Usage {
  const out: Usage = new Map();
  for (const [k, v] of Object.entries(list)) {
    const a = amount(v);
    if (a) out.set(k, a);
  }
  return out;
}

/** A pod in a terminal phase no longer counts against a quota. */
export function podCountsAgainstQuota(pod: KubeObject): boolean {
  const phase = rec(pod.status).phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/** podComputeUsageHelper: what a pod (or one container's requests and limits) uses. */
function computeUsage(requests: Usage, limits: Usage): Usage {
  const out: Usage = new Map([
    ['pods', one()],
    ['count/pods', one()],
  ]);
  for (const [k, v] of requests) {
    if (k === 'cpu' || k === 'memory' || k === 'ephemeral-storage') {
      out.set(k, v);
      out.set(`requests.${k}`, v);
    } else if (k.startsWith('hugepages-')) {
      out.set(k, v);
      out.set(`requests.${k}`, v);
    } else if (k.includes('/')) out.set(`requests.${k}`, v); // extended resources, e.g. requests.nvidia.com/gpu
  }
  for (const [k, v] of limits) if (k === 'cpu' || k === 'memory' || k === 'ephemeral-storage') out.set(`limits.${k}`, v);
  return out;
}

export function podUsage(pod: KubeObject): Usage {
  if (!podCountsAgainstQuota(pod)) return new Map();
  const spec = rec(pod.spec);
  return computeUsage(podResourceList(spec, 'requests'), podResourceList(spec, 'limits'));
}

/**
 * The pod evaluator's Constraints: with cpu or memory under quota, every container must say
 * its request and limit for them. Returns kubectl-visible text, or undefined when satisfied.
 */
export function podQuotaConstraints(pod: KubeObject, restricted: readonly string[]): string | undefined {
  const required = restricted.filter((r) => COMPUTE_VALIDATION.includes(r));
  if (required.length === 0) return undefined;
  const spec = rec(pod.spec);
  const missing = new Map<string, Set<string>>();
  for (const c of allContainers(spec)) {
    const has = computeUsage(listUsage(containerList(c, 'requests')), listUsage(containerList(c, 'limits')));
    for (const r of required) {
      if (has.has(r)) continue;
      const names = missing.get(r) ?? new Set<string>();
      names.add(text(c.name));
      missing.set(r, names);
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...(missing.get(r) ?? [])].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}

/** What one object uses of the resources a quota can name. */
export function objectUsage(group: string, resource: string, object: KubeObject): Usage {
  if (group === '' && resource === 'pods') return podUsage(object);
  const usage: Usage = new Map([[countResourceName(group, resource), one()]]);
  const legacy = LEGACY_COUNTS[`${group}/${resource}`];
  if (legacy) usage.set(legacy, one());
  if (group === '' && resource === 'services') {
    const spec = rec(object.spec);
    const ports = Array.isArray(spec.ports) ? spec.ports.length : 0;
    const type = text(spec.type) || 'ClusterIP';
    if (type === 'NodePort' || type === 'LoadBalancer') usage.set('services.nodeports', { milli: BigInt(ports) * 1000n, format: 'DecimalSI' });
    if (type === 'LoadBalancer') usage.set('services.loadbalancers', one());
  }
  if (group === '' && resource === 'persistentvolumeclaims') {
    const spec = rec(object.spec);
    const storage = amount(rec(rec(spec.resources).requests).storage);
    const className = text(spec.storageClassName);
    if (storage) usage.set('requests.storage', storage);
    if (className) {
      usage.set(`${className}.storageclass.storage.k8s.io/persistentvolumeclaims`, one());
      if (storage) usage.set(`${className}.storageclass.storage.k8s.io/requests.storage`, storage);
    }
  }
  return usage;
}

/** Whether a quota's scopes (BestEffort, NotBestEffort, Terminating, NotTerminating) select the object. */
export function quotaScopesMatch(quota: KubeObject, group: string, resource: string, object: KubeObject): boolean {
  const scopes = (Array.isArray(rec(quota.spec).scopes) ? (rec(quota.spec).scopes as unknown[]) : []).map(text);
  if (scopes.length === 0) return true;
  if (!(group === '' && resource === 'pods')) return false;
  const spec = rec(object.spec);
  const containers = allContainers(spec);
  const bestEffort = containers.every((c) => Object.keys(containerList(c, 'requests')).length === 0 && Object.keys(containerList(c, 'limits')).length === 0);
  const terminating = typeof spec.activeDeadlineSeconds === 'number';
  return scopes.every((s) => (s === 'BestEffort' ? bestEffort : s === 'NotBestEffort' ? !bestEffort : s === 'Terminating' ? terminating : s === 'NotTerminating' ? !terminating : true));
}

/** prettyPrint of a ResourceList: `name=value` pairs sorted by name, joined by commas. */
export function formatResourceList(list: Usage): string {
  return [...list.keys()]
    .sort()
    .map((k) => `${k}=${formatAmount(list.get(k) as Amount)}`)
    .join(',');
}

export function parseResourceList(list: unknown): Usage {
  return listUsage(rec(list));
}
