/**
 * The admission plugins that look at other objects of the namespace, in kube-apiserver's order:
 * LimitRanger mutates before the registry prepares and validates the object; LimitRanger's
 * checks and then ResourceQuota validate after. (Per-resource plugins such as Priority and
 * ServiceAccount live in the resource's registry strategy.)
 */
import type { ResourceType } from '../../api/resources';
import type { KubeObject } from '../../api/meta';
import type { StrategyContext } from '../registry/strategy';
import { applyLimitRangeDefaults, validateAgainstLimitRanges } from './limit-ranger';
import { admitToQuotas, type QuotaCharge } from './resource-quota';

export type { QuotaCharge } from './resource-quota';

export function mutatingAdmission(type: ResourceType, object: KubeObject, namespace: string | undefined, context: StrategyContext): void {
  if (type.group === '' && type.resource === 'pods' && namespace) applyLimitRangeDefaults(object, context.list('', 'limitranges', namespace));
}

export function validatingAdmission(type: ResourceType, object: KubeObject, namespace: string | undefined, context: StrategyContext): { refused: string } | { charges: QuotaCharge[] } {
  if (!type.namespaced || !namespace) return { charges: [] };
  if (type.group === '' && (type.resource === 'pods' || type.resource === 'persistentvolumeclaims')) {
    const refused = validateAgainstLimitRanges(type.resource, object, context.list('', 'limitranges', namespace));
    if (refused) return { refused };
  }
  const quotas = context.list('', 'resourcequotas', namespace);
  return quotas.length ? admitToQuotas(type.group, type.resource, object, quotas) : { charges: [] };
}
