/** `kubectl describe` for Services (with their EndpointSlices) and Endpoints. */
import type { KubeObject } from '../../api/meta';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { int, rec, recs, searchEvents, str, stringMap, strs, writeAnnotations, writeEvents, writeLabels } from './format';
import { formatLabels } from './shared';

/** formatEndpointSlices: up to three ready `ip:port` of the named port, then ` + N more...`; `<none>` without slices. */
export function formatEndpointSlices(slices: readonly KubeObject[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  const ready = (e: Record<string, unknown>) => rec(e.conditions).ready !== false;
  for (const slice of slices) {
    const ports = recs(slice.ports);
    const endpoints = recs(slice.endpoints);
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(strs(e.addresses)[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if (str(port.name) !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        const address = strs(e.addresses)[0] ?? '';
        if (!ready(e)) continue;
        if (!more) list.push(address.includes(':') ? `[${address}]:${int(port.port)}` : `${address}:${int(port.port)}`);
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

/** buildIngressString: load balancer IPs (with their IP mode) or hostnames. */
function ingressText(status: unknown): string {
  return recs(rec(rec(status).loadBalancer).ingress)
    .map((i) => (str(i.ip) ? `${str(i.ip)}${typeof i.ipMode === 'string' ? ` (${i.ipMode})` : ''}` : str(i.hostname)))
    .join(', ');
}

export function describeService(service: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(service.spec);
  const name = str(service.metadata.name);
  const namespace = str(service.metadata.namespace);
  const slices = context.list('discovery.k8s.io', 'endpointslices', namespace || undefined, { labelSelector: `kubernetes.io/service-name=${name}` });
  w.write(0, `Name:\t${name}\n`);
  w.write(0, `Namespace:\t${namespace}\n`);
  writeLabels(w, 'Labels', service.metadata.labels);
  writeAnnotations(w, 'Annotations', service.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(stringMap(spec.selector))}\n`);
  w.write(0, `Type:\t${str(spec.type)}\n`);
  if (typeof spec.ipFamilyPolicy === 'string') w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  const families = strs(spec.ipFamilies);
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${str(spec.clusterIP)}\n`);
  const ips = strs(spec.clusterIPs);
  w.write(0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
  if (strs(spec.externalIPs).length > 0) w.write(0, `External IPs:\t${strs(spec.externalIPs).join(',')}\n`);
  if (str(spec.loadBalancerIP)) w.write(0, `Desired LoadBalancer IP:\t${str(spec.loadBalancerIP)}\n`);
  if (str(spec.externalName)) w.write(0, `External Name:\t${str(spec.externalName)}\n`);
  const ingress = ingressText(service.status);
  if (ingress) w.write(0, `LoadBalancer Ingress:\t${ingress}\n`);
  for (const p of recs(spec.ports)) {
    const portName = str(p.name) || '<unset>';
    const protocol = str(p.protocol);
    w.write(0, `Port:\t${portName}\t${int(p.port)}/${protocol}\n`);
    w.write(0, `TargetPort:\t${typeof p.targetPort === 'number' ? int(p.targetPort) : str(p.targetPort)}/${protocol}\n`);
    if (int(p.nodePort) !== 0) w.write(0, `NodePort:\t${portName}\t${int(p.nodePort)}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, str(p.name))}\n`);
  }
  w.write(0, `Session Affinity:\t${str(spec.sessionAffinity)}\n`);
  if (str(spec.externalTrafficPolicy)) w.write(0, `External Traffic Policy:\t${str(spec.externalTrafficPolicy)}\n`);
  if (typeof spec.internalTrafficPolicy === 'string') w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (int(spec.healthCheckNodePort) !== 0) w.write(0, `HealthCheck NodePort:\t${int(spec.healthCheckNodePort)}\n`);
  if (strs(spec.loadBalancerSourceRanges).length > 0) w.write(0, `LoadBalancer Source Ranges:\t${strs(spec.loadBalancerSourceRanges).join(',')}\n`);
  if (typeof spec.trafficDistribution === 'string') w.write(0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
  writeEvents(w, searchEvents(context, service), context.nowMs);
  return w.toString();
}

export function describeEndpoints(ep: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${str(ep.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(ep.metadata.namespace)}\n`);
  writeLabels(w, 'Labels', ep.metadata.labels);
  writeAnnotations(w, 'Annotations', ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const subset of recs(ep.subsets)) {
    const addresses = recs(subset.addresses).map((a) => str(a.ip)).join(',');
    w.write(1, `Addresses:\t${addresses || '<none>'}\n`);
    const notReady = recs(subset.notReadyAddresses).map((a) => str(a.ip)).join(',');
    w.write(1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
    const ports = recs(subset.ports);
    if (ports.length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const port of ports) w.write(2, `${str(port.name) || '<unset>'}\t${int(port.port)}\t${str(port.protocol)}\n`);
    }
    w.write(0, '\n');
  }
  writeEvents(w, searchEvents(context, ep), context.nowMs);
  return w.toString();
}
