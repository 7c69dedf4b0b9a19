import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { RESOURCE_TYPES, type ResourceType } from '../../api/resources';
import { describe } from './index';
import { fakeContext } from './test-context';

const T0 = Date.parse('2025-09-01T09:00:00Z');

function typeOf(group: string, kind: string): ResourceType {
  const t = RESOURCE_TYPES.find((r) => r.group === group && r.kind === kind);
  if (!t) throw new Error(`no type ${group}/${kind}`);
  return t;
}

const pendingPod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx', namespace: 'default', uid: 'a1b2c3', creationTimestamp: '2025-09-01T09:00:00Z', labels: { run: 'nginx' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx',
        imagePullPolicy: 'Always',
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        volumeMounts: [{ name: 'kube-api-access-5x7vq', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    serviceAccount: 'default',
    securityContext: {},
    schedulerName: 'default-scheduler',
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    volumes: [
      {
        name: 'kube-api-access-5x7vq',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
          defaultMode: 420,
        },
      },
    ],
  },
  status: {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2025-09-01T09:00:00Z', reason: 'Unschedulable', message: '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.' }],
    qosClass: 'BestEffort',
  },
};

const schedulingEvent: KubeObject = {
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name: 'nginx.1861a3f0c5e6a7b8', namespace: 'default', creationTimestamp: '2025-09-01T09:00:00Z' },
  involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx', uid: 'a1b2c3', apiVersion: 'v1', resourceVersion: '501' },
  reason: 'FailedScheduling',
  message: '0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
  source: { component: 'default-scheduler' },
  firstTimestamp: null,
  lastTimestamp: null,
  eventTime: '2025-09-01T09:00:00.123456Z',
  type: 'Warning',
  action: 'Scheduling',
  reportingComponent: 'default-scheduler',
  reportingInstance: 'default-scheduler-kind-control-plane',
  count: 1,
};

suite('kubectl describe pod', () => {
  it('prints an unscheduled pod', () => {
    const out = describe(typeOf('', 'Pod'), pendingPod, fakeContext(T0 + 12_000, { '/events': [schedulingEvent] }));
    expect(out).toBe(
      [
        'Name:             nginx',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             <none>',
        'Labels:           run=nginx',
        'Annotations:      <none>',
        'Status:           Pending',
        'IP:               ',
        'IPs:              <none>',
        'Containers:',
        '  nginx:',
        '    Image:        nginx',
        '    Port:         <none>',
        '    Host Port:    <none>',
        '    Environment:  <none>',
        '    Mounts:',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-5x7vq (ro)',
        'Conditions:',
        '  Type           Status',
        '  PodScheduled   False ',
        'Volumes:',
        '  kube-api-access-5x7vq:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    Optional:                false',
        '    DownwardAPI:             true',
        'QoS Class:                   BestEffort',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type     Reason            Age   From               Message',
        '  ----     ------            ----  ----               -------',
        '  Warning  FailedScheduling  11s   default-scheduler  0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
      ].join('\n') + '\n',
    );
  });
});

const kindWorker: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'kind-worker',
    uid: 'f00d-1',
    creationTimestamp: '2025-09-01T09:00:20Z',
    labels: { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'kind-worker', 'kubernetes.io/os': 'linux' },
    annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
    },
  },
  spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], providerID: 'kind://docker/kind/kind-worker' },
  status: {
    capacity: { cpu: '8', 'ephemeral-storage': '102626232Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32823124Ki', pods: '110' },
    allocatable: { cpu: '8', 'ephemeral-storage': '102626232Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '32823124Ki', pods: '110' },
    conditions: [
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: '2025-09-01T09:10:00Z', lastTransitionTime: '2025-09-01T09:00:20Z', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'DiskPressure', status: 'False', lastHeartbeatTime: '2025-09-01T09:10:00Z', lastTransitionTime: '2025-09-01T09:00:20Z', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
      { type: 'PIDPressure', status: 'False', lastHeartbeatTime: '2025-09-01T09:10:00Z', lastTransitionTime: '2025-09-01T09:00:20Z', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
      { type: 'Ready', status: 'True', lastHeartbeatTime: '2025-09-01T09:10:00Z', lastTransitionTime: '2025-09-01T09:00:33Z', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ],
    addresses: [
      { type: 'InternalIP', address: '172.18.0.3' },
      { type: 'Hostname', address: 'kind-worker' },
    ],
    nodeInfo: {
      machineID: '1b7a6c0c3d2e4f5a8b9c0d1e2f3a4b5c',
      systemUUID: '0b3e7e2a-4c1d-4f5e-9a8b-7c6d5e4f3a2b',
      bootID: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f',
      kernelVersion: '6.8.0-79-generic',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: 'containerd://2.1.3',
      kubeletVersion: 'v1.34.0',
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: 'amd64',
    },
  },
};

const workerLease: KubeObject = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  metadata: { name: 'kind-worker', namespace: 'kube-node-lease', creationTimestamp: '2025-09-01T09:00:21Z' },
  spec: { holderIdentity: 'kind-worker', leaseDurationSeconds: 40, renewTime: '2025-09-01T09:10:02.512345Z' },
};

function daemonPod(name: string, resources: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', creationTimestamp: '2025-09-01T09:00:25Z' },
    spec: { nodeName: 'kind-worker', containers: [{ name: name.split('-')[0], image: 'x', resources }] },
    status: { phase: 'Running' },
  };
}

suite('kubectl describe node', () => {
  it('prints a kind worker', () => {
    const pods = [
      daemonPod('kindnet-7xk2p', { limits: { cpu: '100m', memory: '50Mi' }, requests: { cpu: '100m', memory: '50Mi' } }),
      daemonPod('kube-proxy-9wq4d', {}),
    ];
    const out = describe(typeOf('', 'Node'), kindWorker, fakeContext(T0 + 10 * 60_000 + 5_000, { '/pods': pods, 'coordination.k8s.io/leases': [workerLease] }));
    expect(out).toBe(
      [
        'Name:               kind-worker',
        'Roles:              <none>',
        'Labels:             beta.kubernetes.io/arch=amd64',
        '                    beta.kubernetes.io/os=linux',
        '                    kubernetes.io/arch=amd64',
        '                    kubernetes.io/hostname=kind-worker',
        '                    kubernetes.io/os=linux',
        'Annotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock',
        '                    node.alpha.kubernetes.io/ttl: 0',
        '                    volumes.kubernetes.io/controller-managed-attach-detach: true',
        'CreationTimestamp:  Mon, 01 Sep 2025 09:00:20 +0000',
        'Taints:             <none>',
        'Unschedulable:      false',
        'Lease:',
        '  HolderIdentity:  kind-worker',
        '  AcquireTime:     <unset>',
        '  RenewTime:       Mon, 01 Sep 2025 09:10:02 +0000',
        'Conditions:',
        '  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message',
        '  ----             ------  -----------------                 ------------------                ------                       -------',
        '  MemoryPressure   False   Mon, 01 Sep 2025 09:10:00 +0000   Mon, 01 Sep 2025 09:00:20 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available',
        '  DiskPressure     False   Mon, 01 Sep 2025 09:10:00 +0000   Mon, 01 Sep 2025 09:00:20 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure',
        '  PIDPressure      False   Mon, 01 Sep 2025 09:10:00 +0000   Mon, 01 Sep 2025 09:00:20 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available',
        '  Ready            True    Mon, 01 Sep 2025 09:10:00 +0000   Mon, 01 Sep 2025 09:00:33 +0000   KubeletReady                 kubelet is posting ready status',
        'Addresses:',
        '  InternalIP:  172.18.0.3',
        '  Hostname:    kind-worker',
        'Capacity:',
        '  cpu:                8',
        '  ephemeral-storage:  102626232Ki',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             32823124Ki',
        '  pods:               110',
        'Allocatable:',
        '  cpu:                8',
        '  ephemeral-storage:  102626232Ki',
        '  hugepages-1Gi:      0',
        '  hugepages-2Mi:      0',
        '  memory:             32823124Ki',
        '  pods:               110',
        'System Info:',
        '  Machine ID:                 1b7a6c0c3d2e4f5a8b9c0d1e2f3a4b5c',
        '  System UUID:                0b3e7e2a-4c1d-4f5e-9a8b-7c6d5e4f3a2b',
        '  Boot ID:                    c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f',
        '  Kernel Version:             6.8.0-79-generic',
        '  OS Image:                   Debian GNU/Linux 12 (bookworm)',
        '  Operating System:           linux',
        '  Architecture:               amd64',
        '  Container Runtime Version:  containerd://2.1.3',
        '  Kubelet Version:            v1.34.0',
        '  Kube-Proxy Version:         ',
        'PodCIDR:                      10.244.1.0/24',
        'PodCIDRs:                     10.244.1.0/24',
        'ProviderID:                   kind://docker/kind/kind-worker',
        'Non-terminated Pods:          (2 in total)',
        '  Namespace                   Name                CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age',
        '  ---------                   ----                ------------  ----------  ---------------  -------------  ---',
        '  kube-system                 kindnet-7xk2p       100m (1%)     100m (1%)   50Mi (0%)        50Mi (0%)      9m40s',
        '  kube-system                 kube-proxy-9wq4d    0 (0%)        0 (0%)      0 (0%)           0 (0%)         9m40s',
        'Allocated resources:',
        '  (Total limits may be over 100 percent, i.e., overcommitted.)',
        '  Resource           Requests   Limits',
        '  --------           --------   ------',
        '  cpu                100m (1%)  100m (1%)',
        '  memory             50Mi (0%)  50Mi (0%)',
        '  ephemeral-storage  0 (0%)     0 (0%)',
        '  hugepages-1Gi      0 (0%)     0 (0%)',
        '  hugepages-2Mi      0 (0%)     0 (0%)',
        'Events:              <none>',
      ].join('\n') + '\n',
    );
  });
});
