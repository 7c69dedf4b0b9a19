/** `kubectl describe` for Ingresses, NetworkPolicies, EndpointSlices and PodDisruptionBudgets. */
import type { KubeObject } from '../../api/meta';
import { goSortStrings } from '../printers/go-format';
import { formatLabelSelector } from '../printers/label-selector';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { int, intOrString, present, rec, recs, searchEvents, str, strs, writeAnnotations, writeEvents, writeLabels } from './format';
import { formatEndpointSlices } from './services';

/** describeBackendV1: `svc:port (endpoints)`, or the resource reference. */
function backendText(context: DescribeContext, namespace: string, backend: unknown): string {
  const b = rec(backend);
  if (present(b.service)) {
    const svc = rec(b.service);
    const port = rec(svc.port);
    const serviceName = str(svc.name);
    const text = `${serviceName}:${int(port.number) !== 0 ? String(int(port.number)) : str(port.name)}`;
    const service = context.get('', 'services', namespace, serviceName);
    if (!service) return `${text} (<error: services "${serviceName}" not found>)`;
    let portName = '';
    for (const sp of recs(rec(service.spec).ports)) {
      if (int(port.number) !== 0 && int(port.number) === int(sp.port)) portName = str(sp.name);
      else if (str(port.name) !== '' && str(port.name) === str(sp.name)) portName = str(sp.name);
    }
    const slices = context.list('discovery.k8s.io', 'endpointslices', namespace, { labelSelector: `kubernetes.io/service-name=${serviceName}` });
    return `${text} (${formatEndpointSlices(slices, portName)})`;
  }
  if (present(b.resource)) {
    const r = rec(b.resource);
    return `APIGroup: ${typeof r.apiGroup === 'string' ? r.apiGroup : '<none>'}, Kind: ${str(r.kind)}, Name: ${str(r.name)}`;
  }
  return '';
}

export function describeIngress(ing: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(ing.spec);
  const namespace = str(ing.metadata.namespace);
  w.write(0, `Name:\t${str(ing.metadata.name)}\n`);
  writeLabels(w, 'Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${namespace}\n`);
  const addresses = new Set<string>();
  for (const i of recs(rec(rec(ing.status).loadBalancer).ingress)) {
    if (str(i.ip)) addresses.add(str(i.ip));
    else if (str(i.hostname)) addresses.add(str(i.hostname));
  }
  w.write(0, `Address:\t${goSortStrings(addresses).join(',')}\n`);
  w.write(0, `Ingress Class:\t${typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '<none>'}\n`);
  const defaultBackend = present(spec.defaultBackend) ? backendText(context, namespace, spec.defaultBackend) : '<default>';
  w.write(0, `Default backend:\t${defaultBackend}\n`);
  const tls = recs(spec.tls);
  if (tls.length > 0) {
    w.write(0, 'TLS:\n');
    for (const t of tls) w.write(1, str(t.secretName) === '' ? `SNI routes ${strs(t.hosts).join(',')}\n` : `${str(t.secretName)} terminates ${strs(t.hosts).join(',')}\n`);
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of recs(spec.rules)) {
    if (!present(rule.http)) continue;
    count++;
    w.write(1, `${str(rule.host) || '*'}\t\n`);
    for (const path of recs(rec(rule.http).paths)) w.write(2, `\t${str(path.path)} \t${backendText(context, namespace, path.backend)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${defaultBackend}\n`);
  writeAnnotations(w, 'Annotations', ing.metadata.annotations);
  writeEvents(w, searchEvents(context, ing), context.nowMs);
  return w.toString();
}

export function describeEndpointSlice(eps: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${str(eps.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(eps.metadata.namespace)}\n`);
  writeLabels(w, 'Labels', eps.metadata.labels);
  writeAnnotations(w, 'Annotations', eps.metadata.annotations);
  w.write(0, `AddressType:\t${str(eps.addressType)}\n`);
  const ports = recs(eps.ports);
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of ports) w.write(1, `${str(p.name) || '<unset>'}\t${typeof p.port === 'number' ? String(int(p.port)) : '<unset>'}\t${str(p.protocol)}\n`);
  }
  const endpoints = recs(eps.endpoints);
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of endpoints) {
      w.write(1, `- Addresses:\t${strs(e.addresses).join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      const ready = rec(e.conditions).ready;
      w.write(3, `Ready:\t${typeof ready === 'boolean' ? String(ready) : '<unset>'}\n`);
      w.write(2, `Hostname:\t${typeof e.hostname === 'string' ? e.hostname : '<unset>'}\n`);
      if (present(e.targetRef)) w.write(2, `TargetRef:\t${str(rec(e.targetRef).kind)}/${str(rec(e.targetRef).name)}\n`);
      w.write(2, `NodeName:\t${typeof e.nodeName === 'string' ? e.nodeName : '<unset>'}\n`);
      w.write(2, `Zone:\t${typeof e.zone === 'string' ? e.zone : '<unset>'}\n`);
    }
  }
  writeEvents(w, searchEvents(context, eps), context.nowMs);
  return w.toString();
}

export function describePodDisruptionBudget(pdb: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(pdb.spec);
  const status = rec(pdb.status);
  w.write(0, `Name:\t${str(pdb.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(pdb.metadata.namespace)}\n`);
  if (present(spec.minAvailable)) w.write(0, `Min available:\t${intOrString(spec.minAvailable)}\n`);
  else if (present(spec.maxUnavailable)) w.write(0, `Max unavailable:\t${intOrString(spec.maxUnavailable)}\n`);
  w.write(0, present(spec.selector) ? `Selector:\t${formatLabelSelector(spec.selector)}\n` : 'Selector:\t<unset>\n');
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${int(status.disruptionsAllowed)}\n`);
  w.write(2, `Current:\t${int(status.currentHealthy)}\n`);
  w.write(2, `Desired:\t${int(status.desiredHealthy)}\n`);
  w.write(2, `Total:\t${int(status.expectedPods)}\n`);
  writeEvents(w, searchEvents(context, pdb), context.nowMs);
  return w.toString();
}

/** Go's time.Time String (`2025-09-01 09:00:30 +0000 UTC`), which describe prints for "Created on". */
function goTimeString(value: unknown): string {
  const ms = Date.parse(str(value));
  if (Number.isNaN(ms)) return '0001-01-01 00:00:00 +0000 UTC';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

/** One NetworkPolicy rule direction (printNetworkPolicySpecIngressFrom / EgressTo). */
function writePolicyRules(w: PrefixWriter, rules: unknown, direction: 'ingress' | 'egress'): void {
  const indent = '    ';
  const list = recs(rules);
  if (list.length === 0) {
    w.write(0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  const peerKey = direction === 'ingress' ? 'from' : 'to';
  list.forEach((rule, i) => {
    const ports = recs(rule.ports);
    if (ports.length === 0) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const port of ports) {
      const number = port.port === undefined ? '<nil>' : intOrString(port.port);
      const protocol = str(port.protocol) || 'TCP';
      if (port.endPort === undefined) w.write(0, `${indent}To Port: ${number}/${protocol}\n`);
      else w.write(0, `${indent}To Port Range: ${number}-${int(port.endPort)}/${protocol}\n`);
    }
    const peers = recs(rule[peerKey]);
    if (peers.length === 0) w.write(0, direction === 'ingress' ? `${indent}From: <any> (traffic not restricted by source)\n` : `${indent}To: <any> (traffic not restricted by destination)\n`);
    for (const peer of peers) {
      w.write(0, `${indent}${direction === 'ingress' ? 'From' : 'To'}:\n`);
      if (present(peer.podSelector) && present(peer.namespaceSelector)) {
        w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
        w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      } else if (present(peer.podSelector)) w.write(1, `${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}\n`);
      else if (present(peer.namespaceSelector)) w.write(1, `${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}\n`);
      else if (present(peer.ipBlock)) {
        w.write(1, `${indent}IPBlock:\n`);
        w.write(2, `${indent}CIDR: ${str(rec(peer.ipBlock).cidr)}\n`);
        w.write(2, `${indent}Except: ${strs(rec(peer.ipBlock).except).join(', ')}\n`);
      }
    }
    if (i !== list.length - 1) w.write(0, `${indent}----------\n`);
  });
}

/** describeNetworkPolicy: the selector, each direction's rules, and the policy types. */
export function describeNetworkPolicy(policy: KubeObject): string {
  const w = new PrefixWriter();
  const spec = rec(policy.spec);
  w.write(0, `Name:\t${str(policy.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(policy.metadata.namespace)}\n`);
  w.write(0, `Created on:\t${goTimeString(policy.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', policy.metadata.labels);
  writeAnnotations(w, 'Annotations', policy.metadata.annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const selector = rec(spec.podSelector);
  const empty = Object.keys(rec(selector.matchLabels)).length === 0 && recs(selector.matchExpressions).length === 0;
  w.write(2, empty ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${formatLabelSelector(selector)}\n`);
  const types = strs(spec.policyTypes);
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    writePolicyRules(w, spec.ingress, 'ingress');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    writePolicyRules(w, spec.egress, 'egress');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.length ? types.join(', ') : '<none>'}\n`);
  return w.toString();
}
