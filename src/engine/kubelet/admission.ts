/**
 * The kubelet's pod admission (lifecycle.predicateAdmitHandler): before it starts a pod bound to
 * its node, the kubelet checks again what the scheduler checked — the OS, resources (pods, cpu,
 * memory, ephemeral-storage, extended resources), node affinity, host ports — and NoExecute taints.
 * A pod that skipped the scheduler (spec.nodeName set by hand) meets these checks here for the
 * first time. A rejected pod fails at once: phase Failed, reason OutOfcpu and the like, message
 * "Pod was rejected: ...", and an event with the same reason.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { readTaints, readTolerations, toleratedByAny } from '../api/taints';
import { NodeInfo, podRequests } from '../scheduler/framework/node-info';
import { ERR_REASON_POD, podMatchesNodeSelectorAndAffinity } from '../scheduler/plugins/node-affinity';
import { ERR_REASON_PORTS, hostPortTaken } from '../scheduler/plugins/node-ports';

export interface Rejection {
  reason: string;
  message: string;
}

/** tainttoleration.ErrReasonNotMatch, the wording the kubelet uses (the scheduler names the taint). */
const ERR_REASON_TAINTS = "node(s) had taints that the pod didn't tolerate";

const OUT_OF: Record<string, string> = { cpu: 'OutOfcpu', memory: 'OutOfmemory', 'ephemeral-storage': 'OutOfephemeral-storage', pods: 'OutOfpods' };

function insufficient(resource: string, requested: number, used: number, capacity: number): Rejection {
  return { reason: OUT_OF[resource] ?? `OutOf${resource}`, message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}` };
}

function predicateFailed(name: string, description: string): Rejection {
  return { reason: name, message: `Predicate ${name} failed: ${description}` };
}

/** v1helper.IsExtendedResourceName: domain-prefixed outside kubernetes.io and not a quota `requests.` name. A missing one is not checked here. */
function isExtended(name: string): boolean {
  return name.includes('/') && !name.startsWith('kubernetes.io/') && !name.startsWith('requests.');
}

/** The first reason the node cannot run the pod beside `others` (the pods it already admitted), or undefined. */
export function admissionRejection(pod: KubeObject, node: KubeObject, others: readonly KubeObject[], isStaticPod: boolean): Rejection | undefined {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const osLabel = pod.metadata.labels?.['kubernetes.io/os'];
  if (osLabel !== undefined && osLabel !== 'linux') return { reason: 'PodOSSelectorNodeLabelDoesNotMatch', message: "Failed to admit pod as the `kubernetes.io/os` label doesn't match node label" };
  if (isRecord(spec.os) && text(spec.os.name) !== 'linux') return { reason: 'PodOSNotSupported', message: "Failed to admit pod as the OS field doesn't match node OS" };

  const info = new NodeInfo(node);
  for (const other of others) info.addPod(other);
  const request = podRequests(pod);
  if (info.pods.length + 1 > info.allowedPodNumber) return insufficient('pods', 1, info.pods.length, info.allowedPodNumber);
  const fits = (wanted: number, allocatable: number, used: number) => wanted === 0 || wanted <= allocatable - used;
  if (!fits(request.milliCPU, info.allocatable.milliCPU, info.requested.milliCPU)) return insufficient('cpu', request.milliCPU, info.requested.milliCPU, info.allocatable.milliCPU);
  if (!fits(request.memory, info.allocatable.memory, info.requested.memory)) return insufficient('memory', request.memory, info.requested.memory, info.allocatable.memory);
  if (!fits(request.ephemeralStorage, info.allocatable.ephemeralStorage, info.requested.ephemeralStorage)) {
    return insufficient('ephemeral-storage', request.ephemeralStorage, info.requested.ephemeralStorage, info.allocatable.ephemeralStorage);
  }
  for (const [name, wanted] of [...request.scalar].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const allocatable = info.allocatable.scalar.get(name);
    if (allocatable === undefined && isExtended(name)) continue;
    const used = info.requested.scalar.get(name) ?? 0;
    if (!fits(wanted, allocatable ?? 0, used)) return insufficient(name, wanted, used, allocatable ?? 0);
  }

  if (!podMatchesNodeSelectorAndAffinity(pod, node)) return predicateFailed('NodeAffinity', ERR_REASON_POD);
  if (hostPortTaken(pod, info.usedPorts)) return predicateFailed('NodePorts', ERR_REASON_PORTS);
  if (!isStaticPod) {
    const tolerations = readTolerations(spec.tolerations);
    const taints = readTaints(isRecord(node.spec) ? node.spec.taints : undefined);
    if (taints.some((t) => t.effect === 'NoExecute' && !toleratedByAny(tolerations, t))) return predicateFailed('TaintToleration', ERR_REASON_TAINTS);
  }
  return undefined;
}
