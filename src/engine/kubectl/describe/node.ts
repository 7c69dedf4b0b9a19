/** `kubectl describe node`, laid out as kubectl v1.34 prints it. */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import { canonicalQuantity, parseQuantityMilli } from '../../api/quantity';
import { PrefixWriter } from '../printers/tabwriter';
import { rec, recs, since, timeField, writeAnnotations, writeEvents, writeLabels, writeTaints } from './format';
import { amountText, podRequestsAndLimits, type Amount } from './resources';

export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** Go's int64(float) truncation of a percentage. */
function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.trunc((Number(part) / Number(whole)) * 100);
}

function allocatableMilli(node: KubeObject, resource: string): bigint {
  const status = rec(node.status);
  const list = Object.keys(rec(status.allocatable)).length ? rec(status.allocatable) : rec(status.capacity);
  try {
    return parseQuantityMilli(text(list[resource]) || '0');
  } catch {
    return 0n;
  }
}

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);

function writeNodeResources(w: PrefixWriter, node: KubeObject, pods: readonly KubeObject[], nowMs: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const cpu = allocatableMilli(node, 'cpu');
  const memory = allocatableMilli(node, 'memory');
  const cell = (amount: Amount | undefined, whole: bigint) => `${amountText(amount)} (${percent(amount?.milli ?? 0n, whole)}%)`;
  const totalsRequests = new Map<string, Amount>();
  const totalsLimits = new Map<string, Amount>();
  const accumulate = (into: Map<string, Amount>, from: Map<string, Amount>) => {
    for (const [name, a] of from) {
      const current = into.get(name);
      into.set(name, current ? { milli: current.milli + a.milli, format: current.format } : { ...a });
    }
  };
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    accumulate(totalsRequests, requests);
    accumulate(totalsLimits, limits);
    w.write(1, `${text(pod.metadata.namespace)}\t${text(pod.metadata.name)}\t\t${cell(requests.get('cpu'), cpu)}\t${cell(limits.get('cpu'), cpu)}\t${cell(requests.get('memory'), memory)}\t${cell(limits.get('memory'), memory)}\t${since(pod.metadata.creationTimestamp, nowMs)}\n`);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const ephemeral = allocatableMilli(node, 'ephemeral-storage');
  w.write(1, `cpu\t${cell(totalsRequests.get('cpu'), cpu)}\t${cell(totalsLimits.get('cpu'), cpu)}\n`);
  w.write(1, `memory\t${cell(totalsRequests.get('memory'), memory)}\t${cell(totalsLimits.get('memory'), memory)}\n`);
  w.write(1, `ephemeral-storage\t${cell(totalsRequests.get('ephemeral-storage'), ephemeral)}\t${cell(totalsLimits.get('ephemeral-storage'), ephemeral)}\n`);
  const status = rec(node.status);
  const allocatable = Object.keys(rec(status.allocatable)).length ? rec(status.allocatable) : rec(status.capacity);
  const names = Object.keys(allocatable);
  for (const name of names.filter((n) => n.startsWith('hugepages-')).sort()) {
    const whole = allocatableMilli(node, name);
    w.write(1, `${name}\t${cell(totalsRequests.get(name), whole)}\t${cell(totalsLimits.get(name), whole)}\n`);
  }
  for (const name of names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n) && !n.startsWith('requests.') && !n.startsWith('limits.')).sort()) {
    w.write(1, `${name}\t${amountText(totalsRequests.get(name))}\t${amountText(totalsLimits.get(name))}\n`);
  }
}

export function describeNode(node: KubeObject, pods: readonly KubeObject[], lease: KubeObject | undefined, events: readonly KubeObject[] | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  const spec = rec(node.spec);
  const status = rec(node.status);
  w.write(0, `Name:\t${text(node.metadata.name)}\n`);
  const roles = nodeRoles(node);
  w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${timeField(node.metadata.creationTimestamp)}\n`);
  writeTaints(w, 'Taints', spec.taints);
  w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  if (lease) {
    const l = rec(lease.spec);
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${text(l.holderIdentity) || '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${l.acquireTime ? timeField(l.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${l.renewTime ? timeField(l.renewTime) : '<unset>'}\n`);
  } else {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${text(node.metadata.name)}" not found\n`);
  }
  const conditions = recs(status.conditions);
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${text(c.type)} \t${text(c.status)} \t${timeField(c.lastHeartbeatTime)} \t${timeField(c.lastTransitionTime)} \t${text(c.reason)} \t${text(c.message)}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of recs(status.addresses)) w.write(1, `${text(a.type)}:\t${text(a.address)}\n`);
  for (const [title, list] of [['Capacity', rec(status.capacity)], ['Allocatable', rec(status.allocatable)]] as const) {
    const names = Object.keys(list).sort();
    if (!names.length) continue;
    w.write(0, `${title}:\n`);
    for (const name of names) w.write(0, `  ${name}:\t${canonicalQuantity(text(list[name]))}\n`);
  }
  const info = rec(status.nodeInfo);
  w.write(0, 'System Info:\n');
  for (const [label, key] of [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ] as const) {
    w.write(0, `  ${label}:\t${text(info[key])}\n`);
  }
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${text(spec.podCIDR)}\n`);
  if (Array.isArray(spec.podCIDRs) && spec.podCIDRs.length) w.write(0, `PodCIDRs:\t${spec.podCIDRs.map(text).join(',')}\n`);
  if (spec.providerID) w.write(0, `ProviderID:\t${text(spec.providerID)}\n`);
  writeNodeResources(w, node, pods, nowMs);
  writeEvents(w, events, nowMs);
  return w.toString();
}
