/**
 * `kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]`: reads pods/<name>/log. TYPE/NAME
 * (deploy/web, job/pi, ...) picks one pod by the object's selector, as kubectl's LogsForObject
 * does; `-l` reads every matching pod (tail 10 by default); `-f` follows in virtual time by
 * polling the log until the container stops.
 */
import { terminalSafe } from '../../../kubectl/printers/terminal-safe';
import type { KubeObject, StatusObject } from '../../../api/meta';
import { isRecord, text } from '../../../api/meta';
import { formatSelector, fromLabelSelector } from '../../../api/labels';
import { bool, int, str, type FlagSpec } from '../../../kubectl/flags';
import { getNamedObject, requireConnection, statusLine, type KubectlContext } from './context';
import type { VerbResult } from './index';

export const LOGS_FLAGS: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string' },
  { name: 'previous', short: 'p', type: 'bool' },
  { name: 'follow', short: 'f', type: 'bool' },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'timestamps', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-containers', type: 'bool' },
  { name: 'all-pods', type: 'bool' },
  { name: 'since', type: 'string' },
  { name: 'since-time', type: 'string' },
  { name: 'limit-bytes', type: 'int' },
  { name: 'prefix', type: 'bool' },
  { name: 'ignore-errors', type: 'bool' },
  { name: 'max-log-requests', type: 'int', default: 5 },
  { name: 'pod-running-timeout', type: 'string' },
  { name: 'insecure-skip-tls-verify-backend', type: 'bool' },
];

const USAGE = "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n";
const FOLLOW_POLL_MS = 1000;

type Conn = NonNullable<ReturnType<typeof requireConnection>>;

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function names(v: unknown): string[] {
  return Array.isArray(v) ? v.filter(isRecord).map((c) => text(c.name)) : [];
}

/** Go duration (`10s`, `1h30m`, `2m`) in seconds, rounded up as kubectl does for --since. */
function durationSeconds(s: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
  let total = 0;
  let consumed = '';
  for (const m of s.matchAll(re)) {
    total += Number(m[1]) * { h: 3600, m: 60, s: 1, ms: 0.001 }[m[2] as 'h' | 'm' | 's' | 'ms'];
    consumed += m[0];
  }
  return consumed === s && s !== '' ? Math.ceil(total) : undefined;
}

/** podutils.ByLogging: assigned first, Running < Unknown < Pending, ready first, more restarts, older. */
function byLogging(a: KubeObject, b: KubeObject): number {
  const assigned = (p: KubeObject) => (text(rec(p.spec).nodeName) ? 0 : 1);
  const phase = (p: KubeObject) => ({ Running: 0, Unknown: 1, Pending: 2 })[text(rec(p.status).phase)] ?? 3;
  const ready = (p: KubeObject) => (Array.isArray(rec(p.status).conditions) && (rec(p.status).conditions as unknown[]).some((c) => isRecord(c) && c.type === 'Ready' && c.status === 'True') ? 0 : 1);
  const restarts = (p: KubeObject) => (Array.isArray(rec(p.status).containerStatuses) ? (rec(p.status).containerStatuses as unknown[]).filter(isRecord).reduce((n, c) => n + (typeof c.restartCount === 'number' ? c.restartCount : 0), 0) : 0);
  return assigned(a) - assigned(b) || phase(a) - phase(b) || ready(a) - ready(b) || restarts(b) - restarts(a) || text(a.metadata.creationTimestamp).localeCompare(text(b.metadata.creationTimestamp)) || text(a.metadata.name).localeCompare(text(b.metadata.name));
}

interface Target {
  pod: KubeObject;
  container: string;
}

function listPods(k: KubectlContext, conn: Conn, selector: string): KubeObject[] | undefined {
  const r = conn.client.list({ group: '', version: 'v1', resource: 'pods', namespace: conn.namespace }, { labelSelector: selector });
  if (!r.ok) {
    k.err(statusLine(r.status) + '\n');
    return undefined;
  }
  return [...r.value.items];
}

/** The pod an object's logs come from (SelectorsForObject + GetFirstPod). */
function podForObject(k: KubectlContext, conn: Conn, arg: string): KubeObject | undefined {
  // logs.go rewords a missing object: `error from server (NotFound): ... in namespace "ns"`.
  const named = getNamedObject(k, conn, arg, (status) => (status.reason === 'NotFound' ? `error: error from server (NotFound): ${status.message ?? ''} in namespace "${conn.namespace}"` : statusLine(status)));
  if (!named) return undefined;
  const { resource, object } = named;
  if (resource.group === '' && resource.resource === 'pods') return object;
  const spec = rec(object.spec);
  let selector: string | undefined;
  if (resource.resource === 'services' || resource.resource === 'replicationcontrollers') {
    const sel = rec(spec.selector);
    selector = Object.keys(sel).length ? Object.entries(sel).map(([key, v]) => `${key}=${text(v)}`).join(',') : undefined;
  } else if (isRecord(spec.selector)) selector = formatSelector(fromLabelSelector(spec.selector));
  if (!selector) {
    k.err(`error: cannot get the logs from *v1.${resource.kind}: selector for *v1.${resource.kind} not implemented\n`);
    return undefined;
  }
  const pods = listPods(k, conn, selector);
  if (!pods) return undefined;
  if (pods.length === 0) {
    // UNVERIFIED: kubectl waits --pod-running-timeout (20s) for a pod first.
    k.err('error: timed out waiting for the condition\n');
    return undefined;
  }
  pods.sort(byLogging);
  const first = pods[0] as KubeObject;
  if (pods.length > 1) k.err(`Found ${pods.length} pods, using pod/${text(first.metadata.name)}\n`);
  return first;
}

/** Which containers of `pod` to read: -c, --all-containers, the default-container annotation, or the first. */
function containersOf(k: KubectlContext, pod: KubeObject): string[] | undefined {
  const spec = rec(pod.spec);
  const apps = names(spec.containers);
  const inits = names(spec.initContainers);
  const ephemeral = names(spec.ephemeralContainers);
  if (bool(k.flags, 'all-containers')) return [...inits, ...apps, ...ephemeral];
  const wanted = str(k.flags, 'container');
  if (wanted) {
    // logsForObject looks the container up before asking for its log.
    if ([...apps, ...inits, ...ephemeral].includes(wanted)) return [wanted];
    k.err(`error: container ${wanted} is not valid for pod ${text(pod.metadata.name)}\n`);
    return undefined;
  }
  const annotation = text(rec(pod.metadata.annotations)['kubectl.kubernetes.io/default-container']);
  if (annotation) {
    if ([...apps, ...inits, ...ephemeral].includes(annotation)) return [annotation];
    k.err(`Default container name "${annotation}" not found in pod ${text(pod.metadata.name)}\n`);
  }
  const first = apps[0];
  if (first === undefined) return undefined;
  if (apps.length > 1 || inits.length > 0 || ephemeral.length > 0) {
    const all = [...apps, ...ephemeral.map((c) => `${c} (ephem)`), ...inits.map((c) => `${c} (init)`)];
    k.err(`Defaulted container "${first}" out of: ${all.join(', ')}\n`);
  }
  return [first];
}

function logQuery(k: KubectlContext, container: string, tail: number): Record<string, string> | string {
  const q: Record<string, string> = { container };
  if (bool(k.flags, 'previous')) q.previous = 'true';
  if (bool(k.flags, 'timestamps')) q.timestamps = 'true';
  if (tail >= 0) q.tailLines = String(tail);
  const since = str(k.flags, 'since');
  const sinceTime = str(k.flags, 'since-time');
  if (since && sinceTime) return 'error: at most one of `sinceTime` or `sinceSeconds` may be specified';
  if (since) {
    const s = durationSeconds(since);
    if (s === undefined) return `error: invalid argument "${since}" for "--since" flag: time: invalid duration "${since}"`;
    q.sinceSeconds = String(s);
  }
  if (sinceTime) q.sinceTime = sinceTime;
  const limit = int(k.flags, 'limit-bytes');
  if (limit !== undefined) q.limitBytes = String(limit);
  return q;
}

function fetchLog(conn: Conn, pod: KubeObject, query: Record<string, string>): { ok: true; body: string } | { ok: false; message: string } {
  const r = conn.client.raw({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(text(pod.metadata.namespace))}/pods/${encodeURIComponent(text(pod.metadata.name))}/log`, query });
  if (r.status >= 200 && r.status < 300) return { ok: true, body: typeof r.body === 'string' ? r.body : '' };
  const status = (isRecord(r.body) && r.body.kind === 'Status' ? r.body : { message: String(r.body), reason: 'InternalError' }) as unknown as StatusObject;
  // A Status without a reason (the API server could not reach the kubelet) prints as `Error from server: ...`.
  return { ok: false, message: status.reason === '' ? `Error from server: ${status.message ?? ''}` : statusLine(status) };
}

export function runLogs(k: KubectlContext): VerbResult {
  const selector = str(k.flags, 'selector');
  const positional = k.flags.positional;
  if (positional.length === 0 && !selector) {
    k.err(USAGE);
    return 1;
  }
  if (selector && positional.length > 0) {
    k.err('error: only a selector (-l) or a POD name is allowed\nSee \'kubectl logs -h\' for help and examples\n');
    return 1;
  }
  if (positional.length > 2) {
    k.err(USAGE);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const tailFlag = int(k.flags, 'tail') ?? -1;
  // With a selector the tail defaults to 10 lines.
  const tail = selector && tailFlag === -1 ? 10 : tailFlag;
  let pods: KubeObject[];
  if (selector) {
    const list = listPods(k, conn, selector);
    if (!list) return 1;
    if (list.length === 0) {
      k.err(`No resources found in ${conn.namespace} namespace.\n`);
      return 0;
    }
    pods = list.sort((a, b) => text(a.metadata.name).localeCompare(text(b.metadata.name)));
  } else {
    // `kubectl logs POD CONTAINER` is the deprecated two-argument form.
    if (positional.length === 2 && !k.flags.values.has('container')) k.flags.values.set('container', positional[1] as string);
    const pod = podForObject(k, conn, positional[0] as string);
    if (!pod) return 1;
    pods = [pod];
  }
  const targets: Target[] = [];
  for (const pod of pods) {
    const containers = containersOf(k, pod);
    if (!containers) return 1;
    for (const container of containers) targets.push({ pod, container });
  }
  const follow = bool(k.flags, 'follow');
  const maxRequests = int(k.flags, 'max-log-requests') ?? 5;
  if (follow && targets.length > maxRequests) {
    k.err(`error: you are attempting to follow ${targets.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit\n`);
    return 1;
  }
  const prefix = bool(k.flags, 'prefix');
  // Container bytes never drive the lab terminal: colours pass, other controls show as ^[ (terminal-safe.ts).
  const print = (t: Target, raw: string) => {
    const body = terminalSafe(raw);
    if (!prefix) k.out(body);
    else k.out(body.split('\n').slice(0, -1).map((l) => `[pod/${text(t.pod.metadata.name)}/${t.container}] ${l}\n`).join(''));
  };
  const cursors: { target: Target; last?: string }[] = [];
  for (const t of targets) {
    const query = logQuery(k, t.container, tail);
    if (typeof query === 'string') {
      k.err(query + '\n');
      return 1;
    }
    const r = fetchLog(conn, t.pod, follow ? { ...query, timestamps: 'true' } : query);
    if (!r.ok) {
      if (bool(k.flags, 'ignore-errors')) continue;
      k.err(r.message + '\n');
      return 1;
    }
    if (!follow) {
      print(t, r.body);
      continue;
    }
    const shown = withTimestamps(r.body, bool(k.flags, 'timestamps'));
    print(t, shown.text);
    cursors.push({ target: t, last: shown.last });
  }
  if (!follow || cursors.length === 0) return 0;
  return { wait: (finish) => followLogs(k, conn, cursors, print, finish) };
}

/** Splits `ts line` records: the text to print (with or without timestamps) and the last timestamp. */
function withTimestamps(body: string, keep: boolean, after?: string): { text: string; last?: string } {
  let last = after;
  let out = '';
  for (const line of body.split('\n').slice(0, -1)) {
    const space = line.indexOf(' ');
    const ts = space >= 0 ? line.slice(0, space) : line;
    if (after !== undefined && tsKey(ts) <= tsKey(after)) continue;
    last = ts;
    out += keep ? `${line}\n` : `${space >= 0 ? line.slice(space + 1) : ''}\n`;
  }
  return { text: out, last };
}

/** RFC3339Nano with trimmed zeros → a key that sorts by time. */
function tsKey(ts: string): string {
  const m = /^(.{19})(?:\.(\d+))?Z$/.exec(ts);
  return m ? `${m[1] ?? ''}.${(m[2] ?? '').padEnd(9, '0')}` : ts;
}

/** Polls each followed container in virtual time; finishes when every one has stopped running. */
function followLogs(k: KubectlContext, conn: Conn, cursors: { target: Target; last?: string }[], print: (t: Target, body: string) => void, finish: (code: number) => void): () => void {
  const loop = k.shell.machine.loop;
  let cancelled = false;
  const live = new Set(cursors);
  const tick = () => {
    if (cancelled) return;
    for (const c of [...live]) {
      const pod = conn.client.get({ group: '', version: 'v1', resource: 'pods', namespace: text(c.target.pod.metadata.namespace), name: text(c.target.pod.metadata.name) });
      const r = fetchLog(conn, c.target.pod, { container: c.target.container, timestamps: 'true', ...(bool(k.flags, 'previous') ? { previous: 'true' } : {}) });
      if (r.ok) {
        const shown = withTimestamps(r.body, bool(k.flags, 'timestamps'), c.last);
        if (shown.text) print(c.target, shown.text);
        c.last = shown.last;
      }
      const statuses = pod.ok ? [...(Array.isArray(rec(pod.value.status).containerStatuses) ? (rec(pod.value.status).containerStatuses as unknown[]) : []), ...(Array.isArray(rec(pod.value.status).initContainerStatuses) ? (rec(pod.value.status).initContainerStatuses as unknown[]) : [])] : [];
      const status = statuses.filter(isRecord).find((s) => s.name === c.target.container);
      // The kubelet closes the stream when the container stops (or the pod is gone).
      if (!pod.ok || !r.ok || bool(k.flags, 'previous') || !status || !('running' in rec(status.state))) live.delete(c);
    }
    if (live.size === 0) {
      finish(0);
      return;
    }
    loop.after(FOLLOW_POLL_MS, 'kubectl logs -f', tick);
  };
  loop.after(FOLLOW_POLL_MS, 'kubectl logs -f', tick);
  return () => {
    cancelled = true;
  };
}
