import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { RESOURCE_TYPES, type ResourceType } from '../../api/resources';
import { describe } from './index';
import { fakeContext } from './test-context';

const T0 = Date.parse('2025-09-01T09:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');
const lines = (...l: string[]) => l.join('\n') + '\n';

function typeOf(group: string, kind: string): ResourceType {
  const t = RESOURCE_TYPES.find((r) => r.group === group && r.kind === kind);
  if (!t) throw new Error(`no type ${group}/${kind}`);
  return t;
}

const crashingPod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', uid: 'p9', creationTimestamp: at(0), ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5d4f8', uid: 'r', controller: true }] },
  spec: {
    nodeName: 'kind-worker',
    priority: 0,
    serviceAccountName: 'default',
    initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'true'] }],
    containers: [
      {
        name: 'app',
        image: 'busybox',
        args: ['sh', '-c', 'exit 1'],
        ports: [
          { containerPort: 8080, protocol: 'TCP', name: 'http' },
          { containerPort: 9090, protocol: 'TCP' },
        ],
        resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
        livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
        env: [
          { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
          { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
          { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory' } } },
        ],
        envFrom: [{ configMapRef: { name: 'cfg' } }, { prefix: 'DB_', secretRef: { name: 'db', optional: true } }],
        volumeMounts: [
          { name: 'cache', mountPath: '/cache' },
          { name: 'cfg', mountPath: '/etc/app', readOnly: true, subPath: 'app.conf' },
        ],
      },
    ],
    volumes: [
      { name: 'cache', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'cfg' } },
      { name: 'host', hostPath: { path: '/var/log' } },
    ],
    tolerations: [],
  },
  status: {
    phase: 'Running',
    hostIP: '172.18.0.4',
    podIP: '10.244.1.7',
    podIPs: [{ ip: '10.244.1.7' }],
    startTime: at(0),
    qosClass: 'Burstable',
    initContainerStatuses: [
      { name: 'init', ready: true, restartCount: 0, image: 'busybox', imageID: 'docker.io/library/busybox@sha256:ab', containerID: 'containerd://aa', state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(2), finishedAt: at(3) } } },
    ],
    containerStatuses: [
      {
        name: 'app',
        ready: false,
        restartCount: 3,
        image: 'busybox',
        imageID: 'docker.io/library/busybox@sha256:ab',
        containerID: 'containerd://bb',
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 40s restarting failed container=app pod=web_default(p9)' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: at(60), finishedAt: at(61) } },
      },
    ],
    conditions: [{ type: 'Ready', status: 'False' }],
  },
};

function podEvent(name: string, type: string, reason: string, message: string, first: number, last: number, count: number): KubeObject {
  return { apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'p9' }, type, reason, message, source: { component: 'kubelet', host: 'kind-worker' }, firstTimestamp: at(first), lastTimestamp: at(last), count };
}

const pv: KubeObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: 'pvc-3f1c', uid: 'pv1', creationTimestamp: at(0), annotations: { 'local.path.provisioner/selected-node': 'kind-worker', 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' }, finalizers: ['kubernetes.io/pv-protection'] },
  spec: {
    capacity: { storage: '1Gi' },
    hostPath: { path: '/var/local-path-provisioner/pvc-3f1c_default_data', type: 'DirectoryOrCreate' },
    accessModes: ['ReadWriteOnce'],
    claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: 'c1' },
    persistentVolumeReclaimPolicy: 'Delete',
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-worker'] }] }] } },
  },
  status: { phase: 'Bound' },
};

const pvc: KubeObject = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'default', uid: 'c1', creationTimestamp: at(0), annotations: { 'pv.kubernetes.io/bind-completed': 'yes', 'volume.kubernetes.io/selected-node': 'kind-worker' }, finalizers: ['kubernetes.io/pvc-protection'] },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'standard', volumeMode: 'Filesystem', volumeName: 'pvc-3f1c' },
  status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
};

const lastApplied =
  '{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"},"name":"standard"},"provisioner":"rancher.io/local-path","reclaimPolicy":"Delete","volumeBindingMode":"WaitForFirstConsumer"}\n';
const standard: KubeObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name: 'standard', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied, 'storageclass.kubernetes.io/is-default-class': 'true' } },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
};

suite('kubectl describe (pods in trouble, storage)', () => {
  it('describes a crash-looping pod: init container, last state, resources, probes, environment, mounts, volumes, repeated events', () => {
    const events = [
      podEvent('web.1', 'Warning', 'BackOff', 'Back-off restarting failed container app in pod web_default(p9)', 20, 70, 4),
      podEvent('web.0', 'Normal', 'Pulled', 'Container image "busybox" already present on machine', 5, 60, 4),
    ];
    expect(describe(typeOf('', 'Pod'), crashingPod, fakeContext(T0 + 90_000, { '/events': events }))).toBe(
      lines(
        'Name:             web',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             kind-worker/172.18.0.4',
        'Start Time:       Mon, 01 Sep 2025 09:00:00 +0000',
        'Labels:           <none>',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.7',
        'IPs:',
        '  IP:           10.244.1.7',
        'Controlled By:  ReplicaSet/web-5d4f8',
        'Init Containers:',
        '  init:',
        '    Container ID:  containerd://aa',
        '    Image:         busybox',
        '    Image ID:      docker.io/library/busybox@sha256:ab',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Command:',
        '      sh',
        '      -c',
        '      true',
        '    State:          Terminated',
        '      Reason:       Completed',
        '      Exit Code:    0',
        '      Started:      Mon, 01 Sep 2025 09:00:02 +0000',
        '      Finished:     Mon, 01 Sep 2025 09:00:03 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Containers:',
        '  app:',
        '    Container ID:  containerd://bb',
        '    Image:         busybox',
        '    Image ID:      docker.io/library/busybox@sha256:ab',
        '    Ports:         8080/TCP (http), 9090/TCP',
        '    Host Ports:    0/TCP (http), 0/TCP',
        '    Args:',
        '      sh',
        '      -c',
        '      exit 1',
        '    State:          Waiting',
        '      Reason:       CrashLoopBackOff',
        '    Last State:     Terminated',
        '      Reason:       Error',
        '      Exit Code:    1',
        '      Started:      Mon, 01 Sep 2025 09:01:00 +0000',
        '      Finished:     Mon, 01 Sep 2025 09:01:01 +0000',
        '    Ready:          False',
        '    Restart Count:  3',
        '    Limits:',
        '      cpu:     500m',
        '      memory:  128Mi',
        '    Requests:',
        '      cpu:     250m',
        '      memory:  64Mi',
        '    Liveness:  exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3',
        '    Environment Variables from:',
        '      cfg  ConfigMap                 Optional: false',
        "      db   Secret with prefix 'DB_'  Optional: true",
        '    Environment:',
        "      PASSWORD:   <set to the key 'password' in secret 'db'>  Optional: false",
        '      CPU_LIMIT:  500 (limits.cpu)',
        '      MEM:        134217728 (limits.memory)',
        '    Mounts:',
        '      /cache from cache (rw)',
        '      /etc/app from cfg (ro,path="app.conf")',
        'Conditions:',
        '  Type    Status',
        '  Ready   False ',
        'Volumes:',
        '  cache:',
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:     ',
        '    SizeLimit:  <unset>',
        '  cfg:',
        '    Type:      ConfigMap (a volume populated by a ConfigMap)',
        '    Name:      cfg',
        '    Optional:  false',
        '  host:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/log',
        '    HostPathType:  <none>',
        'QoS Class:         Burstable',
        'Node-Selectors:    <none>',
        'Tolerations:       <none>',
        'Events:',
        '  Type     Reason   Age                From     Message',
        '  ----     ------   ----               ----     -------',
        '  Normal   Pulled   30s (x4 over 85s)  kubelet  Container image "busybox" already present on machine',
        '  Warning  BackOff  20s (x4 over 70s)  kubelet  Back-off restarting failed container app in pod web_default(p9)',
      ),
    );
  });

  it('describes a local-path PersistentVolume with its node affinity and host path', () => {
    expect(describe(typeOf('', 'PersistentVolume'), pv, fakeContext(T0, {}))).toBe(
      lines(
        'Name:              pvc-3f1c',
        'Labels:            <none>',
        'Annotations:       local.path.provisioner/selected-node: kind-worker',
        '                   pv.kubernetes.io/provisioned-by: rancher.io/local-path',
        'Finalizers:        [kubernetes.io/pv-protection]',
        'StorageClass:      standard',
        'Status:            Bound',
        'Claim:             default/data',
        'Reclaim Policy:    Delete',
        'Access Modes:      RWO',
        'VolumeMode:        Filesystem',
        'Capacity:          1Gi',
        'Node Affinity:     ',
        '  Required Terms:  ',
        '    Term 0:        kubernetes.io/hostname in [kind-worker]',
        'Message:           ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/local-path-provisioner/pvc-3f1c_default_data',
        '    HostPathType:  DirectoryOrCreate',
        'Events:            <none>',
      ),
    );
  });

  it('describes a bound claim and the pods using it', () => {
    const user: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app', namespace: 'default' }, spec: { volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } };
    expect(describe(typeOf('', 'PersistentVolumeClaim'), pvc, fakeContext(T0, { '/pods': [user] }))).toBe(
      lines(
        'Name:          data',
        'Namespace:     default',
        'StorageClass:  standard',
        'Status:        Bound',
        'Volume:        pvc-3f1c',
        'Labels:        <none>',
        'Annotations:   pv.kubernetes.io/bind-completed: yes',
        '               volume.kubernetes.io/selected-node: kind-worker',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      1Gi',
        'Access Modes:  RWO',
        'VolumeMode:    Filesystem',
        'Used By:       app',
        'Events:        <none>',
      ),
    );
  });

  it("describes kind's default StorageClass, annotations printed as a label set (line break included)", () => {
    expect(describe(typeOf('storage.k8s.io', 'StorageClass'), standard, fakeContext(T0, {}))).toBe(
      lines(
        'Name:            standard',
        'IsDefaultClass:  Yes',
        'Annotations:     kubectl.kubernetes.io/last-applied-configuration={"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"},"name":"standard"},"provisioner":"rancher.io/local-path","reclaimPolicy":"Delete","volumeBindingMode":"WaitForFirstConsumer"}',
        ',storageclass.kubernetes.io/is-default-class=true',
        'Provisioner:           rancher.io/local-path',
        'Parameters:            <none>',
        'AllowVolumeExpansion:  <unset>',
        'MountOptions:          <none>',
        'ReclaimPolicy:         Delete',
        'VolumeBindingMode:     WaitForFirstConsumer',
        'Events:                <none>',
      ),
    );
  });
});
