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
import type { HttpReply } from './servers';
import type { Fetched, Url } from './wget';

/** What a node offers the pod network: its containers' HTTP servers. */
export interface HttpServingNode {
  /** The reply of whatever listens on `port` in the pod and how long it took; undefined when nothing listens. */
  serveHttp(pod: KubeObject, port: number, path: string): { reply: HttpReply; latencyMs: number } | undefined;
}

export class PodHttp {
  constructor(
    /** The running node that hosts `nodeName`'s pods, if it is up. */
    private readonly nodeFor: (nodeName: string) => HttpServingNode | undefined,
  ) {}

  /** `client` and `random` are the caller's: its reads show as the pod's traffic, its draws pick the endpoint. */
  get(client: Client, random: Random, fromNamespace: string, url: Url): Fetched {
    const answer = resolveHost(client, fromNamespace, url.host);
    if (!answer) return { kind: 'bad-address' };
    const ip = answer.addresses[0] as string;
    const path = route(client, random, ip, url.port);
    if (!path.ok) return path.reason === 'refused' ? { kind: 'refused', ip } : { kind: 'timeout', ip };
    const node = this.nodeFor(text(isRecord(path.pod.spec) ? path.pod.spec.nodeName : ''));
    if (!node) return { kind: 'timeout', ip };
    const served = node.serveHttp(path.pod, path.port, url.path);
    return served ? { kind: 'reply', ip, reply: served.reply, latencyMs: served.latencyMs } : { kind: 'refused', ip };
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
