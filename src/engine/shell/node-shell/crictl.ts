/**
 * crictl inside a kind node: `ps`, `pods` and `images` as containerd's CRI shows them, read from the
 * pods the API server places on this node. The flags are crictl's (urfave/cli): `-a`, `-q`, `--name`
 * and `--namespace` (regular expressions), `--pod`, `--state`.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { parseRfc3339 as parseTime } from '../../api/time';
import { alignColumns } from '../../kubectl/printers/table-printer';
import type { Command, CommandContext } from '../command';
import type { NodeShellContext } from './node-commands';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** go-units HumanDuration, as crictl's CREATED column shows it ("2 minutes ago"). */
function humanAgo(ms: number): string {
  const s = Math.floor(ms / 1000);
  let d: string;
  if (s < 1) d = 'Less than a second';
  else if (s === 1) d = '1 second';
  else if (s < 60) d = `${s} seconds`;
  else if (s < 120) d = 'About a minute';
  else if (s < 3600) d = `${Math.floor(s / 60)} minutes`;
  else if (s < 7200) d = 'About an hour';
  else if (s < 48 * 3600) d = `${Math.round(s / 3600)} hours`;
  else d = `${Math.floor(s / 86400)} days`;
  return `${d} ago`;
}

/** The pods bound to this node, oldest first. */
export function podsOnNode(ctx: NodeShellContext): KubeObject[] {
  const list = ctx.client.list({ group: '', version: 'v1', resource: 'pods' }, { fieldSelector: `spec.nodeName=${ctx.node.name}` });
  return list.ok ? [...list.value.items].sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp))) : [];
}

/** A stable stand-in for an image's config digest when the node status lists no digest. UNVERIFIED: real ids. */
function imageIdOf(name: string): string {
  let h = 0x811c9dc5;
  let g = 0x9e3779b9;
  for (let i = 0; i < name.length; i++) {
    h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
    g = Math.imul(g ^ name.charCodeAt(i), 0x85ebca6b) >>> 0;
  }
  return (h.toString(16).padStart(8, '0') + g.toString(16).padStart(8, '0')).slice(0, 13);
}

const fullId = (id: string) => id.replace(/^[a-z]+:\/\//, '').replace(/^sha256:/, '');
const shortId = (id: string) => fullId(id).slice(0, 13);

/** crictl prints through a tabwriter with minwidth 20 and padding 3. */
function crictlTable(rows: string[][]): string {
  return alignColumns(rows, { minWidth: 20, tabWidth: 1, padding: 3 });
}

/** What `crictl ps|pods` was asked to show. */
interface ListOptions {
  all: boolean;
  quiet: boolean;
  name?: RegExp;
  namespace?: RegExp;
  pod?: string;
  state?: string;
}

const BOOL_FLAGS: Record<string, 'all' | 'quiet'> = { '-a': 'all', '--all': 'all', '-q': 'quiet', '--quiet': 'quiet' };
const VALUE_FLAGS: Record<string, 'name' | 'namespace' | 'pod' | 'state'> = { '--name': 'name', '--namespace': 'namespace', '-p': 'pod', '--pod': 'pod', '-s': 'state', '--state': 'state' };

/** Parses crictl's list flags; prints urfave/cli's error and returns undefined for a bad one. */
function parseListFlags(c: CommandContext, args: string[], sub: 'ps' | 'pods'): ListOptions | undefined {
  const opts: ListOptions = { all: false, quiet: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const boolKey = BOOL_FLAGS[flag];
    const valueKey = VALUE_FLAGS[flag];
    // `pods` has no --all or --pod.
    const known = sub === 'ps' ? boolKey !== undefined || valueKey !== undefined : (boolKey === 'quiet' || (valueKey !== undefined && valueKey !== 'pod'));
    if (!known) {
      const shown = arg.startsWith('-') ? arg.replace(/^--?/, '').split('=')[0] : arg;
      c.stderr(arg.startsWith('-') ? `Incorrect Usage: flag provided but not defined: -${shown}\n` : `crictl ${sub} takes no arguments: ${arg}\n`);
      return undefined;
    }
    if (boolKey) {
      opts[boolKey] = true;
      continue;
    }
    const value = flag !== arg ? arg.slice(eq + 1) : args[++i];
    if (value === undefined) {
      c.stderr(`Incorrect Usage: flag needs an argument: ${flag.replace(/^--?/, '-')}\n`);
      return undefined;
    }
    if (valueKey === 'name' || valueKey === 'namespace') {
      try {
        opts[valueKey] = new RegExp(value);
      } catch {
        c.stderr(`error parsing regexp: ${value}\n`);
        return undefined;
      }
    } else if (valueKey) opts[valueKey] = value;
  }
  return opts;
}

function listContainers(c: CommandContext, ctx: NodeShellContext, opts: ListOptions): void {
  const now = ctx.nowMs();
  const rows = [['CONTAINER', 'IMAGE', 'CREATED', 'STATE', 'NAME', 'ATTEMPT', 'POD ID', 'POD', 'NAMESPACE']];
  const ids: string[] = [];
  // crictl lists the newest containers first.
  for (const pod of podsOnNode(ctx).reverse()) {
    const podId = fullId(text(pod.metadata.uid).replace(/-/g, ''));
    if (opts.pod !== undefined && !podId.startsWith(opts.pod)) continue;
    if (opts.namespace && !opts.namespace.test(text(pod.metadata.namespace))) continue;
    for (const status of (rec(pod.status).containerStatuses as unknown[] | undefined) ?? []) {
      const s = rec(status);
      // containerd knows of an exit the stopped kubelet has not reported yet.
      const running = isRecord(rec(s.state).running) && !ctx.kubelet.unseenExit?.(text(pod.metadata.uid), text(s.name));
      const state = running ? 'Running' : 'Exited';
      if (!s.containerID) continue;
      if (opts.state !== undefined ? opts.state.toLowerCase() !== state.toLowerCase() : !running && !opts.all) continue;
      if (opts.name && !opts.name.test(text(s.name))) continue;
      const started = parseTime(text(rec(rec(s.state).running).startedAt ?? rec(rec(s.state).terminated).startedAt ?? pod.metadata.creationTimestamp));
      ids.push(fullId(text(s.containerID)));
      rows.push([shortId(text(s.containerID)), shortId(text(s.imageID).split('@')[1] ?? text(s.imageID)), humanAgo(now - (started ?? now)), state, text(s.name), String(typeof s.restartCount === 'number' ? s.restartCount : 0), shortId(podId), text(pod.metadata.name), text(pod.metadata.namespace)]);
    }
  }
  c.stdout(opts.quiet ? ids.map((id) => `${id}\n`).join('') : crictlTable(rows));
}

function listPods(c: CommandContext, ctx: NodeShellContext, opts: ListOptions): void {
  const now = ctx.nowMs();
  const rows = [['POD ID', 'CREATED', 'STATE', 'NAME', 'NAMESPACE', 'ATTEMPT', 'RUNTIME']];
  const ids: string[] = [];
  for (const pod of podsOnNode(ctx).reverse()) {
    const created = parseTime(text(pod.metadata.creationTimestamp)) ?? now;
    const ready = (rec(pod.status).conditions as unknown[] | undefined)?.some((x) => rec(x).type === 'PodReadyToStartContainers' && rec(x).status === 'True');
    const state = ready ? 'Ready' : 'NotReady';
    if (opts.name && !opts.name.test(text(pod.metadata.name))) continue;
    if (opts.namespace && !opts.namespace.test(text(pod.metadata.namespace))) continue;
    if (opts.state !== undefined && opts.state.toLowerCase() !== state.toLowerCase()) continue;
    const podId = text(pod.metadata.uid).replace(/-/g, '');
    ids.push(podId);
    rows.push([shortId(podId), humanAgo(now - created), state, text(pod.metadata.name), text(pod.metadata.namespace), '0', '(default)']);
  }
  c.stdout(opts.quiet ? ids.map((id) => `${id}\n`).join('') : crictlTable(rows));
}

function listImages(c: CommandContext, ctx: NodeShellContext): void {
  const node = ctx.client.get({ group: '', version: 'v1', resource: 'nodes', name: ctx.node.name });
  const rows = [['IMAGE', 'TAG', 'IMAGE ID', 'SIZE']];
  const images = node.ok ? ((rec(node.value.status).images as unknown[] | undefined) ?? []) : [];
  for (const image of images) {
    const names = (rec(image).names as string[] | undefined) ?? [];
    const tagged = names.find((n) => !n.includes('@')) ?? names[0] ?? '';
    const digest = names.find((n) => n.includes('@')) ?? '';
    const at = tagged.lastIndexOf(':');
    const size = Number(rec(image).sizeBytes ?? 0);
    rows.push([at > 0 ? tagged.slice(0, at) : tagged, at > 0 ? tagged.slice(at + 1) : '<none>', shortId(digest.split('@')[1] ?? imageIdOf(tagged)), size >= 1e6 ? `${(size / 1e6).toFixed(1)}MB` : `${(size / 1e3).toFixed(1)}kB`]);
  }
  c.stdout(crictlTable(rows));
}

export function crictl(ctx: NodeShellContext): Command {
  return (c) => {
    const [sub, ...rest] = c.args;
    if (ctx.node.containerdStoppedAtMs !== undefined && (sub === 'ps' || sub === 'pods' || sub === 'images')) {
      // crictl's connection check (a Version call) fails when nothing listens on containerd's socket;
      // logrus prints fatal errors as FATA[0000] on a terminal. UNVERIFIED: the socket is gone once containerd stops.
      const sock = '/run/containerd/containerd.sock';
      c.stderr(`FATA[0000] validate service connection: validate CRI v1 runtime API for endpoint "unix://${sock}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${sock}: connect: no such file or directory"\n`);
      c.done(1);
      return;
    }
    if (sub === 'ps' || sub === 'pods') {
      const opts = parseListFlags(c, rest, sub);
      if (!opts) {
        c.done(1);
        return;
      }
      if (sub === 'ps') listContainers(c, ctx, opts);
      else listPods(c, ctx, opts);
      c.done(0);
      return;
    }
    if (sub === 'images') {
      listImages(c, ctx);
      c.done(0);
      return;
    }
    c.stderr(`crictl: '${sub ?? ''}' is not a command this lab's crictl knows (try ps, pods or images)\n`);
    c.done(1);
  };
}
