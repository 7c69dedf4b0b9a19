import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { RESOURCE_TYPES, type ResourceType } from '../../api/resources';
import { describe } from './index';
import { fakeContext } from './test-context';

const T0 = Date.parse('2025-09-01T09:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');

function typeOf(group: string, kind: string): ResourceType {
  const t = RESOURCE_TYPES.find((r) => r.group === group && r.kind === kind);
  if (!t) throw new Error(`no type ${group}/${kind}`);
  return t;
}

const lines = (...l: string[]) => l.join('\n') + '\n';

const template = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: { requests: { cpu: '100m', memory: '64Mi' } },
        readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        env: [
          { name: 'MODE', value: 'prod' },
          { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        ],
      },
    ],
  },
};

const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true };
const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'd1', creationTimestamp: at(0), labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '2' } },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
  status: {
    replicas: 3,
    updatedReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
};
const oldRS: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-6d4cf56db6', namespace: 'default', uid: 'r1', creationTimestamp: at(0), labels: { app: 'web', 'pod-template-hash': '6d4cf56db6' }, ownerReferences: [owner] },
  spec: { replicas: 0, template: { metadata: { labels: { app: 'web', 'pod-template-hash': '6d4cf56db6' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
  status: { replicas: 0 },
};
const newRS: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web-7c5ddbdf54', namespace: 'default', uid: 'r2', creationTimestamp: at(60), labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' }, ownerReferences: [owner] },
  spec: { replicas: 3, template: { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } } } },
  status: { replicas: 3 },
};

function deploymentEvent(reason: string, message: string, first: number, last: number, count: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `web.${first}`, namespace: 'default' },
    involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default', uid: 'd1', apiVersion: 'apps/v1' },
    reason,
    message,
    type: 'Normal',
    source: { component: 'deployment-controller' },
    firstTimestamp: at(first),
    lastTimestamp: at(last),
    count,
  };
}

suite('kubectl describe (workloads, networking, configuration)', () => {
  it('describes a deployment with its ReplicaSets and repeated events, oldest first', () => {
    const context = fakeContext(T0 + 600_000, {
      'apps/replicasets': [newRS, oldRS],
      '/events': [
        deploymentEvent('ScalingReplicaSet', 'Scaled up replica set web-7c5ddbdf54 from 0 to 3', 60, 62, 1),
        deploymentEvent('ScalingReplicaSet', 'Scaled up replica set web-6d4cf56db6 from 0 to 3', 0, 0, 1),
        deploymentEvent('ScalingReplicaSet', 'Scaled down replica set web-6d4cf56db6 from 3 to 0', 61, 65, 3),
      ],
    });
    expect(describe(typeOf('apps', 'Deployment'), deployment, context)).toBe(
      lines(
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Mon, 01 Sep 2025 09:00:00 +0000',
        'Labels:                 app=web',
        'Annotations:            deployment.kubernetes.io/revision: 2',
        'Selector:               app=web',
        'Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        '  Containers:',
        '   nginx:',
        '    Image:      nginx:1.27',
        '    Port:       80/TCP',
        '    Host Port:  0/TCP',
        '    Requests:',
        '      cpu:      100m',
        '      memory:   64Mi',
        '    Readiness:  http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:',
        '      MODE:        prod',
        '      POD:          (v1:metadata.name)',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  web-6d4cf56db6 (0/0 replicas created)',
        'NewReplicaSet:   web-7c5ddbdf54 (3/3 replicas created)',
        'Events:',
        '  Type    Reason             Age                    From                   Message',
        '  ----    ------             ----                   ----                   -------',
        '  Normal  ScalingReplicaSet  10m                    deployment-controller  Scaled up replica set web-6d4cf56db6 from 0 to 3',
        '  Normal  ScalingReplicaSet  9m                     deployment-controller  Scaled up replica set web-7c5ddbdf54 from 0 to 3',
        '  Normal  ScalingReplicaSet  8m55s (x3 over 8m59s)  deployment-controller  Scaled down replica set web-6d4cf56db6 from 3 to 0',
      ),
    );
  });

  it('describes a service with the ready endpoints of its EndpointSlices', () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default', uid: 's1', labels: { app: 'web' } },
      spec: { type: 'NodePort', selector: { app: 'web' }, clusterIP: '10.96.120.7', clusterIPs: ['10.96.120.7'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ port: 80, targetPort: 80, nodePort: 31234, protocol: 'TCP' }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster' },
    };
    const slice: KubeObject = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      addressType: 'IPv4',
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: ['10.244.1.2', '10.244.1.3', '10.244.2.2', '10.244.2.3'].map((ip, i) => ({ addresses: [ip], conditions: { ready: i !== 1 } })),
    };
    expect(describe(typeOf('', 'Service'), service, fakeContext(T0, { 'discovery.k8s.io/endpointslices': [slice] }))).toBe(
      lines(
        'Name:                     web',
        'Namespace:                default',
        'Labels:                   app=web',
        'Annotations:              <none>',
        'Selector:                 app=web',
        'Type:                     NodePort',
        'IP Family Policy:         SingleStack',
        'IP Families:              IPv4',
        'IP:                       10.96.120.7',
        'IPs:                      10.96.120.7',
        'Port:                     <unset>  80/TCP',
        'TargetPort:               80/TCP',
        'NodePort:                 <unset>  31234/TCP',
        'Endpoints:                10.244.1.2:80,10.244.2.2:80,10.244.2.3:80',
        'Session Affinity:         None',
        'External Traffic Policy:  Cluster',
        'Internal Traffic Policy:  Cluster',
        'Events:                   <none>',
      ),
    );
  });

  it('describes a namespace without quotas or limit ranges', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'kubernetes.io/metadata.name': 'default' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
    expect(describe(typeOf('', 'Namespace'), ns, fakeContext(T0, {}))).toBe(
      lines(
        'Name:         default',
        'Labels:       kubernetes.io/metadata.name=default',
        'Annotations:  <none>',
        'Status:       Active',
        '',
        'No resource quota.',
        '',
        'No LimitRange resource.',
      ),
    );
  });

  it('describes a ConfigMap with its data', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default' }, data: { 'game.properties': 'lives=3\nenemies=aliens', mode: 'prod' } };
    expect(describe(typeOf('', 'ConfigMap'), cm, fakeContext(T0, {}))).toBe(
      lines(
        'Name:         app-config',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'game.properties:',
        '----',
        'lives=3',
        'enemies=aliens',
        '',
        'mode:',
        '----',
        'prod',
        '',
        '',
        'BinaryData',
        '====',
        '',
        'Events:  <none>',
      ),
    );
  });

  it('describes a Secret by the size of its values, without events', () => {
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'default' }, type: 'Opaque', data: { password: 'czNjcjN0', username: 'YWRtaW4=' } };
    expect(describe(typeOf('', 'Secret'), secret, fakeContext(T0, {}))).toBe(
      lines(
        'Name:         db',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Type:  Opaque',
        '',
        'Data',
        '====',
        'password:  6 bytes',
        'username:  5 bytes',
      ),
    );
  });

  it('describes a kind without a describer field by field (generic describer)', () => {
    const lease: KubeObject = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: 'kind-worker', namespace: 'kube-node-lease', uid: 'l1', resourceVersion: '900', creationTimestamp: at(20), ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'kind-worker', uid: 'n1' }], managedFields: [{ manager: 'kubelet' }] },
      spec: { holderIdentity: 'kind-worker', leaseDurationSeconds: 40, renewTime: '2025-09-01T09:10:02.512345Z' },
    };
    expect(describe(typeOf('coordination.k8s.io', 'Lease'), lease, fakeContext(T0, {}))).toBe(
      lines(
        'Name:         kind-worker',
        'Namespace:    kube-node-lease',
        'Labels:       <none>',
        'Annotations:  <none>',
        'API Version:  coordination.k8s.io/v1',
        'Kind:         Lease',
        'Metadata:',
        '  Creation Timestamp:  2025-09-01T09:00:20Z',
        '  Owner References:',
        '    API Version:     v1',
        '    Kind:            Node',
        '    Name:            kind-worker',
        '    UID:             n1',
        '  Resource Version:  900',
        '  UID:               l1',
        'Spec:',
        '  Holder Identity:         kind-worker',
        '  Lease Duration Seconds:  40',
        '  Renew Time:              2025-09-01T09:10:02.512345Z',
        'Events:                    <none>',
      ),
    );
  });

  it('describes a ClusterRole with broken-down, compacted and sorted rules', () => {
    const role: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'pod-reader' },
      rules: [
        { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'watch', 'list'] },
        { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] },
        { nonResourceURLs: ['/healthz'], verbs: ['get'] },
      ],
    };
    expect(describe(typeOf('rbac.authorization.k8s.io', 'ClusterRole'), role, fakeContext(T0, {}))).toBe(
      lines(
        'Name:         pod-reader',
        'Labels:       <none>',
        'Annotations:  <none>',
        'PolicyRule:',
        '  Resources         Non-Resource URLs  Resource Names  Verbs',
        '  ---------         -----------------  --------------  -----',
        '  pods/log          []                 []              [get watch list]',
        '  pods              []                 []              [get watch list]',
        '                    [/healthz]         []              [get]',
        '  deployments.apps  []                 []              [get]',
      ),
    );
  });

  it('never throws on odd shapes', () => {
    const odd = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'odd', labels: 'x' }, spec: { containers: 'nope', volumes: [null] }, status: 7 } as unknown as KubeObject;
    expect(() => describe(typeOf('', 'Pod'), odd, fakeContext(T0, {}))).not.toThrow();
    const noMeta = { apiVersion: 'v1', kind: 'Node' } as unknown as KubeObject;
    expect(describe(typeOf('', 'Node'), noMeta, fakeContext(T0, {}))).toMatch(/^Lease: +Failed to get lease: leases\.coordination\.k8s\.io "" not found$/m);
  });

  it('describes every kind without throwing, whatever the shape of its fields', () => {
    const odd: unknown[] = [null, 0, 'x', true, [], [null, 1, 'a'], {}, { a: { b: [] } }];
    for (const type of RESOURCE_TYPES) {
      for (const value of odd) {
        const object = { apiVersion: 'v1', kind: type.kind, metadata: { name: 'odd', namespace: 'default', labels: value, annotations: value, ownerReferences: value, finalizers: value }, spec: value, status: value, data: value, rules: value, subsets: value } as unknown as KubeObject;
        expect(() => describe(type, object, fakeContext(T0, { '/events': [], '/pods': [] })), `${type.kind} with ${JSON.stringify(value)}`).not.toThrow();
        const nested = { ...object, spec: { containers: value, template: { spec: { containers: value, volumes: value } }, volumes: [{ name: 'v', projected: { sources: value } }], ports: value, selector: value, taints: value, tolerations: value }, status: { conditions: value, containerStatuses: value, capacity: value } } as unknown as KubeObject;
        expect(() => describe(type, nested, fakeContext(T0, {})), `${type.kind} nested ${JSON.stringify(value)}`).not.toThrow();
      }
    }
  });
});
