import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { RESOURCE_TYPES, type ResourceType } from '../../api/resources';
import { printTable } from '../../kubectl/printers/table-printer';
import { convertToTable, printerFor } from './index';

const NOW = Date.parse('2025-09-01T10:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString().replace('.000Z', 'Z');

function typeOf(group: string, resource: string): ResourceType {
  const t = RESOURCE_TYPES.find((r) => r.group === group && r.resource === resource);
  if (!t) throw new Error(`no type ${group}/${resource}`);
  return t;
}

function obj(kind: string, name: string, fields: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, creationTimestamp: ago(600_000), ...meta }, ...fields };
}

function cells(group: string, resource: string, o: KubeObject): unknown[] {
  return convertToTable(typeOf(group, resource), [o], NOW).rows[0]?.cells ?? [];
}

function node(name: string, ready: string | undefined, labels: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject {
  return obj(
    'Node',
    name,
    {
      spec: extra,
      status: {
        conditions: ready === undefined ? [] : [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: ready }],
        addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: name }],
        nodeInfo: { kubeletVersion: 'v1.34.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.8.0-79-generic', containerRuntimeVersion: 'containerd://2.1.3' },
      },
    },
    { labels },
  );
}

describe('convertToTable', () => {
  it('answers kubectl get nodes on a kind cluster', () => {
    const table = convertToTable(typeOf('', 'nodes'), [node('kind-control-plane', 'True', { 'node-role.kubernetes.io/control-plane': '' }), node('kind-worker', 'True', {}, { unschedulable: true })], NOW);
    expect(printTable(table)).toBe(
      ['NAME                 STATUS                     ROLES           AGE   VERSION', 'kind-control-plane   Ready                      control-plane   10m   v1.34.0', 'kind-worker          Ready,SchedulingDisabled   <none>          10m   v1.34.0', ''].join('\n'),
    );
    expect(printTable(table, { wide: true }).split('\n')[0]).toBe('NAME                 STATUS                     ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME');
  });

  it('emits every column definition field and PartialObjectMetadata rows by default', () => {
    const pod = obj('Pod', 'nginx', { spec: { containers: [{ name: 'nginx', image: 'nginx' }] }, status: { phase: 'Pending' } }, { namespace: 'default', resourceVersion: '42' });
    const table = convertToTable(typeOf('', 'pods'), [pod], NOW);
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '42' });
    expect(table.columnDefinitions.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ]);
    expect(table.columnDefinitions[0]?.description).toMatch(/^Name must be unique within a namespace\./);
    expect(table.rows[0]?.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pod.metadata });
    expect(convertToTable(typeOf('', 'pods'), [pod], NOW, { includeObject: 'Object' }).rows[0]?.object).toBe(pod);
    expect(convertToTable(typeOf('', 'pods'), [pod], NOW, { includeObject: 'None' }).rows[0]?.object).toBeNull();
  });

  it('falls back to NAME and CREATED AT for resources without a printer', () => {
    const role = { ...obj('Role', 'pod-reader', { rules: [] }, { namespace: 'default', creationTimestamp: '2025-09-01T09:50:00Z' }), apiVersion: 'rbac.authorization.k8s.io/v1' };
    const table = convertToTable(typeOf('rbac.authorization.k8s.io', 'roles'), [role], NOW);
    expect(table.columnDefinitions.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Created At', 'date'],
    ]);
    expect(printTable(table)).toBe('NAME         CREATED AT\npod-reader   2025-09-01T09:50:00Z\n');
    expect(printerFor({ group: 'storage.k8s.io', resource: 'csistoragecapacities' }).columns.length).toBe(2);
    expect(printerFor({ group: '', resource: 'limitranges' }).columns[1]?.name).toBe('Created At');
  });

  it('prints NAME and AGE for custom resources', () => {
    const crontab = { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'my-cron', namespace: 'default', creationTimestamp: ago(90_000) }, spec: {} };
    const table = convertToTable({ ...typeOf('batch', 'cronjobs'), group: 'stable.example.com', resource: 'crontabs', kind: 'CronTab' }, [crontab], NOW);
    expect(printTable(table)).toBe('NAME      AGE\nmy-cron   90s\n');
  });

  it('orders FlowSchemas by matching precedence, then name', () => {
    const fs = (name: string, precedence: number) => obj('FlowSchema', name, { spec: { matchingPrecedence: precedence, priorityLevelConfiguration: { name: 'workload-low' } } });
    const table = convertToTable(typeOf('flowcontrol.apiserver.k8s.io', 'flowschemas'), [fs('b', 9000), fs('a', 9000), fs('exempt', 1)], NOW);
    expect(table.rows.map((r) => r.cells[0])).toEqual(['exempt', 'a', 'b']);
    expect(table.rows[0]?.cells).toEqual(['exempt', 'workload-low', 1, '<none>', '10m', '?']);
  });
});

describe('cells', () => {
  it('nodes: NotReady, Unknown, roles from both label forms', () => {
    expect(cells('', 'nodes', node('n1', 'False', { 'kubernetes.io/role': 'infra', 'node-role.kubernetes.io/worker': '' })).slice(0, 3)).toEqual(['n1', 'NotReady', 'infra,worker']);
    expect(cells('', 'nodes', node('n2', undefined, {})).slice(0, 3)).toEqual(['n2', 'Unknown', '<none>']);
  });

  it('services: cluster IP, external IP and ports per type', () => {
    const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}) => cells('', 'services', obj('Service', 's', { spec, status }));
    expect(svc({ type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { port: 9153, protocol: 'TCP' }], selector: { 'k8s-app': 'kube-dns' } })).toEqual([
      's',
      'ClusterIP',
      '10.96.0.10',
      '<none>',
      '53/UDP,53/TCP,9153/TCP',
      '10m',
      'k8s-app=kube-dns',
    ]);
    expect(svc({ type: 'NodePort', clusterIPs: ['10.96.1.1'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }).slice(1, 5)).toEqual(['NodePort', '10.96.1.1', '<none>', '80:30080/TCP']);
    expect(svc({ type: 'LoadBalancer', clusterIPs: ['10.96.1.2'], ports: [] }).slice(1, 5)).toEqual(['LoadBalancer', '10.96.1.2', '<pending>', '<none>']);
    expect(svc({ type: 'LoadBalancer', clusterIPs: ['10.96.1.2'] }, { loadBalancer: { ingress: [{ ip: '172.18.255.200' }, { hostname: 'lb.example' }] } })[3]).toBe('172.18.255.200,lb.example');
    expect(svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] }).slice(2, 4)).toEqual(['None', '<none>']);
    expect(svc({ type: 'ExternalName', externalName: 'example.com' }).slice(2, 4)).toEqual(['<none>', 'example.com']);
  });

  it('endpoints: up to three addresses, then a count', () => {
    const ep = obj('Endpoints', 'web', { subsets: [{ addresses: ['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.2.3'].map((ip) => ({ ip })), ports: [{ port: 80, protocol: 'TCP' }] }] });
    expect(cells('', 'endpoints', ep)[1]).toBe('10.244.1.2:80,10.244.1.3:80,10.244.2.2:80 + 1 more...');
    expect(cells('', 'endpoints', obj('Endpoints', 'none'))[1]).toBe('<none>');
  });

  it('workloads: ready/desired, counts, containers, selectors', () => {
    const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }] } };
    const deploy = { ...obj('Deployment', 'web', { spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } }), apiVersion: 'apps/v1' };
    expect(cells('apps', 'deployments', deploy)).toEqual(['web', '2/3', 3, 2, '10m', 'nginx,log', 'nginx:1.27,busybox', 'app=web']);
    const rs = { ...obj('ReplicaSet', 'web-5d4f8', { spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d4f8' } }, template }, status: { replicas: 3, readyReplicas: 3 } }), apiVersion: 'apps/v1' };
    expect(cells('apps', 'replicasets', rs)).toEqual(['web-5d4f8', 3, 3, 3, '10m', 'nginx,log', 'nginx:1.27,busybox', 'app=web,pod-template-hash=5d4f8']);
    const ds = { ...obj('DaemonSet', 'kindnet', { spec: { selector: { matchLabels: { app: 'kindnet' } }, template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [] } } }, status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, updatedNumberScheduled: 3, numberAvailable: 3 } }), apiVersion: 'apps/v1' };
    expect(cells('apps', 'daemonsets', ds).slice(0, 8)).toEqual(['kindnet', 3, 3, 3, 3, 3, 'kubernetes.io/os=linux', '10m']);
    const sts = { ...obj('StatefulSet', 'db', { spec: { replicas: 2, template }, status: { readyReplicas: 1 } }), apiVersion: 'apps/v1' };
    expect(cells('apps', 'statefulsets', sts).slice(0, 3)).toEqual(['db', '1/2', '10m']);
    const cr = { ...obj('ControllerRevision', 'db-7b9', { revision: 2 }, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 'u', controller: true }] }), apiVersion: 'apps/v1' };
    expect(cells('apps', 'controllerrevisions', cr)).toEqual(['db-7b9', 'statefulset.apps/db', 2, '10m']);
  });

  it('jobs and cronjobs', () => {
    const job = (status: Record<string, unknown>, spec: Record<string, unknown> = { completions: 1 }) => cells('batch', 'jobs', { ...obj('Job', 'pi', { spec: { ...spec, template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } }, status }), apiVersion: 'batch/v1' });
    expect(job({ succeeded: 1, startTime: ago(300_000), completionTime: ago(260_000), conditions: [{ type: 'Complete', status: 'True' }] }).slice(0, 5)).toEqual(['pi', 'Complete', '1/1', '40s', '10m']);
    expect(job({ active: 1, startTime: ago(30_000) }).slice(1, 4)).toEqual(['Running', '0/1', '30s']);
    expect(job({}, { parallelism: 3 }).slice(1, 4)).toEqual(['Running', '0/1 of 3', '']);
    expect(job({ conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }] }).slice(1, 2)).toEqual(['SuccessCriteriaMet']);
    const cj = { ...obj('CronJob', 'hello', { spec: { schedule: '*/1 * * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers: [] } } } } }, status: { active: [{ name: 'hello-1' }], lastScheduleTime: ago(20_000) } }), apiVersion: 'batch/v1' };
    expect(cells('batch', 'cronjobs', cj).slice(0, 7)).toEqual(['hello', '*/1 * * * *', '<none>', 'False', 1, '20s', '10m']);
  });

  it('events: last seen, object, source, count', () => {
    const ev = obj('Event', 'nginx.1861a3f0', {
      involvedObject: { kind: 'Pod', name: 'nginx', namespace: 'default', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulled',
      message: 'Successfully pulled image "nginx"\n',
      type: 'Normal',
      source: { component: 'kubelet', host: 'kind-worker' },
      firstTimestamp: ago(120_000),
      lastTimestamp: ago(30_000),
      count: 3,
    });
    expect(cells('', 'events', ev)).toEqual(['30s', 'Normal', 'Pulled', 'pod/nginx', 'spec.containers{nginx}', 'kubelet, kind-worker', 'Successfully pulled image "nginx"', '2m', 3, 'nginx.1861a3f0']);
    const v1 = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'nginx.1861b', creationTimestamp: ago(10_000) },
      eventTime: ago(10_000),
      reportingController: 'default-scheduler',
      reportingInstance: 'default-scheduler-kind-control-plane',
      action: 'Scheduling',
      reason: 'Scheduled',
      regarding: { kind: 'Pod', name: 'nginx' },
      note: 'Successfully assigned default/nginx to kind-worker',
      type: 'Normal',
    };
    expect(cells('events.k8s.io', 'events', v1)).toEqual(['10s', 'Normal', 'Scheduled', 'pod/nginx', '', 'default-scheduler, default-scheduler-kind-control-plane', 'Successfully assigned default/nginx to kind-worker', '10s', 1, 'nginx.1861b']);
  });

  it('core configuration objects', () => {
    expect(cells('', 'namespaces', obj('Namespace', 'default', { status: { phase: 'Active' } }))).toEqual(['default', 'Active', '10m']);
    expect(cells('', 'configmaps', obj('ConfigMap', 'kube-root-ca.crt', { data: { 'ca.crt': 'x' } }))).toEqual(['kube-root-ca.crt', 1, '10m']);
    expect(cells('', 'secrets', obj('Secret', 's', { type: 'Opaque', data: { a: 'YQ==', b: 'Yg==' } }))).toEqual(['s', 'Opaque', 2, '10m']);
    expect(cells('', 'serviceaccounts', obj('ServiceAccount', 'default'))).toEqual(['default', 0, '10m']);
    const quota = obj('ResourceQuota', 'q', { status: { hard: { 'limits.cpu': '2', pods: '10', 'requests.cpu': '1' }, used: { pods: '3', 'requests.cpu': '500m' } } });
    expect(cells('', 'resourcequotas', quota)).toEqual(['q', 'pods: 3/10, requests.cpu: 500m/1', 'limits.cpu: 0/2', '10m']);
  });

  it('storage', () => {
    const sc = { ...obj('StorageClass', 'standard', { provisioner: 'rancher.io/local-path', reclaimPolicy: 'Delete', volumeBindingMode: 'WaitForFirstConsumer' }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }), apiVersion: 'storage.k8s.io/v1' };
    expect(cells('storage.k8s.io', 'storageclasses', sc)).toEqual(['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '10m']);
    const pvc = obj('PersistentVolumeClaim', 'data', { spec: { storageClassName: 'standard', volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } } }, status: { phase: 'Pending' } });
    expect(cells('', 'persistentvolumeclaims', pvc)).toEqual(['data', 'Pending', '', '', '', 'standard', '<unset>', '10m', 'Filesystem']);
    const bound = obj('PersistentVolumeClaim', 'data', { spec: { storageClassName: 'standard', volumeName: 'pvc-1', volumeMode: 'Filesystem' }, status: { phase: 'Bound', capacity: { storage: '1024Mi' }, accessModes: ['ReadWriteOnce'] } });
    expect(cells('', 'persistentvolumeclaims', bound).slice(1, 5)).toEqual(['Bound', 'pvc-1', '1Gi', 'RWO']);
    const pv = obj('PersistentVolume', 'pvc-1', { spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'], persistentVolumeReclaimPolicy: 'Delete', claimRef: { namespace: 'default', name: 'data' }, storageClassName: 'standard', volumeMode: 'Filesystem' }, status: { phase: 'Bound' } });
    expect(cells('', 'persistentvolumes', pv)).toEqual(['pvc-1', '1Gi', 'RWO,RWOP', 'Delete', 'Bound', 'default/data', 'standard', '<unset>', '', '10m', 'Filesystem']);
  });

  it('rbac bindings and priority classes', () => {
    const rb = { ...obj('ClusterRoleBinding', 'admins', { roleRef: { kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'Group', name: 'system:masters' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'build' }, { kind: 'User', name: 'alice' }] }), apiVersion: 'rbac.authorization.k8s.io/v1' };
    expect(cells('rbac.authorization.k8s.io', 'clusterrolebindings', rb)).toEqual(['admins', 'ClusterRole/cluster-admin', '10m', 'alice', 'system:masters', 'build/ci']);
    const pc = { ...obj('PriorityClass', 'system-node-critical', { value: 2000001000, preemptionPolicy: 'PreemptLowerPriority' }), apiVersion: 'scheduling.k8s.io/v1' };
    expect(printTable(convertToTable(typeOf('scheduling.k8s.io', 'priorityclasses'), [pc], NOW))).toBe('NAME                   VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY\nsystem-node-critical   2000001000   false            10m   PreemptLowerPriority\n');
  });
});
