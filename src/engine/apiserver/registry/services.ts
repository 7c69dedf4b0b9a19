/** Service defaulting, ClusterIP/NodePort allocation and basic validation. */
import { isRecord } from '../../api/meta';
import { invalid, required, type FieldError } from '../field-errors';
import type { ResourceStrategy } from './strategy';
import { validateObjectMeta } from './object-meta';

export const serviceStrategy: ResourceStrategy = {
  hasStatusSubresource: true,
  applyDefaults(object) {
    const spec = isRecord(object.spec) ? object.spec : (object.spec = {});
    const s = spec;
    s.type ??= 'ClusterIP';
    s.sessionAffinity ??= 'None';
    if (s.type !== 'ExternalName') {
      s.ipFamilies ??= ['IPv4'];
      s.ipFamilyPolicy ??= 'SingleStack';
      s.internalTrafficPolicy ??= 'Cluster';
    }
    if (s.type === 'NodePort' || s.type === 'LoadBalancer') s.externalTrafficPolicy ??= 'Cluster';
    if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
    if (Array.isArray(s.ports)) {
      for (const p of s.ports) {
        if (!isRecord(p)) continue;
        p.protocol ??= 'TCP';
        if (p.targetPort === undefined) p.targetPort = p.port;
      }
    }
    if (!isRecord(object.status)) object.status = { loadBalancer: {} };
  },
  prepareForCreate(object, context) {
    const spec = object.spec as Record<string, unknown>;
    object.status = { loadBalancer: {} };
    const problems: FieldError[] = [];
    if (spec.type !== 'ExternalName' && spec.clusterIP !== 'None') {
      const requested = typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? spec.clusterIP : undefined;
      const r = context.allocateClusterIP(requested);
      if ('error' in r) problems.push(invalid('spec.clusterIPs', [requested ?? ''], r.error));
      else {
        spec.clusterIP = r.ip;
        spec.clusterIPs = [r.ip];
      }
    } else if (spec.clusterIP === 'None') spec.clusterIPs = ['None'];
    if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && Array.isArray(spec.ports)) {
      spec.ports.forEach((p, i) => {
        if (!isRecord(p)) return;
        const r = context.allocateNodePort(typeof p.nodePort === 'number' ? p.nodePort : undefined);
        if ('error' in r) problems.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, r.error));
        else p.nodePort = r.port;
      });
    }
    return problems;
  },
  afterDelete(object, context) {
    const spec = isRecord(object.spec) ? object.spec : {};
    if (typeof spec.clusterIP === 'string' && spec.clusterIP !== 'None' && spec.clusterIP !== '') context.releaseClusterIP(spec.clusterIP);
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) if (isRecord(p) && typeof p.nodePort === 'number') context.releaseNodePort(p.nodePort);
  },
  validate(object) {
    const problems = validateObjectMeta(object);
    const spec = isRecord(object.spec) ? object.spec : {};
    const ports = Array.isArray(spec.ports) ? spec.ports : [];
    if (ports.length === 0 && spec.clusterIP !== 'None' && spec.type !== 'ExternalName') problems.push(required('spec.ports'));
    ports.forEach((p, i) => {
      const port = isRecord(p) ? p.port : undefined;
      if (typeof port !== 'number' || port < 1 || port > 65535) problems.push(invalid(`spec.ports[${i}].port`, port, 'must be between 1 and 65535, inclusive'));
    });
    return problems;
  },
};
