/** Images a kind v0.30.0 node (kindest/node:v1.34.0) has preloaded, with the sizes the kubelet reports. */
export const SYSTEM_IMAGES = {
  etcd: 'registry.k8s.io/etcd:3.6.4-0',
  apiserver: 'registry.k8s.io/kube-apiserver:v1.34.0',
  controllerManager: 'registry.k8s.io/kube-controller-manager:v1.34.0',
  scheduler: 'registry.k8s.io/kube-scheduler:v1.34.0',
  proxy: 'registry.k8s.io/kube-proxy:v1.34.0',
  coredns: 'registry.k8s.io/coredns/coredns:v1.12.1',
  kindnet: 'docker.io/kindest/kindnetd:v20250512-df8de77b',
  localPath: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a',
  localPathHelper: 'docker.io/kindest/local-path-helper:v20241212-8ac705d0',
  pause: 'registry.k8s.io/pause:3.10.1',
} as const;

/** Approximate uncompressed sizes in bytes, as `status.images[].sizeBytes` shows them. */
export const IMAGE_SIZES: Record<string, number> = {
  [SYSTEM_IMAGES.etcd]: 195976448,
  [SYSTEM_IMAGES.apiserver]: 97050360,
  [SYSTEM_IMAGES.controllerManager]: 90561792,
  [SYSTEM_IMAGES.scheduler]: 73162240,
  [SYSTEM_IMAGES.proxy]: 94580224,
  [SYSTEM_IMAGES.coredns]: 22384805,
  [SYSTEM_IMAGES.kindnet]: 44375501,
  [SYSTEM_IMAGES.localPath]: 22541737,
  [SYSTEM_IMAGES.localPathHelper]: 3084671,
  [SYSTEM_IMAGES.pause]: 320448,
};
