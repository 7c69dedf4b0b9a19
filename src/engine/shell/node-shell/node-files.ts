/**
 * What a kind node container's filesystem shows a learner who looks around: its hostname, the
 * kubelet's configuration as kubeadm writes it for kind, and (on control-plane nodes) the static pod
 * manifests in /etc/kubernetes/manifests that the kubelet runs etcd and the control plane from.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import type { VirtualFileSystem } from '../filesystem';
import { toYaml } from '../../kubectl/printers/object-printer';

export const STATIC_POD_DIR = '/etc/kubernetes/manifests';

/** kubeadm's KubeletConfiguration for a kind node (fields kubeadm leaves at zero print as 0s). UNVERIFIED: field-by-field against kind v0.30. */
const KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
cgroupRoot: /kubelet
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
cpuManagerReconcilePeriod: 0s
crashLoopBackOff: {}
evictionHard:
  imagefs.available: 0%
  nodefs.available: 0%
  nodefs.inodesFree: 0%
evictionPressureTransitionPeriod: 0s
failSwapOn: false
fileCheckFrequency: 0s
healthzBindAddress: 127.0.0.1
healthzPort: 10248
httpCheckFrequency: 0s
imageGCHighThresholdPercent: 100
imageMaximumGCAge: 0s
imageMinimumGCAge: 0s
kind: KubeletConfiguration
logging:
  flushFrequency: 0
  options:
    json:
      infoBufferSize: "0"
    text:
      infoBufferSize: "0"
  verbosity: 0
memorySwap: {}
nodeStatusReportFrequency: 0s
nodeStatusUpdateFrequency: 0s
rotateCertificates: true
runtimeRequestTimeout: 0s
shutdownGracePeriod: 0s
shutdownGracePeriodCriticalPods: 0s
staticPodPath: /etc/kubernetes/manifests
streamingConnectionIdleTimeout: 0s
syncFrequency: 0s
volumeStatsAggPeriod: 0s
`;

/** The static pod manifest a mirror pod came from: the pod as its file declares it, without what the API server and kubelet added. */
function manifestOf(mirror: KubeObject, nodeName: string): string {
  const spec = isRecord(mirror.spec) ? { ...mirror.spec } : {};
  delete spec.nodeName;
  const labels = mirror.metadata.labels;
  const annotations = Object.fromEntries(Object.entries(mirror.metadata.annotations ?? {}).filter(([k]) => !k.startsWith('kubernetes.io/config.')));
  const metadata: Record<string, unknown> = {
    ...(Object.keys(annotations).length ? { annotations } : {}),
    creationTimestamp: null,
    ...(labels ? { labels } : {}),
    // The API server shows a static pod as `<name>-<node>`; the file names it plainly.
    name: String(mirror.metadata.name).slice(0, -(nodeName.length + 1)),
    namespace: mirror.metadata.namespace,
  };
  return toYaml({ apiVersion: 'v1', kind: 'Pod', metadata, spec, status: {} });
}

/** Fills a node container's filesystem. `mirrorPods` are the static pods the API server shows for this node. */
export function populateNodeFiles(fs: VirtualFileSystem, nodeName: string, mirrorPods: readonly KubeObject[]): void {
  fs.mkdirp('/root');
  fs.write('/etc/hostname', `${nodeName}\n`);
  fs.mkdirp('/var/lib/kubelet');
  fs.write('/var/lib/kubelet/config.yaml', KUBELET_CONFIG);
  fs.mkdirp(STATIC_POD_DIR);
  for (const pod of mirrorPods) {
    const component = String(pod.metadata.labels?.component ?? '');
    if (component) fs.write(`${STATIC_POD_DIR}/${component}.yaml`, manifestOf(pod, nodeName));
  }
}
