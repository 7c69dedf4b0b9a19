/**
 * `kubectl expose TYPE NAME --port=...`: builds a Service selecting what the object selects
 * (a Deployment's or ReplicaSet's selector, a Pod's labels, a Service's selector) with the
 * object's labels, and prints `service/NAME exposed`.
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import { resolveResource, type ApiResource } from '../../../client/discovery';
import { str, strings, type FlagSpec } from '../../../kubectl/flags';
import { parseTargets } from './get';
import { applyOverrides, checkOutputFormat, DRY_RUN_FLAG, dryRunOf, dryRunQuery, OUTPUT_FLAG, OVERRIDE_FLAGS, parsePairs, printOutcome, refOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const EXPOSE_FLAGS: FlagSpec[] = [
  { name: 'port', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'protocol', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  ...OVERRIDE_FLAGS,
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'save-config', type: 'bool' },
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
];

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (isRecord(v) ? v : {});

function selectorOf(object: KubeObject): Record<string, string> | { error: string } {
  const spec = rec(object.spec);
  if (object.kind === 'Pod') {
    const labels = object.metadata.labels ?? {};
    if (Object.keys(labels).length === 0) return { error: 'the pod has no labels and cannot be exposed' };
    return { ...labels };
  }
  if (object.kind === 'Service') {
    const sel = rec(spec.selector) as Record<string, string>;
    if (Object.keys(sel).length === 0) return { error: 'the service has no pod selector set' };
    return { ...sel };
  }
  if (object.kind === 'ReplicationController') return { ...(rec(spec.selector) as Record<string, string>) };
  if (['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(object.kind)) {
    const selector = rec(spec.selector);
    if (Array.isArray(selector.matchExpressions) && selector.matchExpressions.length > 0) return { error: `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}" to map-based selector format` };
    return { ...(rec(selector.matchLabels) as Record<string, string>) };
  }
  return { error: `cannot expose a ${object.kind}` };
}

function containerPorts(object: KubeObject): Obj[] {
  const spec = rec(object.spec);
  const podSpec = object.kind === 'Pod' ? spec : rec(rec(spec.template).spec);
  if (object.kind === 'Service') return (Array.isArray(spec.ports) ? spec.ports : []).map(rec).map((p) => ({ containerPort: p.port, protocol: p.protocol, name: p.name }));
  return (Array.isArray(podSpec.containers) ? podSpec.containers : []).flatMap((c) => (Array.isArray(rec(c).ports) ? (rec(c).ports as unknown[]) : []).map(rec));
}

export function runExpose(k: KubectlContext): number {
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  if (!checkOutputFormat(k)) return 1;
  const conn = requireConnection(k);
  if (!conn) return 1;
  const targets = parseTargets(k, k.flags.positional);
  if ('error' in targets) {
    k.err(targets.error + '\n');
    return 1;
  }
  const t = targets[0];
  const name = t?.names[0];
  if (!t || name === undefined) {
    k.err("error: you must provide one or more resources by argument or filename\nSee 'kubectl expose -h' for help and examples\n");
    return 1;
  }
  if (!['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'].includes(t.resource.kind)) {
    k.err(`error: cannot expose a ${t.resource.kind}${t.resource.group ? '.' + t.resource.group : ''}\n`);
    return 1;
  }
  const r = conn.client.get({ ...refOf(t.resource, conn.namespace), name });
  if (!r.ok) {
    k.err(statusLine(r.status) + '\n');
    return 1;
  }
  const object = r.value;
  const selectorFlag = str(k.flags, 'selector');
  const selector = selectorFlag ? parsePairs(selectorFlag) : selectorOf(object);
  if ('error' in selector) {
    k.err(`error: couldn't retrieve selectors via --selector flag or introspection: ${String(selector.error)}\nSee 'kubectl expose -h' for help and examples\n`);
    return 1;
  }
  const protocol = str(k.flags, 'protocol');
  const targetPort = str(k.flags, 'target-port');
  const portFlag = str(k.flags, 'port');
  const ports: Obj[] = [];
  if (portFlag) {
    for (const p of portFlag.split(',')) {
      const port: Obj = { port: Number(p), protocol: protocol ?? 'TCP', targetPort: targetPort !== undefined ? (/^\d+$/.test(targetPort) ? Number(targetPort) : targetPort) : Number(p) };
      ports.push(port);
    }
  } else {
    const found = containerPorts(object);
    if (found.length === 0) {
      k.err("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n");
      return 1;
    }
    found.forEach((p, i) => {
      const port: Obj = {};
      if (found.length > 1) port.name = typeof p.name === 'string' && p.name ? p.name : `port-${i + 1}`;
      port.port = p.containerPort;
      port.protocol = protocol ?? (typeof p.protocol === 'string' ? p.protocol : 'TCP');
      port.targetPort = targetPort !== undefined ? (/^\d+$/.test(targetPort) ? Number(targetPort) : targetPort) : p.containerPort;
      ports.push(port);
    });
  }
  if (ports.length > 1) ports.forEach((p, i) => (p.name ??= `port-${i + 1}`));
  const serviceName = str(k.flags, 'name') ?? name;
  const labelsFlag = str(k.flags, 'labels');
  const labels = labelsFlag ? parsePairs(labelsFlag) : { ...(object.metadata.labels ?? {}) };
  const spec: Obj = { ports, selector };
  const type = str(k.flags, 'type');
  if (type) spec.type = type;
  const clusterIP = str(k.flags, 'cluster-ip');
  if (clusterIP) spec.clusterIP = clusterIP;
  const external = strings(k.flags, 'external-ip');
  if (external.length) spec.externalIPs = external.flatMap((e) => e.split(','));
  const affinity = str(k.flags, 'session-affinity');
  if (affinity) spec.sessionAffinity = affinity;
  const metadata: Obj = { name: serviceName };
  if (Object.keys(labels).length) metadata.labels = labels;
  const service = applyOverrides(k, { apiVersion: 'v1', kind: 'Service', metadata, spec, status: { loadBalancer: {} } });
  if (!service) return 1;
  const services = resolveResource(k.resources(), 'services') as ApiResource;
  if (dryRun === 'client') return printOutcome(k, service, services, 'exposed', dryRun) ? 0 : 1;
  const created = conn.client.create(refOf(services, conn.namespace), service, { ...dryRunQuery(dryRun), fieldManager: 'kubectl-expose' });
  if (!created.ok) {
    k.err(statusLine(created.status) + '\n');
    return 1;
  }
  return printOutcome(k, created.value, services, 'exposed', dryRun) ? 0 : 1;
}
