/**
 * networking.k8s.io/v1 NetworkPolicy (pkg/registry/networking/networkpolicy and the v1 defaults):
 * `policyTypes` defaults to Ingress, plus Egress when egress rules are given; each rule's port
 * protocol defaults to TCP; the generation starts at 1 and moves with the spec.
 */
import { isRecord } from '../../api/meta';
import { validateObjectMeta } from './object-meta';
import type { ResourceStrategy } from './strategy';

function defaultPorts(rules: unknown): void {
  for (const rule of Array.isArray(rules) ? rules.filter(isRecord) : []) {
    for (const port of Array.isArray(rule.ports) ? rule.ports.filter(isRecord) : []) port.protocol ??= 'TCP';
  }
}

export const networkPolicyStrategy: ResourceStrategy = {
  validate: validateObjectMeta,
  applyDefaults(object) {
    const spec = isRecord(object.spec) ? object.spec : {};
    defaultPorts(spec.ingress);
    defaultPorts(spec.egress);
    if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
    spec.podSelector ??= {};
    object.spec = spec;
  },
  prepareForCreate(object) {
    object.metadata.generation = 1;
  },
  prepareForUpdate(next, previous) {
    const changed = JSON.stringify(next.spec) !== JSON.stringify(previous.spec);
    next.metadata.generation = (previous.metadata.generation ?? 1) + (changed ? 1 : 0);
  },
};
