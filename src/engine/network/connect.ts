/**
 * Where a TCP connection from a pod ends up, as kube-proxy's iptables rules route it: a Service's
 * ClusterIP and port lead to one of its ready endpoints chosen at random (the KUBE-SVC chain's
 * probability rules), a Service with no ready endpoints rejects the connection, a node's IP and a
 * Service's nodePort lead the same way (KUBE-NODEPORTS; with externalTrafficPolicy Local only to
 * endpoints on that node), a node's IP and a pod's hostPort lead to that pod, a pod IP leads to that pod.
 * In IPVS mode the caller's picker hands endpoints out round-robin instead (ipvs.ts). What the pod
 * then answers depends on what its container runs (see servers.ts).
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import type { Random } from '../clock';
import type { Client } from '../client';
import { connectionAllowed, type Peer } from './network-policy';

export type Route = { ok: true; pod: KubeObject; port: number; service?: KubeObject } | { ok: false; reason: 'refused' | 'timeout' };

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function podByIP(client: Client, ip: string): KubeObject | undefined {
  const pods = client.list({ group: '', version: 'v1', resource: 'pods' });
  return pods.ok ? pods.value.items.find((p) => rec(p.status).podIP === ip && !['Succeeded', 'Failed'].includes(text(rec(p.status).phase))) : undefined;
}

/** The node whose InternalIP this is, if any. */
function nodeByIP(client: Client, ip: string): KubeObject | undefined {
  const nodes = client.list({ group: '', version: 'v1', resource: 'nodes' });
  return nodes.ok ? nodes.value.items.find((n) => list(rec(n.status).addresses).some((a) => a.type === 'InternalIP' && a.address === ip)) : undefined;
}

/** The pod on `nodeName` that publishes TCP `hostPort` (the CNI portmap plugin's DNAT to its container port). */
function hostPortPod(client: Client, nodeName: string, hostPort: number): { pod: KubeObject; containerPort: number } | undefined {
  const pods = client.list({ group: '', version: 'v1', resource: 'pods' }, { fieldSelector: `spec.nodeName=${nodeName}` });
  for (const pod of pods.ok ? pods.value.items : []) {
    if (['Succeeded', 'Failed'].includes(text(rec(pod.status).phase)) || !rec(pod.status).podIP) continue;
    for (const container of list(rec(pod.spec).containers)) {
      const mapped = list(container.ports).find((p) => Number(p.hostPort) === hostPort && (text(p.protocol) || 'TCP') === 'TCP');
      if (mapped) return { pod, containerPort: Number(mapped.containerPort) };
    }
  }
  return undefined;
}

/** How kube-proxy picks among `count` endpoints of the virtual server `key`: iptables' random probabilities, or IPVS's rr. */
export type EndpointPicker = (key: string, count: number) => number;

/** Where the connection goes; `source` (the connecting pod or address) decides what NetworkPolicies allow. */
export function route(client: Client, random: Random, ip: string, port: number, source?: Peer, picker?: EndpointPicker): Route {
  const pick: EndpointPicker = picker ?? ((_key, count) => random.intBelow(count));
  const path = routeByRules(client, pick, ip, port);
  // kindnet's network policies see the connection after kube-proxy's DNAT and drop what they deny.
  if (path.ok && source && !connectionAllowed(client, source, { ip: text(rec(path.pod.status).podIP), pod: path.pod }, path.port)) return { ok: false, reason: 'timeout' };
  return path;
}

function routeByRules(client: Client, pick: EndpointPicker, ip: string, port: number): Route {
  const services = client.list({ group: '', version: 'v1', resource: 'services' });
  const items = services.ok ? services.value.items : [];
  const service = items.find((s) => rec(s.spec).clusterIP === ip);
  if (!service) {
    const node = nodeByIP(client, ip);
    if (node) {
      const exposed = items.find((s) => ['NodePort', 'LoadBalancer'].includes(text(rec(s.spec).type)) && list(rec(s.spec).ports).some((p) => Number(p.nodePort) === port && (text(p.protocol) || 'TCP') === 'TCP'));
      const servicePort = exposed ? list(rec(exposed.spec).ports).find((p) => Number(p.nodePort) === port) : undefined;
      if (exposed && servicePort) return toEndpoints(client, (count) => pick(`${ip}:${port}`, count), exposed, servicePort, rec(exposed.spec).externalTrafficPolicy === 'Local' ? text(node.metadata.name) : undefined);
      const hostPorted = hostPortPod(client, text(node.metadata.name), port);
      if (hostPorted) return { ok: true, pod: hostPorted.pod, port: hostPorted.containerPort };
    }
    const pod = podByIP(client, ip);
    if (pod) return { ok: true, pod, port };
    // A node answers a port nothing listens on with a reset.
    return { ok: false, reason: node ? 'refused' : 'timeout' };
  }
  const servicePort = list(rec(service.spec).ports).find((p) => Number(p.port) === port && (text(p.protocol) || 'TCP') === 'TCP');
  // No rule matches a port the Service does not expose: the packet goes nowhere.
  if (!servicePort) return { ok: false, reason: 'timeout' };
  return toEndpoints(client, (count) => pick(`${ip}:${port}`, count), service, servicePort);
}

/** KUBE-SVC-*: one of the Service's ready endpoints (only those on `onlyNode` for externalTrafficPolicy Local). */
function toEndpoints(client: Client, pick: (count: number) => number, service: KubeObject, servicePort: Record<string, unknown>, onlyNode?: string): Route {
  const slices = client.list({ group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace: text(service.metadata.namespace) }, { labelSelector: `kubernetes.io/service-name=${text(service.metadata.name)}` });
  const backends: { ip: string; port: number }[] = [];
  for (const slice of slices.ok ? slices.value.items : []) {
    const slicePort = list(slice.ports).find((p) => text(p.name) === text(servicePort.name ?? ''));
    if (!slicePort) continue;
    for (const endpoint of list(slice.endpoints)) {
      if (rec(endpoint.conditions).ready === false) continue;
      if (onlyNode !== undefined && endpoint.nodeName !== onlyNode) continue;
      for (const address of Array.isArray(endpoint.addresses) ? endpoint.addresses : []) backends.push({ ip: text(address), port: Number(slicePort.port) });
    }
  }
  // KUBE-SVC-* has a REJECT rule when the Service has no ready endpoints; a Local node port with
  // no endpoint on this node drops the packet (KUBE-EXT-* has nowhere to send it).
  if (backends.length === 0) return { ok: false, reason: onlyNode !== undefined ? 'timeout' : 'refused' };
  backends.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
  const chosen = backends[pick(backends.length)] as { ip: string; port: number };
  const pod = podByIP(client, chosen.ip);
  return pod ? { ok: true, pod, port: chosen.port, service } : { ok: false, reason: 'timeout' };
}
