/** The Node object a kind node's kubelet registers (labels, annotations, capacity, nodeInfo, conditions). */
import type { KubeObject } from '../api/meta';
import type { Random } from '../clock';
import { formatRfc3339 } from '../api/time';
import type { NodeRole } from './kind-config';
import { IMAGE_SIZES } from './images';
import { KUBERNETES_VERSION } from './kind-config';

/** What every kind node reports of the host it runs on (kind nodes see the host's CPUs and memory). */
export const HOST_CAPACITY = { cpu: '8', memory: '16331780Ki', ephemeralStorage: '263112772Ki', pods: '110' } as const;
export const HOST_KERNEL = '6.8.0-60-generic';
export const CONTAINER_RUNTIME_VERSION = 'containerd://2.1.3';

export interface KindNodeFacts {
  name: string;
  clusterName: string;
  role: NodeRole;
  internalIP: string;
  podCIDR: string;
  /** kind removes the control-plane taint on a single-node cluster. */
  singleNode: boolean;
  images: readonly string[];
  /** Labels the kind config adds (kubelet `--node-labels`). */
  extraLabels?: Readonly<Record<string, string>>;
}

function hex(random: Random, bytes: number): string {
  let out = '';
  for (let i = 0; i < bytes; i++) out += random.intBelow(256).toString(16).padStart(2, '0');
  return out;
}

export function nodeLabels(facts: KindNodeFacts): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': facts.name,
    'kubernetes.io/os': 'linux',
  };
  if (facts.role === 'control-plane') {
    labels['node-role.kubernetes.io/control-plane'] = '';
    if (!facts.singleNode) labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  return { ...labels, ...facts.extraLabels };
}

export function readyConditions(atMs: number, heartbeatMs: number): Record<string, unknown>[] {
  const t = formatRfc3339(atMs);
  const hb = formatRfc3339(heartbeatMs);
  return [
    { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: t, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: t, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', lastHeartbeatTime: hb, lastTransitionTime: t, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    { type: 'Ready', status: 'True', lastHeartbeatTime: hb, lastTransitionTime: t, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ];
}

export function buildNode(facts: KindNodeFacts, random: Random, nowMs: number): KubeObject {
  const capacity = { cpu: HOST_CAPACITY.cpu, 'ephemeral-storage': HOST_CAPACITY.ephemeralStorage, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: HOST_CAPACITY.memory, pods: HOST_CAPACITY.pods };
  const taints = facts.role === 'control-plane' && !facts.singleNode ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : undefined;
  const spec: Record<string, unknown> = { podCIDR: facts.podCIDR, podCIDRs: [facts.podCIDR], providerID: `kind://docker/${facts.clusterName}/${facts.name}` };
  if (taints) spec.taints = taints;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: facts.name,
      labels: nodeLabels(facts),
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      addresses: [
        { type: 'InternalIP', address: facts.internalIP },
        { type: 'Hostname', address: facts.name },
      ],
      allocatable: { ...capacity },
      capacity,
      conditions: readyConditions(nowMs, nowMs),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images: facts.images.map((image) => ({ names: [image], sizeBytes: IMAGE_SIZES[image] ?? 50_000_000 })),
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidFrom(random),
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kernelVersion: HOST_KERNEL,
        kubeProxyVersion: '',
        kubeletVersion: KUBERNETES_VERSION,
        machineID: hex(random, 16),
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: uuidFrom(random),
      },
      runtimeHandlers: [
        { features: { recursiveReadOnlyMounts: true, userNamespaces: true }, name: 'runc' },
        { features: { recursiveReadOnlyMounts: true, userNamespaces: true }, name: 'test-handler' },
        { features: { recursiveReadOnlyMounts: true, userNamespaces: true }, name: '' },
      ],
      features: { supplementalGroupsPolicy: true },
    },
  };
}

function uuidFrom(random: Random): string {
  const s = hex(random, 16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20, 32)}`;
}

/** 64 hex characters, the shape of a containerd container ID. */
export function containerId(random: Random): string {
  return `containerd://${hex(random, 32)}`;
}

export function imageDigest(random: Random): string {
  return `sha256:${hex(random, 32)}`;
}
