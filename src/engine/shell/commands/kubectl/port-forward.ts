/**
 * `kubectl port-forward TYPE/NAME [LOCAL_PORT:]REMOTE_PORT...`: picks a pod (a Service's, a
 * Deployment's... the most active one, waiting up to --pod-running-timeout for one to exist),
 * translates Service and named ports to the container's port, binds the local ports on the lab
 * machine (`--address`, localhost = 127.0.0.1 and ::1) and forwards each connection straight to the
 * pod's port, as the kubelet's port-forward does inside the pod's network namespace. It runs until
 * Ctrl-C (exit 0, kubectl handles the signal) or until a connection fails ("lost connection to pod").
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord, text } from '../../../api/meta';
import { formatSelector, fromLabelSelector } from '../../../api/labels';
import type { ApiResource } from '../../../client/discovery';
import { strings, str, type FlagSpec } from '../../../kubectl/flags';
import type { Fetched } from '../../../network/wget';
import { klogHeader } from '../../../kubectl/request-log';
import { getNamedObject, requireConnection, statusLine, type KubectlContext } from './context';
import type { VerbResult } from './index';

export const PORT_FORWARD_FLAGS: FlagSpec[] = [
  { name: 'address', type: 'stringArray' },
  { name: 'pod-running-timeout', type: 'string', default: '1m0s' },
];

const USAGE = "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n";
const POLL_MS = 500;
/** The line of client-go's portforward.go (v0.34) that reports a failed connection through runtime.HandleError. */
const HANDLE_ERROR_SITE = 'portforward.go:424';

type Conn = NonNullable<ReturnType<typeof requireConnection>>;
type Failure = { error: string };

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** podutils.ActivePods reversed: assigned, Running, ready (longest), fewest restarts, oldest first. */
function mostActiveFirst(a: KubeObject, b: KubeObject): number {
  const assigned = (p: KubeObject) => (text(rec(p.spec).nodeName) ? 0 : 1);
  const phase = (p: KubeObject) => ({ Running: 0, Unknown: 1 })[text(rec(p.status).phase)] ?? 2;
  const readySince = (p: KubeObject) => text(list(rec(p.status).conditions).find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime);
  const ready = (p: KubeObject) => (readySince(p) ? 0 : 1);
  const restarts = (p: KubeObject) => list(rec(p.status).containerStatuses).reduce((n, c) => n + (typeof c.restartCount === 'number' ? c.restartCount : 0), 0);
  return assigned(a) - assigned(b) || phase(a) - phase(b) || ready(a) - ready(b) || readySince(a).localeCompare(readySince(b)) || restarts(a) - restarts(b) || text(a.metadata.creationTimestamp).localeCompare(text(b.metadata.creationTimestamp));
}

/** SelectorsForObject: the label selector of the pods behind a workload or Service. */
function selectorOf(resource: ApiResource, object: KubeObject): string | Failure {
  const spec = rec(object.spec);
  if (resource.group === '' && (resource.resource === 'services' || resource.resource === 'replicationcontrollers')) {
    const sel = rec(spec.selector);
    // UNVERIFIED: a Service without a selector gives kubectl an empty (match-everything) selector.
    return Object.entries(sel).map(([k, v]) => `${k}=${text(v)}`).join(',');
  }
  const podOwners = ['deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs'];
  if (podOwners.includes(resource.resource) && isRecord(spec.selector)) return formatSelector(fromLabelSelector(spec.selector));
  return { error: `cannot attach to *v1.${resource.kind}: selector for *v1.${resource.kind} not implemented` };
}

function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0] as string, parts[1] as string] : [parts[0] as string, parts[0] as string];
}

function containerPortByName(pod: KubeObject, name: string): number | Failure {
  for (const c of list(rec(pod.spec).containers)) for (const p of list(c.ports)) if (p.name === name) return Number(p.containerPort);
  return { error: `Pod '${text(pod.metadata.name)}' does not have a named port '${name}'` };
}

/** translateServicePortToTargetPort / convertPodNamedPortToNumber: each spec in terms of the container's port. */
function translatePorts(specs: readonly string[], pod: KubeObject, service: KubeObject | undefined): string[] | Failure {
  const out: string[] = [];
  for (const spec of specs) {
    let [local, remote] = splitPort(spec);
    if (service) {
      const ports = list(rec(service.spec).ports);
      let number = /^\d+$/.test(remote) ? Number(remote) : undefined;
      if (number === undefined) {
        const named = ports.find((p) => p.name === remote);
        if (!named) return { error: `Service '${text(service.metadata.name)}' does not have a named port '${remote}'` };
        number = Number(named.port);
        if (local === remote) local = String(number);
      }
      const servicePort = ports.find((p) => Number(p.port) === number);
      if (!servicePort) return { error: `Service ${text(service.metadata.name)} does not have a service port ${number}` };
      let target: number | Failure = number;
      if (rec(service.spec).clusterIP !== 'None') {
        const t = servicePort.targetPort;
        target = typeof t === 'string' && !/^\d+$/.test(t) ? containerPortByName(pod, t) : t === undefined || Number(t) === 0 ? number : Number(t);
      }
      if (typeof target !== 'number') return target;
      remote = String(target);
    } else {
      if (remote === '') return { error: 'remote port cannot be empty' };
      if (!/^\d+$/.test(remote)) {
        const byName = containerPortByName(pod, remote);
        if (typeof byName !== 'number') return byName;
        remote = String(byName);
      }
    }
    out.push(local !== remote ? `${local}:${remote}` : remote);
  }
  return out;
}

/** checkUDPPortInService / checkUDPPortInPod: a port only served over UDP cannot be forwarded. */
function udpOnlyPort(specs: readonly string[], pod: KubeObject, service: KubeObject | undefined): Failure | undefined {
  const declared = service ? list(rec(service.spec).ports).map((p) => ({ port: Number(p.port), name: text(p.name), protocol: text(p.protocol) || 'TCP' })) : list(rec(pod.spec).containers).flatMap((c) => list(c.ports).map((p) => ({ port: Number(p.containerPort), name: text(p.name), protocol: text(p.protocol) || 'TCP' })));
  const tcp = new Set(declared.filter((p) => p.protocol === 'TCP').map((p) => p.port));
  const udpOnly = new Set(declared.filter((p) => p.protocol === 'UDP' && !tcp.has(p.port)).map((p) => p.port));
  for (const spec of specs) {
    const remote = splitPort(spec)[1];
    let number = /^\d+$/.test(remote) ? Number(remote) : undefined;
    if (number === undefined) {
      const named = declared.find((p) => p.name === remote);
      if (!named) return { error: service ? `Service '${text(service.metadata.name)}' does not have a named port '${remote}'` : `Pod '${text(pod.metadata.name)}' does not have a named port '${remote}'` };
      number = named.port;
    }
    if (udpOnly.has(number)) return { error: `UDP protocol is not supported for ${remote}` };
  }
  return undefined;
}

interface ForwardedPort {
  local: number;
  remote: number;
}

/** client-go's parsePorts, with strconv's wording. */
function parsePorts(specs: readonly string[]): ForwardedPort[] | Failure {
  const out: ForwardedPort[] = [];
  for (const spec of specs) {
    const parts = spec.split(':');
    if (parts.length > 2) return { error: `invalid port format '${spec}'` };
    const local = parts.length === 2 ? parts[0] || '0' : (parts[0] as string);
    const remote = parts.length === 2 ? (parts[1] as string) : (parts[0] as string);
    for (const [which, value] of [['local', local], ['remote', remote]] as const) {
      if (!/^\d+$/.test(value)) return { error: `error parsing ${which} port '${value}': strconv.ParseUint: parsing "${value}": invalid syntax` };
      if (Number(value) > 65535) return { error: `error parsing ${which} port '${value}': strconv.ParseUint: parsing "${value}": value out of range` };
    }
    if (Number(remote) === 0) return { error: 'remote port must be > 0' };
    out.push({ local: Number(local), remote: Number(remote) });
  }
  return out;
}

interface ListenAddress {
  address: string;
  protocol: 'tcp4' | 'tcp6';
  /** localhost's pair must bind at least one; an explicit address must bind. */
  failureMode: 'all' | 'any';
}

function parseAddresses(raw: readonly string[]): ListenAddress[] | Failure {
  const parsed = new Map<string, ListenAddress>();
  for (const address of raw) {
    if (address === 'localhost') {
      if (!parsed.has('127.0.0.1')) parsed.set('127.0.0.1', { address: '127.0.0.1', protocol: 'tcp4', failureMode: 'all' });
      if (!parsed.has('::1')) parsed.set('::1', { address: '::1', protocol: 'tcp6', failureMode: 'all' });
    } else if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address) && address.split('.').every((o) => Number(o) <= 255)) parsed.set(address, { address, protocol: 'tcp4', failureMode: 'any' });
    else if (/^[0-9a-fA-F:]+$/.test(address) && address.includes(':')) parsed.set(address, { address, protocol: 'tcp6', failureMode: 'any' });
    else return { error: `${address} is not a valid IP` };
  }
  return [...parsed.values()].sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

function hostPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

/** Go durations as --pod-running-timeout takes them (`1m0s`, `30s`, `2m`). */
function durationMs(raw: string): number | undefined {
  let total = 0;
  let consumed = '';
  for (const m of raw.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
    total += Number(m[1]) * { h: 3_600_000, m: 60_000, s: 1000, ms: 1 }[m[2] as 'h' | 'm' | 's' | 'ms'];
    consumed += m[0];
  }
  return consumed === raw && raw !== '' ? total : undefined;
}

export function runPortForward(k: KubectlContext): VerbResult {
  const [target, ...portSpecs] = k.flags.positional;
  if (target === undefined || portSpecs.length === 0) {
    k.err(USAGE);
    return 1;
  }
  const timeoutMs = durationMs(str(k.flags, 'pod-running-timeout') ?? '1m0s');
  if (timeoutMs === undefined || timeoutMs <= 0) {
    k.err(`error: --pod-running-timeout must be higher than zero\nSee 'kubectl port-forward -h' for help and examples\n`);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const named = getNamedObject(k, conn, target);
  if (!named) return 1;
  const { resource, object } = named;
  const isPod = resource.group === '' && resource.resource === 'pods';
  const selector = isPod ? '' : selectorOf(resource, object);
  if (typeof selector !== 'string') {
    k.err(`error: ${selector.error}\n`);
    return 1;
  }
  const service = resource.group === '' && resource.resource === 'services' ? object : undefined;
  const loop = k.shell.machine.loop;
  const started = loop.nowMs();
  return {
    wait(finish) {
      let stop: (() => void) | undefined;
      let timer: ReturnType<typeof loop.after> | undefined;
      const fail = (message: string): void => {
        k.err(`error: ${message}\n`);
        finish(1);
      };
      const withPod = (pod: KubeObject): void => {
        const udp = udpOnlyPort(portSpecs, pod, service);
        if (udp) return fail(udp.error);
        const translated = translatePorts(portSpecs, pod, service);
        if (!Array.isArray(translated)) return fail(translated.error);
        const ports = parsePorts(translated);
        if (!Array.isArray(ports)) return fail(ports.error);
        const addresses = parseAddresses(strings(k.flags, 'address').flatMap((a) => a.split(',')).filter((a) => a !== '').concat(strings(k.flags, 'address').length ? [] : ['localhost']));
        if (!Array.isArray(addresses)) return fail(addresses.error);
        const current = conn.client.get({ group: '', version: 'v1', resource: 'pods', namespace: conn.namespace, name: text(pod.metadata.name) });
        if (!current.ok) {
          k.err(statusLine(current.status) + '\n');
          return finish(1);
        }
        const phase = text(rec(current.value.status).phase);
        if (phase !== 'Running') return fail(`unable to forward port because pod is not running. Current status=${phase}`);
        stop = forward(k, conn, current.value, ports, addresses, finish);
      };
      const look = (): void => {
        if (isPod) return withPod(object);
        const pods = conn.client.list({ group: '', version: 'v1', resource: 'pods', namespace: conn.namespace }, selector ? { labelSelector: selector } : {});
        if (!pods.ok) {
          k.err(statusLine(pods.status) + '\n');
          return finish(1);
        }
        const items = [...pods.value.items].sort(mostActiveFirst);
        if (items[0]) return withPod(items[0]);
        // GetPodList watches for the first pod to appear, until --pod-running-timeout.
        if (loop.nowMs() - started >= timeoutMs) return fail('timed out waiting for the condition');
        timer = loop.after(Math.min(POLL_MS, timeoutMs - (loop.nowMs() - started)), 'kubectl port-forward', look);
      };
      look();
      return () => {
        loop.cancel(timer);
        stop?.();
        // kubectl catches SIGINT, closes its listeners and exits 0.
        finish(0);
      };
    },
  };
}

/**
 * Binds every port on every address (printing "Forwarding from ..."), then serves connections
 * until stopped. Returns what releases the listeners.
 */
function forward(k: KubectlContext, conn: Conn, pod: KubeObject, ports: ForwardedPort[], addresses: ListenAddress[], finish: (code: number) => void): () => void {
  const machine = k.shell.machine;
  const cluster = machine.clusters.all().find((c) => c.server === conn.server);
  const bound: { address: string; port: number }[] = [];
  const release = (): void => {
    for (const b of bound.splice(0)) machine.ports.release(b.address, b.port);
  };
  let lost = false;
  const connection = (port: ForwardedPort) => (path: string): Fetched => {
    k.out(`Handling connection for ${port.local}\n`);
    const now = conn.client.get({ group: '', version: 'v1', resource: 'pods', namespace: text(pod.metadata.namespace), name: text(pod.metadata.name) });
    const same = now.ok && now.value.metadata.uid === pod.metadata.uid && text(rec(now.value.status).phase) === 'Running';
    const fetched: Fetched = same && cluster ? cluster.http.direct(now.value, port.remote, path) : { kind: 'refused', ip: '' };
    if (fetched.kind === 'reply' || lost) return fetched;
    // The runtime's error comes back on the stream's error channel: client-go logs it, closes the
    // connection to the pod, and port-forward ends.
    lost = true;
    k.err(klogError(machine.loop.nowMs(), `an error occurred forwarding ${port.local} -> ${port.remote}: ${runtimeError(pod, port.remote, same)}`));
    machine.loop.enqueue('kubectl port-forward lost', () => {
      release();
      k.err('error: lost connection to pod\n');
      finish(1);
    });
    return fetched;
  };
  let anyListening = false;
  for (const port of ports) {
    const errors: string[] = [];
    const counts = { all: { ok: 0, failed: 0 }, any: { ok: 0, failed: 0 } };
    for (const addr of addresses) {
      if (port.local === 0) port.local = machine.ports.ephemeralPort((n) => machine.random.intBelow(n), addresses.map((a) => a.address));
      const problem = bindProblem(k, addr.address, port.local);
      if (problem === undefined && machine.ports.bind(addr.address, port.local, connection(port))) {
        bound.push({ address: addr.address, port: port.local });
        counts[addr.failureMode].ok++;
        k.out(`Forwarding from ${hostPort(addr.address, port.local)} -> ${port.remote}\n`);
      } else {
        errors.push(`unable to create listener: Error listen ${addr.protocol} ${hostPort(addr.address, port.local)}: bind: ${problem ?? 'address already in use'}`);
        counts[addr.failureMode].failed++;
      }
    }
    const failed = (counts.all.ok === 0 && counts.all.failed > 0) || counts.any.failed > 0;
    if (failed) k.err(`Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [${errors.join(' ')}]\n`);
    else anyListening = true;
  }
  if (!anyListening) {
    release();
    k.err(`error: unable to listen on any of the requested ports: [${ports.map((p) => `{${p.local} ${p.remote}}`).join(' ')}]\n`);
    machine.loop.enqueue('kubectl port-forward', () => finish(1));
  }
  return release;
}

/** Why the kernel refuses the bind before looking at what else listens. */
function bindProblem(k: KubectlContext, address: string, port: number): string | undefined {
  const own = ['127.0.0.1', '::1', '0.0.0.0', '::'];
  if (!own.includes(address) && !address.startsWith('127.')) return 'cannot assign requested address';
  // The learner is not root: ports below 1024 are privileged (net.ipv4.ip_unprivileged_port_start).
  if (port < 1024 && k.shell.env.get('USER') !== 'root') return 'permission denied';
  return undefined;
}

/** containerd's error for a stream to the pod's port (its CRI PortForward). */
function runtimeError(pod: KubeObject, port: number, podStillThere: boolean): string {
  const sandbox = text(pod.metadata.uid).replace(/-/g, '');
  // UNVERIFIED: the wording when the sandbox is gone (containerd's sandbox store lookup).
  if (!podStillThere) return `error forwarding port ${port} to pod ${sandbox}, uid : failed to find sandbox "${sandbox}" in store: not found`;
  return `error forwarding port ${port} to pod ${sandbox}, uid : failed to execute portforward in network namespace "/var/run/netns/cni-${text(pod.metadata.uid)}": failed to connect to localhost:${port} inside namespace "${sandbox}", IPv4: dial tcp4 127.0.0.1:${port}: connect: connection refused IPv6 dial tcp6 [::1]:${port}: connect: connection refused `;
}

/** client-go's runtime.HandleError line: klog's error header and a structured "Unhandled Error". */
function klogError(nowMs: number, message: string): string {
  return `${klogHeader(nowMs, HANDLE_ERROR_SITE, 'E')}"Unhandled Error" err="${message.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`;
}
