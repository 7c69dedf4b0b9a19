/**
 * `kubectl describe node` (describeNode): metadata, taints, the node's Lease from
 * kube-node-lease, conditions, addresses, capacity, system info, the non-terminated pods with
 * their requests and limits as a share of allocatable, the totals, and events.
 */
import type { KubeObject } from '../../api/meta';
import { goSortStrings } from '../printers/go-format';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { present, quantity, rec, recs, searchEvents, since, str, strs, timeField, writeAnnotations, writeEvents, writeLabels, writeTaints, type DescribeWriter } from './format';
import { addAmounts, amountText, amountValue, podRequestsAndLimits, readResourceList, type Amount, type ResourceAmounts } from './resources';

const NODE_LEASE_NAMESPACE = 'kube-node-lease';
const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
/** Container resources kubectl treats as standard (IsStandardContainerResourceName). */
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(rec(node.metadata.labels))) {
    if (key.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = key.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === 'kubernetes.io/role' && typeof value === 'string' && value !== '') {
      roles.add(value);
    }
  }
  return goSortStrings(roles);
}

/** Go's int64(float64(part) / float64(whole) * 100); a zero whole counts as 0%. */
function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.trunc((Number(part) / Number(whole)) * 100);
}

function cpuCell(amount: Amount | undefined, allocatable: Amount | undefined): string {
  return `${amountText(amount)} (${percent(amount?.milli ?? 0n, allocatable?.milli ?? 0n)}%)`;
}

function unitCell(amount: Amount | undefined, allocatable: Amount | undefined): string {
  return `${amountText(amount)} (${percent(amountValue(amount), amountValue(allocatable))}%)`;
}

/** describeNodeResource: the pods table and the allocated totals. */
function writeNodeResources(w: DescribeWriter, node: KubeObject, pods: readonly KubeObject[], nowMs: number): void {
  const status = rec(node.status);
  const allocatable = Object.keys(rec(status.allocatable)).length > 0 ? readResourceList(status.allocatable) : readResourceList(status.capacity);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const totalRequests: ResourceAmounts = new Map();
  const totalLimits: ResourceAmounts = new Map();
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    addAmounts(totalRequests, requests);
    addAmounts(totalLimits, limits);
    const cpu = allocatable.get('cpu');
    const memory = allocatable.get('memory');
    w.write(
      1,
      `${str(pod.metadata.namespace)}\t${str(pod.metadata.name)}\t\t${cpuCell(requests.get('cpu'), cpu)}\t${cpuCell(limits.get('cpu'), cpu)}\t${unitCell(requests.get('memory'), memory)}\t${unitCell(limits.get('memory'), memory)}\t${since(pod.metadata.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const cpu = allocatable.get('cpu');
  w.write(1, `cpu\t${cpuCell(totalRequests.get('cpu'), cpu)}\t${cpuCell(totalLimits.get('cpu'), cpu)}\n`);
  for (const resource of ['memory', 'ephemeral-storage']) {
    const whole = allocatable.get(resource);
    w.write(1, `${resource}\t${unitCell(totalRequests.get(resource), whole)}\t${unitCell(totalLimits.get(resource), whole)}\n`);
  }
  const names = [...allocatable.keys()];
  for (const resource of goSortStrings(names.filter((n) => n.startsWith('hugepages-')))) {
    const whole = allocatable.get(resource);
    w.write(1, `${resource}\t${unitCell(totalRequests.get(resource), whole)}\t${unitCell(totalLimits.get(resource), whole)}\n`);
  }
  const extended = names.filter((n) => !n.startsWith('hugepages-') && !STANDARD_CONTAINER_RESOURCES.has(n) && n !== 'pods');
  for (const resource of goSortStrings(extended)) w.write(1, `${resource}\t${amountText(totalRequests.get(resource))}\t${amountText(totalLimits.get(resource))}\n`);
}

/** describeNodeLease: holder, acquire and renew times, `<unset>` where missing. */
function writeLease(w: DescribeWriter, node: KubeObject, lease: KubeObject | undefined): void {
  if (!lease) {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${str(node.metadata.name)}" not found\n`);
    return;
  }
  const spec = rec(lease.spec);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${typeof spec.holderIdentity === 'string' ? spec.holderIdentity : '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${present(spec.acquireTime) ? timeField(spec.acquireTime) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${present(spec.renewTime) ? timeField(spec.renewTime) : '<unset>'}\n`);
}

function writeResourceList(w: DescribeWriter, title: string, list: unknown): void {
  const map = rec(list);
  const names = goSortStrings(Object.keys(map));
  if (names.length === 0) return;
  w.write(0, `${title}:\n`);
  for (const n of names) w.write(0, `  ${n}:\t${quantity(map[n])}\n`);
}

const SYSTEM_INFO: readonly (readonly [string, string])[] = [
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
];

export function describeNode(node: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(node.spec);
  const status = rec(node.status);
  const nodeName = str(node.metadata.name);
  w.write(0, `Name:\t${nodeName}\n`);
  const roles = nodeRoles(node);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${timeField(node.metadata.creationTimestamp)}\n`);
  writeTaints(w, 'Taints', spec.taints);
  w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  writeLease(w, node, context.get('coordination.k8s.io', 'leases', NODE_LEASE_NAMESPACE, nodeName));
  const conditions = recs(status.conditions);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${str(c.type)} \t${str(c.status)} \t${timeField(c.lastHeartbeatTime)} \t${timeField(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of recs(status.addresses)) w.write(1, `${str(a.type)}:\t${str(a.address)}\n`);
  writeResourceList(w, 'Capacity', status.capacity);
  writeResourceList(w, 'Allocatable', status.allocatable);
  const info = rec(status.nodeInfo);
  w.write(0, 'System Info:\n');
  for (const [label, key] of SYSTEM_INFO) w.write(0, `  ${label}:\t${str(info[key])}\n`);
  if (str(spec.podCIDR)) w.write(0, `PodCIDR:\t${str(spec.podCIDR)}\n`);
  if (strs(spec.podCIDRs).length > 0) w.write(0, `PodCIDRs:\t${strs(spec.podCIDRs).join(',')}\n`);
  if (str(spec.providerID)) w.write(0, `ProviderID:\t${str(spec.providerID)}\n`);
  const pods = context.list('', 'pods', undefined, { fieldSelector: `spec.nodeName=${nodeName},status.phase!=Succeeded,status.phase!=Failed` });
  writeNodeResources(w, node, pods, context.nowMs);
  // Controllers record node events with the node's uid, the kubelet with its name as uid.
  const events = [...searchEvents(context, node), ...searchEvents(context, node, { uid: nodeName })];
  writeEvents(w, events, context.nowMs);
  return w.toString();
}
