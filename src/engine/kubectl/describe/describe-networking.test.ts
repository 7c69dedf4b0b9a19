import { describe as suite, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { RESOURCE_TYPES, type ResourceType } from '../../api/resources';
import { describe } from './index';
import { fakeContext } from './test-context';

const T0 = Date.parse('2025-09-01T09:00:00Z');
const lines = (...l: string[]) => l.join('\n') + '\n';

function typeOf(group: string, kind: string): ResourceType {
  const t = RESOURCE_TYPES.find((r) => r.group === group && r.kind === kind);
  if (!t) throw new Error(`no type ${group}/${kind}`);
  return t;
}

const slice: KubeObject = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'web-x', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  ports: [{ name: '', port: 80, protocol: 'TCP' }],
  endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'kind-worker', targetRef: { kind: 'Pod', name: 'web-abc', namespace: 'default' } }],
};

suite('kubectl describe (networking, policy)', () => {
  it('describes an Ingress: TLS, rules, backends with their endpoints, a missing backend service', () => {
    const ingress: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'default', annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' } },
      spec: {
        ingressClassName: 'nginx',
        tls: [{ hosts: ['a.example'], secretName: 'a-tls' }],
        rules: [
          {
            host: 'a.example',
            http: {
              paths: [
                { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
                { path: '/api', pathType: 'Prefix', backend: { service: { name: 'api', port: { name: 'http' } } } },
              ],
            },
          },
        ],
      },
      status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } },
    };
    const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ port: 80, protocol: 'TCP' }] } };
    expect(describe(typeOf('networking.k8s.io', 'Ingress'), ingress, fakeContext(T0, { '/services': [service], 'discovery.k8s.io/endpointslices': [slice] }))).toBe(
      lines(
        'Name:             web',
        'Labels:           <none>',
        'Namespace:        default',
        'Address:          localhost',
        'Ingress Class:    nginx',
        'Default backend:  <default>',
        'TLS:',
        '  a-tls terminates a.example',
        'Rules:',
        '  Host        Path  Backends',
        '  ----        ----  --------',
        '  a.example   ',
        '              /      web:80 (10.244.1.2:80)',
        '              /api   api:http (<error: services "api" not found>)',
        'Annotations:  nginx.ingress.kubernetes.io/rewrite-target: /',
        'Events:       <none>',
      ),
    );
  });

  it('describes an EndpointSlice endpoint by endpoint', () => {
    expect(describe(typeOf('discovery.k8s.io', 'EndpointSlice'), slice, fakeContext(T0, {}))).toBe(
      lines(
        'Name:         web-x',
        'Namespace:    default',
        'Labels:       kubernetes.io/service-name=web',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  80    TCP',
        'Endpoints:',
        '  - Addresses:  10.244.1.2',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-abc',
        '    NodeName:   kind-worker',
        '    Zone:       <unset>',
        'Events:         <none>',
      ),
    );
  });

  it('describes a PodDisruptionBudget', () => {
    const pdb: KubeObject = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } }, status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 } };
    expect(describe(typeOf('policy', 'PodDisruptionBudget'), pdb, fakeContext(T0, {}))).toBe(
      lines(
        'Name:           web',
        'Namespace:      default',
        'Min available:  2',
        'Selector:       app=web',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              3',
        '    Desired:              2',
        '    Total:                3',
        'Events:                   <none>',
      ),
    );
  });
});
