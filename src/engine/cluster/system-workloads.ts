/**
 * The kube-system (and local-path-storage) workloads a fresh kind cluster runs: control-plane
 * static pods, the kube-proxy and kindnet DaemonSets, CoreDNS and the local-path provisioner.
 * Pod specs follow what kubeadm and kind install; only what the lab shows is modelled.
 */
import type { KubeObject } from '../api/meta';
import { SYSTEM_IMAGES } from './images';

export interface ContainerSketch {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: Record<string, unknown>[];
  requests?: Record<string, string>;
  limits?: Record<string, string>;
  env?: Record<string, unknown>[];
}

export interface PodSketch {
  /** Labels of the pod (and template). */
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  containers: ContainerSketch[];
  hostNetwork?: boolean;
  priorityClassName: string;
  serviceAccountName?: string;
  tolerations?: Record<string, unknown>[];
  nodeSelector?: Record<string, string>;
}

export function podSpec(sketch: PodSketch): Record<string, unknown> {
  const spec: Record<string, unknown> = {
    containers: sketch.containers.map((c) => {
      const container: Record<string, unknown> = { name: c.name, image: c.image, imagePullPolicy: 'IfNotPresent' };
      if (c.command) container.command = c.command;
      if (c.args) container.args = c.args;
      if (c.ports) container.ports = c.ports;
      if (c.env) container.env = c.env;
      const resources: Record<string, unknown> = {};
      if (c.requests) resources.requests = c.requests;
      if (c.limits) resources.limits = c.limits;
      container.resources = resources;
      return container;
    }),
    priorityClassName: sketch.priorityClassName,
  };
  if (sketch.hostNetwork) spec.hostNetwork = true;
  if (sketch.serviceAccountName) spec.serviceAccountName = sketch.serviceAccountName;
  if (sketch.tolerations) spec.tolerations = sketch.tolerations;
  if (sketch.nodeSelector) spec.nodeSelector = sketch.nodeSelector;
  return spec;
}

export function staticPods(nodeIP: string): { name: string; sketch: PodSketch }[] {
  const cp = (component: string): Record<string, string> => ({ component, tier: 'control-plane' });
  return [
    {
      name: 'etcd',
      sketch: {
        labels: cp('etcd'),
        annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${nodeIP}:2379` },
        containers: [{ name: 'etcd', image: SYSTEM_IMAGES.etcd, command: ['etcd', `--advertise-client-urls=https://${nodeIP}:2379`, '--data-dir=/var/lib/etcd', `--listen-client-urls=https://127.0.0.1:2379,https://${nodeIP}:2379`], requests: { cpu: '100m', memory: '100Mi' } }],
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
      },
    },
    {
      name: 'kube-apiserver',
      sketch: {
        labels: cp('kube-apiserver'),
        annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${nodeIP}:6443` },
        containers: [{ name: 'kube-apiserver', image: SYSTEM_IMAGES.apiserver, command: ['kube-apiserver', `--advertise-address=${nodeIP}`, '--secure-port=6443', '--service-cluster-ip-range=10.96.0.0/16', '--etcd-servers=https://127.0.0.1:2379'], requests: { cpu: '250m' } }],
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
      },
    },
    {
      name: 'kube-controller-manager',
      sketch: {
        labels: cp('kube-controller-manager'),
        containers: [{ name: 'kube-controller-manager', image: SYSTEM_IMAGES.controllerManager, command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--cluster-cidr=10.244.0.0/16', '--leader-elect=true', '--service-cluster-ip-range=10.96.0.0/16'], requests: { cpu: '200m' } }],
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
      },
    },
    {
      name: 'kube-scheduler',
      sketch: {
        labels: cp('kube-scheduler'),
        containers: [{ name: 'kube-scheduler', image: SYSTEM_IMAGES.scheduler, command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--leader-elect=true'], requests: { cpu: '100m' } }],
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
      },
    },
  ];
}

const TOLERATE_ALL = [{ operator: 'Exists' }];

export const KUBE_PROXY: PodSketch = {
  labels: { 'controller-revision-hash': '66486579fb', 'k8s-app': 'kube-proxy', 'pod-template-generation': '1' },
  containers: [{ name: 'kube-proxy', image: SYSTEM_IMAGES.proxy, command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }] }],
  hostNetwork: true,
  priorityClassName: 'system-node-critical',
  serviceAccountName: 'kube-proxy',
  tolerations: TOLERATE_ALL,
  nodeSelector: { 'kubernetes.io/os': 'linux' },
};

export const KINDNET: PodSketch = {
  labels: { app: 'kindnet', 'controller-revision-hash': '6cd6b5bdd4', 'k8s-app': 'kindnet', 'pod-template-generation': '1', tier: 'node' },
  containers: [
    {
      name: 'kindnet-cni',
      image: SYSTEM_IMAGES.kindnet,
      env: [
        { name: 'HOST_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
        { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
        { name: 'POD_SUBNET', value: '10.244.0.0/16' },
        { name: 'CONTROL_PLANE_ENDPOINT', value: 'kind-control-plane:6443' },
      ],
      requests: { cpu: '100m', memory: '50Mi' },
      limits: { cpu: '100m', memory: '50Mi' },
    },
  ],
  hostNetwork: true,
  priorityClassName: 'system-node-critical',
  serviceAccountName: 'kindnet',
  tolerations: TOLERATE_ALL,
  nodeSelector: { 'kubernetes.io/os': 'linux' },
};

export const COREDNS_HASH = '66bc5c9577';
export const COREDNS: PodSketch = {
  labels: { 'k8s-app': 'kube-dns', 'pod-template-hash': COREDNS_HASH },
  containers: [
    {
      name: 'coredns',
      image: SYSTEM_IMAGES.coredns,
      args: ['-conf', '/etc/coredns/Corefile'],
      ports: [
        { containerPort: 53, name: 'dns', protocol: 'UDP' },
        { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
        { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
        { containerPort: 8080, name: 'liveness-probe', protocol: 'TCP' },
        { containerPort: 8181, name: 'readiness-probe', protocol: 'TCP' },
      ],
      requests: { cpu: '100m', memory: '70Mi' },
      limits: { memory: '170Mi' },
    },
  ],
  priorityClassName: 'system-cluster-critical',
  serviceAccountName: 'coredns',
  tolerations: [
    { key: 'CriticalAddonsOnly', operator: 'Exists' },
    { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
  ],
  nodeSelector: { 'kubernetes.io/os': 'linux' },
};

export const LOCAL_PATH_HASH = '7b8c8ddbd6';
export const LOCAL_PATH: PodSketch = {
  labels: { app: 'local-path-provisioner', 'pod-template-hash': LOCAL_PATH_HASH },
  containers: [
    {
      name: 'local-path-provisioner',
      image: SYSTEM_IMAGES.localPath,
      command: ['local-path-provisioner', '--debug', 'start', '--helper-image', SYSTEM_IMAGES.localPathHelper, '--config', '/etc/config/config.json'],
      env: [
        { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
        { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' },
      ],
    },
  ],
  priorityClassName: 'system-node-critical',
  serviceAccountName: 'local-path-provisioner-service-account',
  tolerations: [
    { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' },
    { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' },
  ],
  nodeSelector: { 'kubernetes.io/os': 'linux' },
};

/** A Deployment or DaemonSet manifest for a sketch, as kubeadm/kind apply it. */
export function workloadManifest(kind: 'Deployment' | 'DaemonSet', name: string, namespace: string, selector: Record<string, string>, sketch: PodSketch, replicas?: number): KubeObject {
  const templateLabels = Object.fromEntries(Object.entries(sketch.labels).filter(([k]) => !['pod-template-hash', 'controller-revision-hash', 'pod-template-generation'].includes(k)));
  const spec: Record<string, unknown> = {
    selector: { matchLabels: selector },
    template: { metadata: { labels: templateLabels }, spec: podSpec(sketch) },
  };
  if (kind === 'Deployment') {
    spec.replicas = replicas ?? 1;
    if (name === 'coredns') spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } };
  }
  return { apiVersion: 'apps/v1', kind, metadata: { name, namespace, labels: selector }, spec };
}
