/**
 * `kubectl cluster-info`: the control plane's URL and every kube-system Service labelled
 * `kubernetes.io/cluster-service=true` (CoreDNS on kind) as an API-server proxy URL.
 * `cluster-info dump` prints the cluster's objects as JSON, one document per list, as kubectl
 * does (the pod logs it would append are left out).
 */
import { isRecord } from '../../../api/meta';
import { type FlagSpec } from '../../../kubectl/flags';
import { goJson } from '../../../kubectl/printers/jsonpath';
import { requireConnection, type KubectlContext } from './context';

export const CLUSTER_INFO_FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'namespaces', type: 'string' },
  { name: 'output-directory', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'pod-running-timeout', type: 'string' },
];

export function runClusterInfo(k: KubectlContext): number {
  const sub = k.flags.positional[0];
  const conn = requireConnection(k);
  if (!conn) return 1;
  if (sub === 'dump') return dump(k);
  k.out(`Kubernetes control plane is running at ${conn.server}\n`);
  const services = conn.client.list({ group: '', version: 'v1', resource: 'services', namespace: 'kube-system' }, { labelSelector: 'kubernetes.io/cluster-service=true' });
  if (services.ok) {
    for (const svc of services.value.items) {
      const name = svc.metadata.labels?.['kubernetes.io/name'] ?? String(svc.metadata.name);
      const spec = isRecord(svc.spec) ? svc.spec : {};
      const ports = Array.isArray(spec.ports) ? spec.ports.filter(isRecord) : [];
      const first = ports[0];
      const portName = first ? (typeof first.name === 'string' && first.name ? first.name : String(first.port)) : '';
      const suffix = portName ? `:${portName}` : '';
      k.out(`${name} is running at ${conn.server}/api/v1/namespaces/kube-system/services/${String(svc.metadata.name)}${suffix}/proxy\n`);
    }
  }
  k.out(`\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  return 0;
}

function dump(k: KubectlContext): number {
  const conn = requireConnection(k);
  if (!conn) return 1;
  const print = (value: unknown) => k.out(goJson(value, '    ') + '\n');
  const nodes = conn.client.list({ group: '', version: 'v1', resource: 'nodes' });
  if (nodes.ok) print(nodes.value);
  for (const ns of ['kube-system', 'default']) {
    for (const [group, resource] of [
      ['', 'events'],
      ['', 'replicationcontrollers'],
      ['', 'services'],
      ['apps', 'daemonsets'],
      ['apps', 'deployments'],
      ['apps', 'replicasets'],
      ['', 'pods'],
    ] as const) {
      const r = conn.client.list({ group, version: 'v1', resource, namespace: ns });
      if (r.ok) print(r.value);
    }
  }
  // UNVERIFIED: kubectl also appends each container's logs between "==== START logs ..." markers.
  k.out('Cluster info dumped to standard output\n');
  return 0;
}
