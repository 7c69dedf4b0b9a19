/**
 * The process of an ingress-nginx controller container (registry.k8s.io/ingress-nginx/controller):
 * it serves the Ingresses of its class (`--controller-class`, `--ingress-class`, and class-less ones
 * with `--watch-ingress-without-class` or when its IngressClass is the default), proxies HTTP on
 * :80/:443 to the chosen Service's endpoints round-robin (ingress-nginx talks to endpoints, not to
 * the ClusterIP), answers /healthz on :10254, and writes the Ingresses' status.loadBalancer: the
 * `--publish-status-address` (a name becomes `hostname`, an IP `ip`), else the IP of its node. Like
 * ingress-nginx's status syncer it does that every 60 seconds, the first time 60 seconds after it
 * starts, so a new Ingress shows no ADDRESS for up to a minute.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import type { Random, SimLoop } from '../clock';
import type { Client } from '../client';
import type { Program } from '../kubelet/runtime/sh-interpreter';
import type { ContainerProcess } from '../kubelet/runtime/processes';
import { klogHeader } from '../kubectl/request-log';
import { LegacyEventRecorder } from '../client/legacy-events';
import type { HttpReply } from '../network/servers';
import type { Fetched } from '../network/wget';
import { routeRequest } from './routing';
import { connectionAllowed, type Peer } from '../network/network-policy';

export const CONTROLLER_VERSION = 'v1.12.1';
const STATUS_INTERVAL_MS = 60_000;
/** ingress-nginx's proxy-connect-timeout and proxy-next-upstream-tries defaults. */
const PROXY_CONNECT_TIMEOUT_MS = 5000;
const PROXY_TRIES = 3;
/** How often the simulated informer looks for changed Ingresses. */
const SYNC_PERIOD_MS = 1000;
const DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** nginx's own error page (ingress-nginx turns server_tokens off, so no version shows). */
export function nginxErrorPage(status: number, reason: string): HttpReply {
  return {
    status,
    reason,
    body: `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
  };
}

/** nginx's answer to plain HTTP on its TLS port. */
const PLAIN_HTTP_TO_HTTPS: HttpReply = {
  status: 400,
  reason: 'Bad Request',
  body: '<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
};

export interface ControllerDeps {
  client: Client;
  loop: SimLoop;
  random: Random;
  /** Straight to an upstream pod's port, as nginx dials the endpoint. */
  direct(pod: KubeObject, port: number, path: string): Fetched;
}

export class IngressNginxController {
  private readonly controllerClass: string;
  private readonly ingressClass: string;
  private readonly withoutClass: boolean;
  private readonly statusAddress: string | undefined;
  private readonly electionId: string;
  private readonly namespace: string;
  /** Per upstream (`ns/service:port`), the next endpoint's index. */
  private readonly turns = new Map<string, number>();
  private readonly seenVersions = new Map<string, string>();
  private readonly events: LegacyEventRecorder;

  constructor(
    private readonly deps: ControllerDeps,
    argv: readonly string[],
    /** The node's IP: the address published when `--publish-status-address` is not given. */
    private readonly hostIP: string,
    /** The controller's pod, as NetworkPolicies see its connections to upstreams. */
    private readonly self: Peer,
  ) {
    const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
    this.controllerClass = flag('controller-class') ?? 'k8s.io/ingress-nginx';
    this.ingressClass = flag('ingress-class') ?? 'nginx';
    this.withoutClass = argv.includes('--watch-ingress-without-class') || flag('watch-ingress-without-class') === 'true';
    this.statusAddress = flag('publish-status-address');
    this.electionId = flag('election-id') ?? 'ingress-controller-leader';
    this.namespace = flag('configmap')?.split('/')[0] ?? 'default';
    this.events = new LegacyEventRecorder(deps.client, deps.loop, 'nginx-ingress-controller', '');
  }

  process(): ContainerProcess {
    return {
      program: this.program(),
      listeners: [{ port: 80 }, { port: 443 }, { port: 8443 }, { port: 10254, http: (path) => (path === '/healthz' ? 200 : 404) }],
      onSigterm: 'fast',
    };
  }

  private *program(): Program {
    const now = () => this.deps.loop.nowMs();
    // UNVERIFIED: the banner's build line and the exact klog lines of v1.12.1.
    yield {
      kind: 'write',
      stream: 'stdout',
      text: `-------------------------------------------------------------------------------\nNGINX Ingress controller\n  Release:       ${CONTROLLER_VERSION}\n  Repository:    https://github.com/kubernetes/ingress-nginx\n  nginx version: nginx/1.25.5\n\n-------------------------------------------------------------------------------\n\n`,
    };
    yield { kind: 'write', stream: 'stderr', text: `${klogHeader(now(), 'main.go:205')}"Creating API client" host="https://10.96.0.1:443"\n` };
    yield { kind: 'write', stream: 'stderr', text: `${klogHeader(now(), 'nginx.go:273')}"Starting NGINX Ingress controller"\n` };
    yield { kind: 'write', stream: 'stderr', text: `${klogHeader(now(), 'leaderelection.go:271')}successfully acquired lease ${this.namespace}/${this.electionId}\n` };
    for (let elapsed = 0; ; elapsed += SYNC_PERIOD_MS) {
      this.noticeChanges();
      if (elapsed > 0 && elapsed % STATUS_INTERVAL_MS === 0)
        for (const name of this.syncStatus())
          yield {
            kind: 'write',
            stream: 'stderr',
            text: `${klogHeader(now(), 'status.go:304')}"updating Ingress status" namespace="${name.split('/')[0] ?? ''}" ingress="${name.split('/')[1] ?? ''}"\n`,
          };
      yield { kind: 'sleep', ms: SYNC_PERIOD_MS };
    }
  }

  /** Its informer's add and update handlers: each new or changed served Ingress gets a `Sync` event. */
  private noticeChanges(): void {
    for (const ing of this.served()) {
      const uid = text(ing.metadata.uid);
      const version = text(ing.metadata.resourceVersion);
      if (this.seenVersions.get(uid) === version) continue;
      this.seenVersions.set(uid, version);
      this.events.record(ing, 'Normal', 'Sync', 'Scheduled for sync');
    }
  }

  /** The IngressClass names whose controller is this one, and whether one of them is the default. */
  private classes(): { names: Set<string>; defaultIsOurs: boolean } {
    const classes = this.deps.client.list({ group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses' });
    const ours = (classes.ok ? classes.value.items : []).filter((c) => rec(c.spec).controller === this.controllerClass);
    return { names: new Set(ours.map((c) => text(c.metadata.name))), defaultIsOurs: ours.some((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true') };
  }

  /** The Ingresses this controller serves, oldest first (ingress-nginx's precedence for clashing paths). */
  served(): KubeObject[] {
    const all = this.deps.client.list({ group: 'networking.k8s.io', version: 'v1', resource: 'ingresses' });
    const { names, defaultIsOurs } = this.classes();
    const mine = (all.ok ? all.value.items : []).filter((ing) => {
      const className = rec(ing.spec).ingressClassName;
      const annotation = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
      if (annotation !== undefined) return annotation === this.ingressClass;
      if (typeof className === 'string') return names.has(className);
      return this.withoutClass || defaultIsOurs;
    });
    return mine.sort((a, b) => (text(a.metadata.creationTimestamp) < text(b.metadata.creationTimestamp) ? -1 : text(a.metadata.creationTimestamp) > text(b.metadata.creationTimestamp) ? 1 : 0));
  }

  private publishedAddress(): Record<string, string> {
    const address = this.statusAddress ?? this.hostIP;
    return /^\d+\.\d+\.\d+\.\d+$/.test(address) ? { ip: address } : { hostname: address };
  }

  /** Writes the published address into every served Ingress whose status lacks it; returns `ns/name` of those updated. */
  syncStatus(): string[] {
    const want = [this.publishedAddress()];
    const updated: string[] = [];
    for (const ing of this.served()) {
      const current = rec(rec(ing.status).loadBalancer).ingress;
      if (JSON.stringify(current) === JSON.stringify(want)) continue;
      const ns = text(ing.metadata.namespace);
      const name = text(ing.metadata.name);
      const result = this.deps.client.update(
        { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespace: ns, name, subresource: 'status' },
        { ...ing, status: { loadBalancer: { ingress: want } } },
      );
      if (result.ok) updated.push(`${ns}/${name}`);
    }
    return updated;
  }

  /** One HTTP request nginx received (Host header and URI): the upstream's reply, or nginx's own error page. */
  serve(host: string, path: string, port: number, tls: boolean): { reply: HttpReply; latencyMs: number } {
    if (port === 443 && !tls) return { reply: PLAIN_HTTP_TO_HTTPS, latencyMs: 0 };
    const backend = routeRequest(this.served(), host, path);
    if (!backend) return { reply: nginxErrorPage(404, 'Not Found'), latencyMs: 0 };
    const client = this.deps.client;
    const service = client.get({ group: '', version: 'v1', resource: 'services', namespace: backend.namespace, name: backend.service });
    if (!service.ok) return { reply: nginxErrorPage(503, 'Service Temporarily Unavailable'), latencyMs: 0 };
    const servicePort = list(rec(service.value.spec).ports).find((p) => (backend.port.number !== undefined ? Number(p.port) === backend.port.number : text(p.name) === backend.port.name));
    if (!servicePort) return { reply: nginxErrorPage(503, 'Service Temporarily Unavailable'), latencyMs: 0 };
    const slices = client.list(
      { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace: backend.namespace },
      { labelSelector: `kubernetes.io/service-name=${backend.service}` },
    );
    const upstreams: { ip: string; port: number }[] = [];
    for (const slice of slices.ok ? slices.value.items : []) {
      const slicePort = list(slice.ports).find((p) => text(p.name) === text(servicePort.name ?? ''));
      if (!slicePort) continue;
      for (const e of list(slice.endpoints)) {
        if (rec(e.conditions).ready === false) continue;
        for (const ip of Array.isArray(e.addresses) ? e.addresses.map(text) : []) upstreams.push({ ip, port: Number(slicePort.port) });
      }
    }
    // No ready endpoint: the upstream is empty and nginx answers 503.
    if (upstreams.length === 0) return { reply: nginxErrorPage(503, 'Service Temporarily Unavailable'), latencyMs: 0 };
    upstreams.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
    const key = `${backend.namespace}/${backend.service}:${text(servicePort.port)}`;
    const pods = client.list({ group: '', version: 'v1', resource: 'pods', namespace: backend.namespace });
    // proxy_next_upstream (error, timeout) tries up to 3 upstreams; a connect that a NetworkPolicy
    // drops costs proxy-connect-timeout (5 s) before the next try, and nginx ends with 504.
    // UNVERIFIED: the retry count against fewer upstreams and the 502 after refusals.
    let waitedMs = 0;
    let timedOut = false;
    for (let attempt = 0; attempt < Math.min(PROXY_TRIES, upstreams.length); attempt++) {
      const turn = this.turns.get(key) ?? this.deps.random.intBelow(upstreams.length);
      this.turns.set(key, turn + 1);
      const chosen = upstreams[turn % upstreams.length] as { ip: string; port: number };
      const pod = (pods.ok ? pods.value.items : []).find((p) => rec(p.status).podIP === chosen.ip);
      if (!pod) continue;
      if (!connectionAllowed(client, this.self, { ip: chosen.ip, pod }, chosen.port)) {
        waitedMs += PROXY_CONNECT_TIMEOUT_MS;
        timedOut = true;
        continue;
      }
      const fetched = this.deps.direct(pod, chosen.port, backend.uri);
      if (fetched.kind === 'reply') return { reply: fetched.reply, latencyMs: waitedMs + fetched.latencyMs };
    }
    return { reply: timedOut ? nginxErrorPage(504, 'Gateway Time-out') : nginxErrorPage(502, 'Bad Gateway'), latencyMs: waitedMs };
  }
}
