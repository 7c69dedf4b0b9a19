/**
 * Commands inside a kind node container (`docker exec -it kind-worker bash`): crictl talking to the
 * node's containerd, the kubelet's systemd unit, and process and host tools. What they show comes
 * from the pods the API server says run on this node and the kubelet's own status, read through the
 * cluster's API as any node-local tool would see it reflected there.
 */
import { isRecord, text } from '../../api/meta';
import { parseRfc3339 as parseTime } from '../../api/time';
import type { Client } from '../../client';
import type { NodeContainer } from '../../cluster/runtime';
import type { Command, CommandTable } from '../command';
import { CORE_COMMANDS } from '../commands/coreutils';
import { TEXT_COMMANDS } from '../commands/text-utils';
import { FILTER_COMMANDS } from '../commands/filters';
import { ipCommand, iptablesCommand, iptablesSaveCommand } from './net-commands';
import { aptGetCommand, ipvsadmCommand } from './ipvs-commands';
import type { KubeProxyMode } from '../../cluster/kind-config';
import { ssCommand } from './sockets';
import { crictl, podsOnNode } from './crictl';

export interface NodeShellContext {
  node: NodeContainer;
  client: Client;
  nowMs: () => number;
  /** The node's kubelet unit, for `systemctl stop|start|restart kubelet`. */
  kubelet: { stop(): void; start(): void; unseenExit?(podUid: string, container: string): { code: number; atMs: number } | undefined };
  /** The node's containerd unit, for `systemctl stop|start|restart containerd`. */
  containerd?: { stop(): void; start(): void };
  /** The cluster's kube-proxy mode, for `iptables-save` and `ipvsadm`. */
  kubeProxyMode?: KubeProxyMode;
}

/** A systemd unit this lab's systemctl manages: its description line and unit file, and its up/down times. */
interface Unit {
  title: string;
  lines: string[];
  stop(): void;
  start(): void;
  stoppedAtMs?: number;
  sinceMs: number;
}

function unitFor(ctx: NodeShellContext, name: string | undefined): Unit | undefined {
  const n = ctx.node;
  if (name === 'kubelet' || name === 'kubelet.service')
    return {
      title: 'kubelet.service - kubelet: The Kubernetes Node Agent',
      lines: ['     Loaded: loaded (/etc/systemd/system/kubelet.service; enabled; preset: enabled)', '    Drop-In: /etc/systemd/system/kubelet.service.d', '             └─10-kubeadm.conf, 11-kind.conf'],
      stop: () => ctx.kubelet.stop(),
      start: () => ctx.kubelet.start(),
      stoppedAtMs: n.kubeletStoppedAtMs,
      sinceMs: n.kubeletStoppedAtMs ?? n.startedKubeletAtMs ?? n.startedAtMs,
    };
  const containerd = ctx.containerd;
  if (containerd && (name === 'containerd' || name === 'containerd.service'))
    return {
      // UNVERIFIED: the unit's path and preset line in kind's node image.
      title: 'containerd.service - containerd container runtime',
      lines: ['     Loaded: loaded (/etc/systemd/system/containerd.service; enabled; preset: enabled)'],
      stop: () => containerd.stop(),
      start: () => containerd.start(),
      stoppedAtMs: n.containerdStoppedAtMs,
      sinceMs: n.containerdStoppedAtMs ?? n.startedContainerdAtMs ?? n.startedAtMs,
    };
  return undefined;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** systemd's relative time (format_timestamp_relative): `45s ago`, `2min 5s ago`, `12min ago`, `1h 3min ago`. */
export function systemdAgo(ms: number): string {
  const s = Math.floor(ms / 1000);
  const day = 86_400;
  if (s >= 2 * day) return `${Math.floor(s / day)} days ago`;
  if (s >= 25 * 3600) return `1 day ${Math.floor((s - day) / 3600)}h ago`;
  if (s >= 3600) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}min ago`;
  if (s >= 300) return `${Math.floor(s / 60)}min ago`;
  if (s >= 60) return `${Math.floor(s / 60)}min ${s % 60}s ago`;
  if (s >= 1) return `${s}s ago`;
  return ms > 0 ? `${ms}ms ago` : 'now';
}

/** systemd's timestamp: `Mon 2025-09-01 09:00:02 UTC`. */
function systemdTime(ms: number): string {
  const d = new Date(ms);
  return `${d.toUTCString().slice(0, 3)} ${d.toISOString().replace('T', ' ').slice(0, 19)} UTC`;
}

/** `systemctl status|stop|start|restart kubelet|containerd`: the node's agent and runtime as systemd units. */
function systemctl(ctx: NodeShellContext): Command {
  return (c) => {
    const [sub, rawUnit] = c.args;
    const unit = unitFor(ctx, rawUnit);
    if (!unit || !['status', 'stop', 'start', 'restart'].includes(sub ?? '')) {
      c.stderr(`systemctl: this lab's systemctl knows only status, stop, start and restart of the kubelet and containerd units\n`);
      c.done(1);
      return;
    }
    if (sub === 'stop' || sub === 'restart') unit.stop();
    if (sub === 'start' || sub === 'restart') unit.start();
    if (sub !== 'status') {
      c.done(0);
      return;
    }
    const now = ctx.nowMs();
    const stoppedAt = unit.stoppedAtMs;
    const since = unit.sinceMs;
    const active = stoppedAt === undefined ? `active (running) since ${systemdTime(since)}; ${systemdAgo(now - since)}` : `inactive (dead) since ${systemdTime(stoppedAt)}; ${systemdAgo(now - stoppedAt)}`;
    const docs = rawUnit?.startsWith('containerd') ? 'https://containerd.io' : 'http://kubernetes.io/docs/';
    c.stdout([`${stoppedAt === undefined ? '●' : '○'} ${unit.title}`, ...unit.lines, `     Active: ${active}`, `       Docs: ${docs}`, ''].join('\n'));
    // systemctl status exits 3 for a unit that is not running.
    c.done(stoppedAt === undefined ? 0 : 3);
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
/** The kubelet's process id in a kind node container. UNVERIFIED: varies per node. */
const KUBELET_PID = 219;

/** `Sep 01 09:00:02 NODE kubelet[219]: I0901 09:00:02.000000     219 FILE] MESSAGE`: journald's prefix, then klog's header. */
function journalLine(node: string, ms: number, source: string, message: string, severity = 'I'): string {
  const d = new Date(ms);
  const clock = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const micros = String((ms % 1000) * 1000).padStart(6, '0');
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${two(d.getUTCDate())} ${clock} ${node} kubelet[${KUBELET_PID}]: ${severity}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${clock}.${micros}     ${KUBELET_PID} ${source}] ${message}`;
}

/**
 * `journalctl -u kubelet [-n N] [-f]`: the kubelet's journal, rebuilt from what the cluster recorded
 * about this node's pods (their events) as the kubelet's own log lines at its default verbosity.
 * UNVERIFIED: the source file:line references and which lines klog prints at kind's verbosity.
 */
function journalctl(ctx: NodeShellContext): Command {
  return (c) => {
    const unit = c.args[c.args.indexOf('-u') + 1] ?? c.args.find((a) => a.startsWith('--unit='))?.slice(7);
    if (!c.args.includes('-u') && !c.args.some((a) => a.startsWith('--unit='))) {
      c.stdout('-- No entries --\n');
      c.done(0);
      return;
    }
    if (unit !== 'kubelet' && unit !== 'kubelet.service') {
      c.stdout('-- No entries --\n');
      c.done(0);
      return;
    }
    const node = ctx.node.name;
    const lines: [number, string][] = [
      [ctx.node.startedAtMs, `${journalLine(node, ctx.node.startedAtMs, '', '').split(' kubelet[')[0] ?? ''} systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.`],
      [ctx.node.startedAtMs + 1, journalLine(node, ctx.node.startedAtMs + 1, 'server.go:530', `"Kubelet version" kubeletVersion="v1.34.0"`)],
    ];
    const events = ctx.client.list({ group: '', version: 'v1', resource: 'events' });
    const podNames = new Map(podsOnNode(ctx).map((p) => [text(p.metadata.uid), `${text(p.metadata.namespace)}/${text(p.metadata.name)}`]));
    for (const event of events.ok ? events.value.items : []) {
      const involved = rec(event.involvedObject);
      if (involved.kind !== 'Pod') continue;
      const at = parseTime(text(event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? '')) ?? 0;
      const pod = `${text(involved.namespace)}/${text(involved.name)}`;
      const reason = text(event.reason);
      const onThisNode = rec(event.source).host === node || (reason === 'Scheduled' && text(event.message).endsWith(` to ${node}`)) || podNames.has(text(involved.uid));
      if (!onThisNode) continue;
      if (reason === 'Scheduled') lines.push([at, journalLine(node, at, 'kubelet.go:2436', `"SyncLoop ADD" source="api" pods=["${pod}"]`)]);
      else if (reason === 'Started') lines.push([at, journalLine(node, at, 'kubelet.go:2480', `"SyncLoop (PLEG): event for pod" pod="${pod}" event={"ID":"${text(involved.uid)}","Type":"ContainerStarted"}`)]);
      else if (reason === 'Killing') lines.push([at, journalLine(node, at, 'kubelet.go:2452', `"SyncLoop DELETE" source="api" pods=["${pod}"]`)]);
      else if (reason === 'BackOff' || reason === 'Failed') lines.push([at, journalLine(node, at, 'pod_workers.go:1301', `"Error syncing pod, skipping" err=${JSON.stringify(text(event.message))} pod="${pod}"`, 'E')]);
    }
    lines.sort((a, b) => a[0] - b[0]);
    const n = c.args.indexOf('-n');
    const shown = n >= 0 ? lines.slice(-Number(c.args[n + 1] ?? 10)) : lines;
    c.stdout(shown.map(([, l]) => l).join('\n') + '\n');
    c.done(0);
  };
}

function hostname(ctx: NodeShellContext): Command {
  return (c) => {
    c.stdout(`${ctx.node.name}\n`);
    c.done(0);
  };
}

/** The command table of a node shell: coreutils plus the node's tools. */
export function nodeCommands(ctx: NodeShellContext): CommandTable {
  return new Map<string, Command>(Object.entries({ ...CORE_COMMANDS, ...TEXT_COMMANDS, ...FILTER_COMMANDS, crictl: crictl(ctx), systemctl: systemctl(ctx), journalctl: journalctl(ctx), hostname: hostname(ctx), 'iptables-save': iptablesSaveCommand(ctx), ipvsadm: ipvsadmCommand(ctx), 'apt-get': aptGetCommand(ctx), apt: aptGetCommand(ctx), iptables: iptablesCommand(ctx), ip: ipCommand(ctx), ss: ssCommand(ctx) }));
}
