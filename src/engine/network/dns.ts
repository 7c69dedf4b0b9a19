/**
 * Cluster DNS as CoreDNS answers it for a pod: `<service>.<namespace>.svc.cluster.local` gives a
 * Service's ClusterIP (a headless Service gives its ready endpoints' IPs), reached from short names
 * through the pod's search path (`<ns>.svc.cluster.local svc.cluster.local cluster.local`, ndots 5);
 * a headless Service's endpoints with a hostname answer `<hostname>.<service>.<namespace>.svc...`.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import type { Client } from '../client';

export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';

export interface DnsAnswer {
  /** The fully qualified name that answered. */
  fqdn: string;
  addresses: string[];
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** The search domains a pod in `namespace` has in /etc/resolv.conf. */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

export function resolvConf(namespace: string): string {
  return `search ${searchPath(namespace).join(' ')}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`;
}

/** The ready addresses of a Service's EndpointSlices, with the hostname each endpoint is published under. */
function readyEndpoints(client: Client, service: KubeObject): { ip: string; hostname: string }[] {
  const slices = client.list({ group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace: text(service.metadata.namespace) }, { labelSelector: `kubernetes.io/service-name=${text(service.metadata.name)}` });
  if (!slices.ok) return [];
  const out: { ip: string; hostname: string }[] = [];
  for (const slice of slices.value.items) {
    for (const endpoint of Array.isArray(slice.endpoints) ? slice.endpoints : []) {
      if (rec(rec(endpoint).conditions).ready === false) continue;
      for (const address of Array.isArray(rec(endpoint).addresses) ? (rec(endpoint).addresses as unknown[]) : []) out.push({ ip: text(address), hostname: text(rec(endpoint).hostname) });
    }
  }
  return out;
}

/** The ready addresses of a Service's EndpointSlices. */
export function readyEndpointIPs(client: Client, service: KubeObject): string[] {
  return readyEndpoints(client, service).map((e) => e.ip);
}

/**
 * `<hostname>.<service>.<namespace>.svc.cluster.local`: the ready endpoint of a headless Service
 * published under that hostname (a StatefulSet member whose subdomain is the Service).
 */
function lookupEndpointHostname(client: Client, fqdn: string, [hostname = '', name = '', namespace = '']: string[]): DnsAnswer | undefined {
  const got = client.get({ group: '', version: 'v1', resource: 'services', namespace, name });
  if (!got.ok || rec(got.value.spec).clusterIP !== 'None') return undefined;
  const ips = readyEndpoints(client, got.value)
    .filter((e) => e.hostname === hostname)
    .map((e) => e.ip);
  return ips.length ? { fqdn, addresses: ips } : undefined;
}

/** Answers one fully qualified name, as CoreDNS's kubernetes plugin would. */
function lookupFqdn(client: Client, fqdn: string): DnsAnswer | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const parts = fqdn.slice(0, -suffix.length).split('.');
  if (parts.length === 3) return lookupEndpointHostname(client, fqdn, parts);
  if (parts.length !== 2) return undefined;
  const [name = '', namespace = ''] = parts;
  const got = client.get({ group: '', version: 'v1', resource: 'services', namespace, name });
  if (!got.ok) return undefined;
  const spec = rec(got.value.spec);
  if (spec.type === 'ExternalName') return undefined;
  const clusterIP = text(spec.clusterIP);
  if (clusterIP === 'None') {
    const ips = readyEndpointIPs(client, got.value);
    return ips.length ? { fqdn, addresses: ips } : undefined;
  }
  return clusterIP ? { fqdn, addresses: [clusterIP] } : undefined;
}

/** Resolves what a program in a pod of `namespace` asks for: an IP literal, a short or a full name. */
export function resolveHost(client: Client, namespace: string, host: string): DnsAnswer | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return { fqdn: host, addresses: [host] };
  const absolute = host.endsWith('.');
  const name = absolute ? host.slice(0, -1) : host;
  const dots = name.split('.').length - 1;
  const candidates = absolute ? [name] : dots >= 5 ? [name, ...searchPath(namespace).map((d) => `${name}.${d}`)] : [...searchPath(namespace).map((d) => `${name}.${d}`), name];
  for (const candidate of candidates) {
    const answer = lookupFqdn(client, candidate.toLowerCase());
    if (answer) return answer;
  }
  return undefined;
}
