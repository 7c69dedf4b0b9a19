/**
 * `kubectl top node|pod`: reads the metrics.k8s.io API that metrics-server serves. A fresh kind
 * cluster has no metrics-server, so, as there, kubectl finds no such API group in discovery and
 * says so; while its APIService is unavailable the request fails with the aggregator's 503.
 */
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { isRecord, text } from '../../../api/meta';
import { parseQuantityMilli } from '../../../api/quantity';
import type { Client } from '../../../client';
import { listMetrics } from '../../../client/metrics';
import { formatTabbed, GET_TABWRITER } from '../../../kubectl/printers/tabwriter';
import { unknownCommandMessage } from '../../../kubectl/suggest';
import { requireConnection, type KubectlContext } from './context';

export const TOP_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'containers', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'use-protocol-buffers', type: 'bool' },
  { name: 'show-capacity', type: 'bool' },
  { name: 'sum', type: 'bool' },
  { name: 'field-selector', type: 'string' },
];

export function runTop(k: KubectlContext): number {
  const sub = k.flags.positional[0];
  const subs: Record<string, string> = { node: 'node', nodes: 'node', no: 'node', pod: 'pod', pods: 'pod', po: 'pod' };
  if (sub === undefined) {
    k.out('Show how much CPU and memory nodes and pods use right now.\n\n The numbers come from the metrics.k8s.io API, which metrics-server provides; kind does not install it.\n\nAvailable Commands:\n  node          CPU and memory use of nodes\n  pod           CPU and memory use of pods\n\nUsage:\n  kubectl top [flags] [options]\n\nUse "kubectl top <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
    return 0;
  }
  if (!subs[sub]) {
    k.err(unknownCommandMessage(sub, 'kubectl top', ['node', 'pod']));
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const groups = conn.client.raw({ method: 'GET', path: '/apis' });
  const body = groups.body as { groups?: { name?: string }[] } | undefined;
  const available = (body?.groups ?? []).some((g) => g.name === 'metrics.k8s.io');
  if (!available) {
    k.err('error: Metrics API not available\n');
    return 1;
  }
  return subs[sub] === 'node' ? topNode(k, conn.client) : topPod(k, conn.client, conn.namespace);
}

function printRows(k: KubectlContext, header: string[], rows: string[][]): void {
  const lines = [...(bool(k.flags, 'no-headers') ? [] : [header]), ...rows];
  k.out(formatTabbed(lines.map((cells) => cells.map((c) => `${c}\t`).join('') + '\n').join(''), GET_TABWRITER));
}

const MI = 1024 * 1024;

function usageOf(usage: unknown): { milliCPU: number; bytes: number } {
  const u = isRecord(usage) ? usage : {};
  return { milliCPU: Number(parseQuantityMilli(text(u.cpu) || '0')), bytes: Number(parseQuantityMilli(text(u.memory) || '0') / 1000n) };
}

/** kubectl's sorters: by name, or by cpu / memory, highest first. */
function sortByUsage<T extends { name: string; milliCPU: number; bytes: number }>(rows: T[], sortBy: string | undefined): T[] {
  if (sortBy === 'cpu') return rows.sort((a, b) => b.milliCPU - a.milliCPU);
  if (sortBy === 'memory') return rows.sort((a, b) => b.bytes - a.bytes);
  return rows;
}

function topNode(k: KubectlContext, client: Client): number {
  const selector = str(k.flags, 'selector');
  const name = k.flags.positional[1];
  const metrics = listMetrics(client, 'nodes', undefined, selector, name);
  if (!metrics.ok) {
    k.err(`Error from server (${metrics.reason}): ${metrics.message}\n`);
    return 1;
  }
  if (metrics.items.length === 0) {
    k.err('error: metrics not available yet\n');
    return 1;
  }
  const nodes = client.list({ group: '', version: 'v1', resource: 'nodes' }, selector ? { labelSelector: selector } : {});
  const allocatable = new Map((nodes.ok ? nodes.value.items : []).filter((n) => name === undefined || n.metadata.name === name).map((n) => [text(n.metadata.name), isRecord(n.status) ? n.status[bool(k.flags, 'show-capacity') ? 'capacity' : 'allocatable'] : undefined]));
  const rows = sortByUsage(metrics.items.map((m) => ({ name: text(isRecord(m.metadata) ? m.metadata.name : ''), ...usageOf(m.usage) })), str(k.flags, 'sort-by'));
  const lines = rows.map((r) => {
    const a = usageOf(allocatable.get(r.name));
    allocatable.delete(r.name);
    return [r.name, `${r.milliCPU}m`, `${a.milliCPU ? Math.trunc((r.milliCPU / a.milliCPU) * 100) : 0}%`, `${Math.trunc(r.bytes / MI)}Mi`, `${a.bytes ? Math.trunc((r.bytes / a.bytes) * 100) : 0}%`];
  });
  for (const name of allocatable.keys()) lines.push([name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  if (lines.length > 0) printRows(k, ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'], lines);
  return 0;
}

function topPod(k: KubectlContext, client: Client, namespace: string): number {
  const all = bool(k.flags, 'all-namespaces');
  const selector = str(k.flags, 'selector');
  const name = k.flags.positional[1];
  const metrics = listMetrics(client, 'pods', all && name === undefined ? undefined : namespace, selector, name);
  if (!metrics.ok) {
    k.err(`Error from server (${metrics.reason}): ${metrics.message}\n`);
    return 1;
  }
  const items = metrics.items;
  if (items.length === 0) {
    // Pods that exist but have no metrics yet (verifyEmptyMetrics).
    const pods = client.list({ group: '', version: 'v1', resource: 'pods', namespace: all ? undefined : namespace }, selector ? { labelSelector: selector } : {});
    if (pods.ok && pods.value.items.length > 0) {
      k.err('error: metrics not available yet\n');
      return 1;
    }
    k.err(all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
    return 0;
  }
  const containers = bool(k.flags, 'containers');
  const pods = items.map((m) => {
    const meta = isRecord(m.metadata) ? m.metadata : {};
    const cs = (Array.isArray(m.containers) ? m.containers.filter(isRecord) : []).map((c) => ({ name: text(c.name), ...usageOf(c.usage) }));
    return { name: text(meta.name), namespace: text(meta.namespace), containers: cs, milliCPU: cs.reduce((s, c) => s + c.milliCPU, 0), bytes: cs.reduce((s, c) => s + c.bytes, 0) };
  });
  pods.sort((a, b) => (all && a.namespace !== b.namespace ? (a.namespace < b.namespace ? -1 : 1) : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sortBy = str(k.flags, 'sort-by');
  sortByUsage(pods, sortBy);
  const lines: string[][] = [];
  for (const p of pods) {
    const prefix = all ? [p.namespace] : [];
    if (containers) for (const c of sortByUsage([...p.containers], sortBy)) lines.push([...prefix, p.name, c.name, `${c.milliCPU}m`, `${Math.trunc(c.bytes / MI)}Mi`]);
    else lines.push([...prefix, p.name, `${p.milliCPU}m`, `${Math.trunc(p.bytes / MI)}Mi`]);
  }
  printRows(k, [...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'], lines);
  return 0;
}
