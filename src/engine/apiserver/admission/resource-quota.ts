/**
 * The ResourceQuota admission plugin (plugin/pkg/admission/resourcequota): a create in a namespace
 * with quotas is refused when the object would take any quota past its hard limits, or when a
 * quota on cpu or memory finds a container that does not state them. An accepted create is charged
 * to each quota's `status.used` straight away, so the next request sees it before the
 * resourcequota controller recounts.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { addUsage, formatAmount, formatResourceList, objectUsage, parseResourceList, podQuotaConstraints, quotaResourceMatches, quotaScopesMatch, type Usage } from '../../api/quota';

export interface QuotaCharge {
  quota: KubeObject;
  /** The quota's new `status.used`. */
  used: Record<string, string>;
}

function mask(usage: Usage, names: readonly string[]): Usage {
  return new Map([...usage].filter(([k]) => names.includes(k)));
}

/** Checks a create against the namespace's quotas: the charges to make, or the refusal's text. */
export function admitToQuotas(group: string, resource: string, object: KubeObject, quotas: readonly KubeObject[]): { refused: string } | { charges: QuotaCharge[] } {
  const applicable: { quota: KubeObject; restricted: string[] }[] = [];
  for (const quota of [...quotas].sort((a, b) => (text(a.metadata.name) < text(b.metadata.name) ? -1 : 1))) {
    // The plugin goes by the hard limits the controller has published in status: a quota it has
    // not synced yet limits nothing.
    const status = isRecord(quota.status) ? quota.status : {};
    const hard = isRecord(status.hard) ? status.hard : {};
    const used = isRecord(status.used) ? status.used : {};
    const restricted = Object.keys(hard).filter((name) => quotaResourceMatches(group, resource, name));
    if (restricted.length === 0 || !quotaScopesMatch(quota, group, resource, object)) continue;
    if (group === '' && resource === 'pods') {
      const missing = podQuotaConstraints(object, restricted);
      if (missing) return { refused: `failed quota: ${text(quota.metadata.name)}: ${missing}` };
    }
    if (restricted.some((r) => !(r in used))) return { refused: `status unknown for quota: ${text(quota.metadata.name)}, resources: ${[...restricted].sort().join(',')}` };
    applicable.push({ quota, restricted });
  }
  const delta = objectUsage(group, resource, object);
  const charges: QuotaCharge[] = [];
  for (const { quota, restricted } of applicable) {
    const status = isRecord(quota.status) ? quota.status : {};
    const used = parseResourceList(status.used);
    const hard = parseResourceList(status.hard);
    const requested = mask(delta, restricted);
    if (requested.size === 0) continue;
    const next = new Map(used);
    addUsage(next, requested);
    const exceeded = [...requested.keys()].filter((k) => (next.get(k)?.milli ?? 0n) > (hard.get(k)?.milli ?? 0n));
    if (exceeded.length) {
      return { refused: `exceeded quota: ${text(quota.metadata.name)}, requested: ${formatResourceList(mask(requested, exceeded))}, used: ${formatResourceList(mask(used, exceeded))}, limited: ${formatResourceList(mask(hard, exceeded))}` };
    }
    const out: Record<string, string> = {};
    for (const [k, v] of next) out[k] = formatAmount(v);
    charges.push({ quota, used: out });
  }
  return { charges };
}
