/**
 * NetworkPolicy as kind v0.30.0 enforces it: kindnetd runs kube-network-policies
 * (sigs.k8s.io/kube-network-policies, its nftables table `kindnet-network-policies`), which sees
 * each new connection after kube-proxy's DNAT, so a Service connection is judged by the chosen
 * backend pod and its target port. A connection is allowed when the source's egress and the
 * destination's ingress both allow it; a pod no policy selects for a direction is open in it.
 * Denied packets are dropped: the client's connect times out.
 *
 * Caveats: SCTP, and a port range on a named port, are not modelled; the lab machine and
 * hostNetwork pods are sources by IP only (they match ipBlock peers, never pod selectors).
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { fromLabelSelector, matches } from '../api/labels';
import type { Client } from '../client';

/** One end of a connection: a pod (with its IP), or only an IP. */
export interface Peer {
  ip: string;
  pod?: KubeObject;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function labelsOf(object: KubeObject | undefined): Record<string, string> {
  const labels = rec(object?.metadata.labels);
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, text(v)]));
}

function selects(selector: unknown, labels: Record<string, string>): boolean {
  return matches(fromLabelSelector(isRecord(selector) ? selector : {}), labels);
}

function ipv4(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d+$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** True when `ip` is inside `cidr` (IPv4 only). */
export function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const a = ipv4(ip);
  const b = ipv4(base);
  if (a === undefined || b === undefined) return false;
  const size = 2 ** (32 - Number(bits));
  return Math.floor(a / size) === Math.floor(b / size);
}

/** The pod's container port named `name`, for a policy port given by name. */
function namedPort(pod: KubeObject | undefined, name: string): number | undefined {
  for (const c of list(rec(pod?.spec).containers)) for (const p of list(c.ports)) if (p.name === name) return Number(p.containerPort);
  return undefined;
}

/** A rule's `ports`: empty allows every port; a name is looked up on the destination pod. */
function portAllowed(ports: unknown, port: number, protocol: string, destination: Peer): boolean {
  const entries = list(ports);
  if (!Array.isArray(ports) || entries.length === 0) return true;
  return entries.some((p) => {
    if ((text(p.protocol) || 'TCP') !== protocol) return false;
    if (p.port === undefined) return true;
    const start = typeof p.port === 'string' && !/^\d+$/.test(p.port) ? namedPort(destination.pod, p.port) : Number(p.port);
    if (start === undefined) return false;
    const end = typeof p.endPort === 'number' ? p.endPort : start;
    return port >= start && port <= end;
  });
}

/** A rule's `from`/`to` peers: empty allows every peer. */
function peerAllowed(peers: unknown, policy: KubeObject, other: Peer, namespaceLabels: (ns: string) => Record<string, string>): boolean {
  const entries = list(peers);
  if (!Array.isArray(peers) || entries.length === 0) return true;
  return entries.some((peer) => {
    if (isRecord(peer.ipBlock)) {
      const block = peer.ipBlock;
      return inCidr(other.ip, text(block.cidr)) && !(Array.isArray(block.except) ? block.except : []).some((e) => inCidr(other.ip, text(e)));
    }
    if (!other.pod) return false;
    const podNs = text(other.pod.metadata.namespace);
    const nsOk = isRecord(peer.namespaceSelector) ? selects(peer.namespaceSelector, namespaceLabels(podNs)) : podNs === text(policy.metadata.namespace);
    const podOk = isRecord(peer.podSelector) ? selects(peer.podSelector, labelsOf(other.pod)) : true;
    return nsOk && podOk && (isRecord(peer.namespaceSelector) || isRecord(peer.podSelector));
  });
}

function policyTypes(policy: KubeObject): string[] {
  const spec = rec(policy.spec);
  if (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0) return spec.policyTypes.map((t) => text(t));
  return Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Whether policies let `source` reach `destination` on `port` (the pod's own port) over `protocol`. */
export function connectionAllowed(client: Client, source: Peer, destination: Peer, port: number, protocol = 'TCP'): boolean {
  const all = client.list({ group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies' });
  const policies = all.ok ? all.value.items : [];
  if (policies.length === 0) return true;
  const namespaces = new Map<string, Record<string, string>>();
  const namespaceLabels = (ns: string): Record<string, string> => {
    let labels = namespaces.get(ns);
    if (!labels) {
      const got = client.get({ group: '', version: 'v1', resource: 'namespaces', name: ns });
      labels = got.ok ? labelsOf(got.value) : {};
      namespaces.set(ns, labels);
    }
    return labels;
  };
  const applying = (pod: KubeObject | undefined, type: 'Ingress' | 'Egress'): KubeObject[] => {
    // hostNetwork pods are outside pod isolation.
    if (!pod || rec(pod.spec).hostNetwork === true) return [];
    return policies.filter((p) => text(p.metadata.namespace) === text(pod.metadata.namespace) && policyTypes(p).includes(type) && selects(rec(p.spec).podSelector, labelsOf(pod)));
  };
  const egress = applying(source.pod, 'Egress');
  if (egress.length > 0 && !egress.some((p) => list(rec(p.spec).egress).some((rule) => portAllowed(rule.ports, port, protocol, destination) && peerAllowed(rule.to, p, destination, namespaceLabels)))) return false;
  const ingress = applying(destination.pod, 'Ingress');
  if (ingress.length > 0 && !ingress.some((p) => list(rec(p.spec).ingress).some((rule) => portAllowed(rule.ports, port, protocol, destination) && peerAllowed(rule.from, p, source, namespaceLabels)))) return false;
  return true;
}
