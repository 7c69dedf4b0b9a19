/**
 * Brings up a kind cluster the way `kind create cluster` leaves it: nodes registered and Ready,
 * the system namespaces, the `kubernetes` and `kube-dns` Services, and the kube-system workloads
 * running. Everything is written through the API server, as kubeadm, kind and the components do.
 */
import type { KubeObject } from '../api/meta';
import { deepCopy, isRecord } from '../api/meta';
import type { Random, SimLoop } from '../clock';
import { randomSuffix } from '../clock';
import type { Client, ResourceRef } from '../client';
import { formatRfc3339, formatRfc3339Micro } from '../api/time';
import { defaultClusterSpec, nodeNames, type KindClusterSpec } from './kind-config';
import { buildNode, containerId, imageDigest } from './node-object';
import { SYSTEM_IMAGES } from './images';
import { daemonTolerations, mergeTolerations } from '../controllers/daemonset/daemonset-controller';
import { newControllerRevision } from '../controllers/history/controller-history';
import { DAEMONSET_HASH_LABEL } from '../controllers/daemonset/history';
import { COREDNS, COREDNS_HASH, KINDNET, KUBE_PROXY, LOCAL_PATH, LOCAL_PATH_HASH, podSpec, staticPods, workloadManifest, type PodSketch } from './system-workloads';

export interface ClusterNode {
  name: string;
  role: 'control-plane' | 'worker';
  internalIP: string;
  podCIDR: string;
  /** Next host number for pod IPs in podCIDR. */
  nextPodHost: number;
}

export interface BootstrappedCluster {
  spec: KindClusterSpec;
  nodes: ClusterNode[];
}

const ref = (group: string, version: string, resource: string, namespace?: string, name?: string, subresource?: string): ResourceRef => ({ group, version, resource, namespace, name, subresource });

function must<T>(result: { ok: true; value: T } | { ok: false; status: { message?: string } }, what: string): T {
  if (!result.ok) throw new Error(`bootstrap: ${what}: ${result.status.message ?? 'failed'}`);
  return result.value;
}

/**
 * Docker hands out the free addresses of the `kind` network (172.18.0.2, .3, ...) in container start
 * order, which kind does not fix; containers of other clusters on the same network keep theirs.
 */
function assignAddresses(names: string[], random: Random, taken: ReadonlySet<string>): string[] {
  const hosts: number[] = [];
  for (let h = 2; hosts.length < names.length; h++) if (!taken.has(`172.18.0.${h}`)) hosts.push(h);
  random.shuffle(hosts);
  return hosts.map((h) => `172.18.0.${h}`);
}

export class ClusterBootstrapper {
  constructor(
    private readonly client: Client,
    private readonly loop: SimLoop,
    private readonly random: Random,
  ) {}

  private at(offsetMs: number, base: number): void {
    const target = base + offsetMs;
    if (target > this.loop.nowMs()) this.loop.advanceTo(target);
  }

  /** Creates the cluster, moving virtual time the ~20 s a real `kind create cluster` takes. */
  run(spec: KindClusterSpec = defaultClusterSpec(), hooks: { onControlPlaneUp(): void } = { onControlPlaneUp: () => undefined }, takenAddresses: ReadonlySet<string> = new Set()): BootstrappedCluster {
    const base = this.loop.nowMs();
    const names = nodeNames(spec);
    const ips = assignAddresses(names, this.random, takenAddresses);
    const singleNode = spec.nodes.length === 1;
    const nodes: ClusterNode[] = names.map((name, i) => ({ name, role: spec.nodes[i] ?? 'worker', internalIP: ips[i] as string, podCIDR: `10.244.${i}.0/24`, nextPodHost: 2 }));
    const controlPlane = nodes[0] as ClusterNode;

    // Namespaces exist from the API server's start (default, kube-system, kube-public, kube-node-lease).
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) this.createNamespace(ns);
    this.createPriorityClasses();
    this.createService('default', 'kubernetes', { component: 'apiserver', provider: 'kubernetes' }, '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], undefined);
    this.createKubernetesEndpoints(controlPlane.internalIP);

    this.at(6_000, base);
    this.registerNode(controlPlane, spec, singleNode);
    // kube-controller-manager starts with the control plane; its controllers fill in each namespace's defaults.
    hooks.onControlPlaneUp();
    for (const p of staticPods(controlPlane.internalIP)) this.createStaticPod(p.name, p.sketch, controlPlane);

    this.at(9_000, base);
    this.createService('kube-system', 'kube-dns', { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }, '10.96.0.10', [
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
      { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
    ], { 'k8s-app': 'kube-dns' });
    for (const sa of ['coredns', 'kube-proxy', 'kindnet']) this.createServiceAccount('kube-system', sa);

    this.at(16_000, base);
    for (const node of nodes.slice(1)) this.registerNode(node, spec, singleNode);

    this.at(18_000, base);
    this.createNamespace('local-path-storage');
    this.createServiceAccount('local-path-storage', 'local-path-provisioner-service-account');
    must(this.client.create(ref('storage.k8s.io', 'v1', 'storageclasses'), {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    }), 'storageclass');

    this.createDaemonSet('kube-proxy', KUBE_PROXY, nodes);
    this.createDaemonSet('kindnet', KINDNET, nodes);
    this.at(24_000, base);
    this.createDeployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, COREDNS, COREDNS_HASH, 2, controlPlane);
    this.createDeployment('local-path-storage', 'local-path-provisioner', { app: 'local-path-provisioner' }, LOCAL_PATH, LOCAL_PATH_HASH, 1, controlPlane);
    return { spec, nodes };
  }

  private createNamespace(name: string): void {
    must(this.client.create(ref('', 'v1', 'namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }), `namespace ${name}`);
  }

  private createServiceAccount(namespace: string, name: string): void {
    this.client.create(ref('', 'v1', 'serviceaccounts', namespace), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } });
  }

  private createPriorityClasses(): void {
    for (const [name, value, description] of [
      ['system-cluster-critical', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'],
      ['system-node-critical', 2000001000, 'Used for system critical pods that must not be moved from their current node.'],
    ] as const) {
      must(this.client.create(ref('scheduling.k8s.io', 'v1', 'priorityclasses'), { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, description, preemptionPolicy: 'PreemptLowerPriority' }), `priorityclass ${name}`);
    }
  }

  private createService(namespace: string, name: string, labels: Record<string, string>, clusterIP: string, ports: Record<string, unknown>[], selector: Record<string, string> | undefined): void {
    const spec: Record<string, unknown> = { clusterIP, clusterIPs: [clusterIP], ports, type: 'ClusterIP' };
    if (selector) spec.selector = selector;
    const annotations = name === 'kube-dns' ? { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } : undefined;
    must(this.client.create(ref('', 'v1', 'services', namespace), { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, labels, annotations }, spec }), `service ${name}`);
  }

  private createKubernetesEndpoints(apiserverIP: string): void {
    this.client.create(ref('', 'v1', 'endpoints', 'default'), {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: apiserverIP }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    });
    this.client.create(ref('discovery.k8s.io', 'v1', 'endpointslices', 'default'), {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [apiserverIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    });
  }

  private registerNode(node: ClusterNode, spec: KindClusterSpec, singleNode: boolean): void {
    const images = node.role === 'control-plane' ? Object.values(SYSTEM_IMAGES) : Object.values(SYSTEM_IMAGES);
    const extraLabels = spec.nodeOptions?.[nodeNames(spec).indexOf(node.name)]?.labels;
    const object = buildNode({ name: node.name, clusterName: spec.name, role: node.role, internalIP: node.internalIP, podCIDR: node.podCIDR, singleNode, images, ...(extraLabels ? { extraLabels } : {}) }, this.random.fork(`node/${node.name}`), this.loop.nowMs());
    const status = object.status;
    const created = must(this.client.create(ref('', 'v1', 'nodes'), { ...object, status: undefined }), `node ${node.name}`);
    must(this.client.update(ref('', 'v1', 'nodes', undefined, node.name, 'status'), { ...created, status }), `node ${node.name} status`);
    const now = formatRfc3339Micro(this.loop.nowMs());
    must(this.client.create(ref('coordination.k8s.io', 'v1', 'leases', 'kube-node-lease'), {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: node.name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: created.metadata.uid as string }] },
      spec: { holderIdentity: node.name, leaseDurationSeconds: 40, renewTime: now },
    }), `lease ${node.name}`);
  }

  private nextPodIP(node: ClusterNode): string {
    const [a, b, c] = node.podCIDR.split('.');
    return `${a}.${b}.${c}.${node.nextPodHost++}`;
  }

  /** Creates a pod bound to `node` and reports it Running and Ready, as its kubelet would. */
  private runPod(namespace: string, manifest: KubeObject, node: ClusterNode): KubeObject {
    const created = must(this.client.create(ref('', 'v1', 'pods', namespace), manifest), `pod ${String(manifest.metadata.name ?? manifest.metadata.generateName)}`);
    const spec = isRecord(created.spec) ? created.spec : {};
    const hostNetwork = spec.hostNetwork === true;
    const podIP = hostNetwork ? node.internalIP : this.nextPodIP(node);
    const nowText = formatRfc3339(this.loop.nowMs());
    const random = this.random.fork(`pod/${namespace}/${String(created.metadata.name)}`);
    const containers = Array.isArray(spec.containers) ? spec.containers.filter(isRecord) : [];
    const status = {
      ...(isRecord(created.status) ? created.status : {}),
      conditions: [
        { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: nowText },
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: nowText },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: nowText },
        { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: nowText },
        { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: nowText },
      ],
      containerStatuses: containers.map((c) => ({
        containerID: containerId(random),
        image: String(c.image),
        imageID: `${String(c.image).split(':')[0] ?? ''}@${imageDigest(random)}`,
        lastState: {},
        name: String(c.name),
        ready: true,
        restartCount: 0,
        started: true,
        state: { running: { startedAt: nowText } },
      })),
      hostIP: node.internalIP,
      hostIPs: [{ ip: node.internalIP }],
      phase: 'Running',
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: nowText,
    };
    return must(this.client.update(ref('', 'v1', 'pods', namespace, String(created.metadata.name), 'status'), { ...created, status }), 'pod status');
  }

  private createStaticPod(name: string, sketch: PodSketch, node: ClusterNode): void {
    const nodeObject = must(this.client.get(ref('', 'v1', 'nodes', undefined, node.name)), 'node');
    const hash = randomSuffix(this.random, 32).replace(/[^0-9a-f]/g, '').padEnd(32, '0').slice(0, 32);
    const seen = formatRfc3339Micro(this.loop.nowMs());
    this.runPod('kube-system', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${name}-${node.name}`,
        namespace: 'kube-system',
        labels: sketch.labels,
        annotations: { ...(sketch.annotations ?? {}), 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.seen': seen, 'kubernetes.io/config.source': 'file' },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.name, uid: String(nodeObject.metadata.uid), controller: true }],
      },
      spec: { ...podSpec(sketch), nodeName: node.name, tolerations: [{ effect: 'NoExecute', operator: 'Exists' }] },
    }, node);
  }

  private createDaemonSet(name: string, sketch: PodSketch, nodes: ClusterNode[]): void {
    const ds = must(this.client.create(ref('apps', 'v1', 'daemonsets', 'kube-system'), workloadManifest('DaemonSet', name, 'kube-system', { [name === 'kindnet' ? 'app' : 'k8s-app']: name }, sketch)), `daemonset ${name}`);
    // Its first ControllerRevision, under the hash a real kind cluster's pods carry.
    this.client.create(ref('apps', 'v1', 'controllerrevisions', 'kube-system'), newControllerRevision(ds, sketch.labels[DAEMONSET_HASH_LABEL] ?? '', DAEMONSET_HASH_LABEL, 1));
    for (const node of nodes) {
      const manifest: KubeObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: `${name}-`,
          namespace: 'kube-system',
          labels: sketch.labels,
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name, uid: String(ds.metadata.uid), controller: true, blockOwnerDeletion: true }],
        },
        spec: {
          ...podSpec(sketch),
          // The tolerations the DaemonSet controller gives every pod it makes.
          tolerations: mergeTolerations(podSpec(sketch).tolerations, daemonTolerations(podSpec(sketch).hostNetwork === true)),
          nodeName: node.name,
          affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node.name] }] }] } } },
        },
      };
      this.runPod('kube-system', manifest, node);
    }
    const n = nodes.length;
    this.setStatus(ref('apps', 'v1', 'daemonsets', 'kube-system', name), { currentNumberScheduled: n, desiredNumberScheduled: n, numberAvailable: n, numberMisscheduled: 0, numberReady: n, observedGeneration: 1, updatedNumberScheduled: n });
  }

  private createDeployment(namespace: string, name: string, selector: Record<string, string>, sketch: PodSketch, hash: string, replicas: number, node: ClusterNode): void {
    const manifest = workloadManifest('Deployment', name, namespace, selector, sketch, replicas);
    const deploy = must(this.client.create(ref('apps', 'v1', 'deployments', namespace), manifest), `deployment ${name}`);
    const rsName = `${name}-${hash}`;
    const deploySpec = isRecord(deploy.spec) ? deploy.spec : {};
    const template = deepCopy(isRecord(deploySpec.template) ? deploySpec.template : {});
    const templateMeta = isRecord(template.metadata) ? template.metadata : {};
    template.metadata = { ...templateMeta, labels: { ...(isRecord(templateMeta.labels) ? templateMeta.labels : {}), 'pod-template-hash': hash } };
    const rs = must(this.client.create(ref('apps', 'v1', 'replicasets', namespace), {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace,
        labels: { ...selector, 'pod-template-hash': hash },
        annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + 1), 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: String(deploy.metadata.uid), controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas, selector: { matchLabels: { ...selector, 'pod-template-hash': hash } }, template },
    }), `replicaset ${rsName}`);
    for (let i = 0; i < replicas; i++) {
      this.runPod(namespace, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: `${rsName}-`,
          namespace,
          labels: sketch.labels,
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: String(rs.metadata.uid), controller: true, blockOwnerDeletion: true }],
        },
        spec: { ...podSpec(sketch), nodeName: node.name },
      }, node);
    }
    this.setStatus(ref('apps', 'v1', 'replicasets', namespace, rsName), { availableReplicas: replicas, fullyLabeledReplicas: replicas, observedGeneration: 1, readyReplicas: replicas, replicas });
    const now = formatRfc3339(this.loop.nowMs());
    this.setStatus(ref('apps', 'v1', 'deployments', namespace, name), {
      availableReplicas: replicas,
      conditions: [
        { lastTransitionTime: now, lastUpdateTime: now, message: 'Deployment has minimum availability.', reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' },
        { lastTransitionTime: now, lastUpdateTime: now, message: `ReplicaSet "${rsName}" has successfully progressed.`, reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' },
      ],
      observedGeneration: 1,
      readyReplicas: replicas,
      replicas,
      updatedReplicas: replicas,
    });
    this.client.patch(ref('apps', 'v1', 'deployments', namespace, name), 'merge', { metadata: { annotations: { 'deployment.kubernetes.io/revision': '1' } } });
  }

  private setStatus(target: ResourceRef, status: Record<string, unknown>): void {
    const current = must(this.client.get(target), 'status target');
    must(this.client.update({ ...target, subresource: 'status' }, { ...current, status }), 'status');
  }
}
