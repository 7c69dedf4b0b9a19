/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger). Mutating: containers that
 * do not say their requests or limits get the namespace's LimitRange defaults, and the pod is
 * annotated with what was set. Validating: container, pod and PersistentVolumeClaim amounts must
 * lie within each LimitRange's min, max and maxLimitRequestRatio.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { canonicalQuantity, parseQuantityMilli } from '../../api/quantity';
import { addUsage, formatAmount, parseResourceList, type Usage } from '../../api/quota';

type ResourceList = Record<string, unknown>;

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function limitItems(range: KubeObject, type: string): Record<string, unknown>[] {
  const limits = rec(range.spec).limits;
  return (Array.isArray(limits) ? limits : []).filter(isRecord).filter((l) => l.type === type);
}

function containersOf(spec: Record<string, unknown>): { list: Record<string, unknown>[]; prefix: string }[] {
  const list = (v: unknown) => (Array.isArray(v) ? v : []).filter(isRecord);
  return [
    { list: list(spec.containers), prefix: 'container' },
    { list: list(spec.initContainers), prefix: 'init container' },
  ];
}

/** SetDefaults_LimitRangeItem: a Container item's default limit falls back to max, its default request to the default limit, then to min. */
export function defaultLimitRangeItems(range: KubeObject): void {
  for (const item of limitItems(range, 'Container')) {
    const fill = (into: string, from: string) => {
      const target = rec(item[into]);
      for (const [k, v] of Object.entries(rec(item[from]))) if (!(k in target)) target[k] = v;
      item[into] = target;
    };
    fill('default', 'max');
    fill('defaultRequest', 'default');
    fill('defaultRequest', 'min');
  }
}

/** Applies each LimitRange's container defaults to a new pod, as the plugin's Admit does. */
export function applyLimitRangeDefaults(pod: KubeObject, ranges: readonly KubeObject[]): void {
  const spec = rec(pod.spec);
  for (const range of ranges) {
    const defaults = { limits: {} as ResourceList, requests: {} as ResourceList };
    for (const item of limitItems(range, 'Container')) {
      Object.assign(defaults.limits, rec(item.default));
      Object.assign(defaults.requests, rec(item.defaultRequest));
    }
    const notes: string[] = [];
    for (const { list, prefix } of containersOf(spec)) {
      for (const c of list) {
        const resources = rec(c.resources);
        const set = { limits: [] as string[], requests: [] as string[] };
        for (const which of ['limits', 'requests'] as const) {
          const current = rec(resources[which]);
          for (const [k, v] of Object.entries(defaults[which])) {
            if (k in current) continue;
            current[k] = v;
            set[which].push(k);
          }
          if (Object.keys(current).length) resources[which] = current;
        }
        c.resources = resources;
        if (set.requests.length) notes.push(`${set.requests.sort().join(', ')} request for ${prefix} ${text(c.name)}`);
        if (set.limits.length) notes.push(`${set.limits.sort().join(', ')} limit for ${prefix} ${text(c.name)}`);
      }
    }
    if (notes.length) pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), 'kubernetes.io/limit-ranger': `LimitRanger plugin set: ${notes.join('; ')}` };
  }
}

const milli = (v: unknown): bigint => parseQuantityMilli(typeof v === 'number' ? v : text(v));
const shown = (v: unknown): string => canonicalQuantity(typeof v === 'number' ? v : text(v));

function minConstraint(limitType: string, name: string, enforced: unknown, request: ResourceList, limit: ResourceList): string | undefined {
  if (!(name in request)) return `minimum ${name} usage per ${limitType} is ${shown(enforced)}.  No request is specified`;
  if (milli(request[name]) < milli(enforced)) return `minimum ${name} usage per ${limitType} is ${shown(enforced)}, but request is ${shown(request[name])}`;
  if (name in limit && milli(limit[name]) < milli(enforced)) return `minimum ${name} usage per ${limitType} is ${shown(enforced)}, but limit is ${shown(limit[name])}`;
  return undefined;
}

function maxConstraint(limitType: string, name: string, enforced: unknown, request: ResourceList, limit: ResourceList): string | undefined {
  if (!(name in limit)) return `maximum ${name} usage per ${limitType} is ${shown(enforced)}.  No limit is specified`;
  if (milli(limit[name]) > milli(enforced)) return `maximum ${name} usage per ${limitType} is ${shown(enforced)}, but limit is ${shown(limit[name])}`;
  if (name in request && milli(request[name]) > milli(enforced)) return `maximum ${name} usage per ${limitType} is ${shown(enforced)}, but request is ${shown(request[name])}`;
  return undefined;
}

function maxRequestConstraint(limitType: string, name: string, enforced: unknown, request: ResourceList): string | undefined {
  if (!(name in request)) return `maximum ${name} usage per ${limitType} is ${shown(enforced)}.  No request is specified`;
  if (milli(request[name]) > milli(enforced)) return `maximum ${name} usage per ${limitType} is ${shown(enforced)}, but request is ${shown(request[name])}`;
  return undefined;
}

function ratioConstraint(limitType: string, name: string, enforced: unknown, request: ResourceList, limit: ResourceList): string | undefined {
  const req = name in request ? milli(request[name]) : 0n;
  const lim = name in limit ? milli(limit[name]) : 0n;
  if (req === 0n) return `${name} max limit to request ratio per ${limitType} is ${shown(enforced)}, but no request is specified or request is 0`;
  if (lim === 0n) return `${name} max limit to request ratio per ${limitType} is ${shown(enforced)}, but no limit is specified or limit is 0`;
  const ratio = Number(lim) / Number(req);
  if (ratio * 1000 > Number(milli(enforced))) return `${name} max limit to request ratio per ${limitType} is ${shown(enforced)}, but provided ratio is ${ratio.toFixed(6)}`;
  return undefined;
}

function checkItem(item: Record<string, unknown>, limitType: string, request: ResourceList, limit: ResourceList, out: string[]): void {
  const each = (field: string, check: (name: string, enforced: unknown) => string | undefined) => {
    const bounds = rec(item[field]);
    for (const name of Object.keys(bounds).sort()) {
      const problem = check(name, bounds[name]);
      if (problem) out.push(problem);
    }
  };
  each('min', (n, e) => minConstraint(limitType, n, e, request, limit));
  each('max', (n, e) => maxConstraint(limitType, n, e, request, limit));
  each('maxLimitRequestRatio', (n, e) => ratioConstraint(limitType, n, e, request, limit));
}

/** Sums (and, for init containers, maxima) of a pod's container amounts, as the plugin computes pod totals. */
function podTotal(spec: Record<string, unknown>, which: 'requests' | 'limits'): ResourceList {
  const [apps, inits] = containersOf(spec);
  const total: Usage = new Map();
  for (const c of apps?.list ?? []) addUsage(total, parseResourceList(rec(c.resources)[which]));
  for (const c of inits?.list ?? []) {
    for (const [k, v] of parseResourceList(rec(c.resources)[which])) if (v.milli > (total.get(k)?.milli ?? 0n)) total.set(k, v);
  }
  const out: ResourceList = {};
  for (const [k, v] of total) out[k] = formatAmount(v);
  return out;
}

/** utilerrors.NewAggregate's message: one error as it is, several bracketed, duplicates dropped. */
function aggregate(errors: readonly string[]): string | undefined {
  const unique = [...new Set(errors)];
  if (unique.length === 0) return undefined;
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** The validating half, for pods and PersistentVolumeClaims: the refusal's text, if any. */
export function validateAgainstLimitRanges(resource: string, object: KubeObject, ranges: readonly KubeObject[]): string | undefined {
  const spec = rec(object.spec);
  for (const range of ranges) {
    const errors: string[] = [];
    if (resource === 'pods') {
      for (const item of limitItems(range, 'Container')) {
        for (const { list } of containersOf(spec)) for (const c of list) checkItem(item, 'Container', rec(rec(c.resources).requests), rec(rec(c.resources).limits), errors);
      }
      for (const item of limitItems(range, 'Pod')) checkItem(item, 'Pod', podTotal(spec, 'requests'), podTotal(spec, 'limits'), errors);
    } else if (resource === 'persistentvolumeclaims') {
      const requests = rec(rec(spec.resources).requests);
      for (const item of limitItems(range, 'PersistentVolumeClaim')) {
        for (const name of Object.keys(rec(item.min)).sort()) {
          const problem = minConstraint('PersistentVolumeClaim', name, rec(item.min)[name], requests, {});
          if (problem) errors.push(problem);
        }
        for (const name of Object.keys(rec(item.max)).sort()) {
          const problem = maxRequestConstraint('PersistentVolumeClaim', name, rec(item.max)[name], requests);
          if (problem) errors.push(problem);
        }
      }
    }
    const refused = aggregate(errors);
    if (refused) return refused;
  }
  return undefined;
}
