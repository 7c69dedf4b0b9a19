/**
 * An HTTP GET from a pod, end to end: cluster DNS, kube-proxy's routing to one endpoint, then the
 * kubelet of the node the chosen pod runs on, whose container answers (and spends CPU on it; see
 * kubelet/runtime/cpu-usage.ts). This is the data plane: it carries no API traffic of its own
 * beyond the reads DNS and routing make.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import type { Random } from '../clock';
import type { Client } from '../client';
import { resolveHost } from './dns';
import { route } from './connect';
import type { RoundRobin } from './ipvs';
import { connectionAllowed, type Peer } from './network-policy';
import type { HttpReply } from './servers';
import type { Fetched, Url } from './wget';

/** What a node offers the pod network: its containers' HTTP servers. */
export interface HttpServingNode {
  /** The reply of whatever listens on `port` in the pod and how long it took; undefined when nothing listens. */
  serveHttp(pod: KubeObject, port: number, path: string): { reply: HttpReply; latencyMs: number } | undefined;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** Whether the pod may send DNS queries (UDP 53) to at least one CoreDNS pod. */
function dnsAllowed(client: Client, source: Peer): boolean {
  const dns = client.list({ group: '', version: 'v1', resource: 'pods', namespace: 'kube-system' }, { labelSelector: 'k8s-app=kube-dns' });
  const pods = dns.ok ? dns.value.items : [];
  return pods.length === 0 || pods.some((pod) => connectionAllowed(client, source, { ip: text(rec(pod.status).podIP), pod }, 53, 'UDP'));
}

/** Who makes a request: a pod, or a client outside the pod network (its namespace for DNS search, its address). */
export type Origin = { pod: KubeObject } | { namespace: string; ip: string };

/** A proxy running in a pod (ingress-nginx's nginx): it answers by Host header and path, dialing upstreams itself. */
export interface HttpProxy {
  serve(host: string, path: string, port: number, tls: boolean): { reply: HttpReply; latencyMs: number };
}

export class PodHttp {
  /** The proxy listening in a pod at a port, if any (set once the cluster has its ingress-nginx directory). */
  proxyAt: (pod: KubeObject, port: number) => HttpProxy | undefined = () => undefined;
  /** Set in IPVS mode: each node's rr state (iptables mode draws at random). */
  roundRobin: RoundRobin | undefined;

  constructor(
    /** The running node that hosts `nodeName`'s pods, if it is up. */
    private readonly nodeFor: (nodeName: string) => HttpServingNode | undefined,
  ) {}

  /**
   * `client` and `random` are the caller's: its reads show as the pod's traffic, its draws pick the
   * endpoint. `from` is the pod making the request, or the namespace and source address of a
   * client outside the pod network (the lab machine).
   */
  get(client: Client, random: Random, from: Origin, url: Url): Fetched {
    const fromPod = 'pod' in from ? from.pod : undefined;
    const podIP = text(rec(fromPod?.status).podIP);
    const source: Peer = 'pod' in from ? (rec(from.pod.spec).hostNetwork === true ? { ip: podIP } : { ip: podIP, pod: from.pod }) : { ip: from.ip };
    // A pod whose egress policies shut out CoreDNS cannot resolve names (IPs still work).
    if (fromPod && !/^\d+\.\d+\.\d+\.\d+$/.test(url.host) && !dnsAllowed(client, source)) return { kind: 'bad-address' };
    const answer = resolveHost(client, 'pod' in from ? text(from.pod.metadata.namespace) : from.namespace, url.host);
    if (!answer) return { kind: 'bad-address' };
    const ip = answer.addresses[0] as string;
    // IPVS runs in the kernel of the node the connection leaves from.
    const fromNode = fromPod ? text(rec(fromPod.spec).nodeName) : 'ip' in from ? from.ip : '';
    const rr = this.roundRobin;
    const path = route(client, random, ip, url.port, source, rr ? (key, count) => rr.pick(`${fromNode}|${key}`, count) : undefined);
    if (!path.ok) return path.reason === 'refused' ? { kind: 'refused', ip } : { kind: 'timeout', ip };
    const node = this.nodeFor(text(isRecord(path.pod.spec) ? path.pod.spec.nodeName : ''));
    if (!node) return { kind: 'timeout', ip };
    const served = node.serveHttp(path.pod, path.port, url.path);
    if (!served) return { kind: 'refused', ip };
    // nginx accepted the connection; what it answers depends on its Ingresses.
    const proxy = this.proxyAt(path.pod, path.port);
    const proxied = proxy?.serve(url.hostHeader ?? url.host, url.path, path.port, url.tls === true);
    if (proxied) return { kind: 'reply', ip, reply: proxied.reply, latencyMs: served.latencyMs + proxied.latencyMs };
    return { kind: 'reply', ip, reply: served.reply, latencyMs: served.latencyMs };
  }

  /** Straight to a pod's port, as the kubelet's port-forward dials it inside the pod's network namespace. */
  direct(pod: KubeObject, port: number, path: string): Fetched {
    const ip = text(isRecord(pod.status) ? pod.status.podIP : '');
    const node = this.nodeFor(text(isRecord(pod.spec) ? pod.spec.nodeName : ''));
    if (!node) return { kind: 'timeout', ip };
    const served = node.serveHttp(pod, port, path);
    return served ? { kind: 'reply', ip, reply: served.reply, latencyMs: served.latencyMs } : { kind: 'refused', ip };
  }
}
