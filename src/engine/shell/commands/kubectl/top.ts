/**
 * `kubectl top node|pod`: needs the metrics.k8s.io API that metrics-server serves. A kind cluster
 * has no metrics-server, so, as there, kubectl finds no such API group in discovery and says so.
 */
import { type FlagSpec } from '../../../kubectl/flags';
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
  // UNVERIFIED: nothing serves metrics.k8s.io in the lab yet.
  k.err('error: Metrics API not available\n');
  return 1;
}
