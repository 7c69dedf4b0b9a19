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

function obj(kind: string, name: string, fields: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, namespace: 'default', creationTimestamp: ago(600_000) }, ...fields };
}

/** Values that are the wrong shape for any field a printer reads. */
const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, '', 'x', true, [], [null, 1, 'a'], {}, { a: { b: [] } }];

describe('every printer', () => {
  const printable = RESOURCE_TYPES.filter((t) => t.verbs.includes('list'));

  it('emits one cell per column for a minimal object', () => {
    for (const type of printable) {
      const table = convertToTable(type, [obj(type.kind, 'x')], NOW);
      const cells = table.rows[0]?.cells ?? [];
      // printIPAddress emits an AGE cell without a column, as upstream does.
      const expected = type.resource === 'ipaddresses' ? table.columnDefinitions.length + 1 : table.columnDefinitions.length;
      expect(cells.length, `${type.group}/${type.resource}`).toBe(expected);
      expect(table.columnDefinitions[0]?.name === 'Name' || table.columnDefinitions[0]?.name === 'Last Seen', type.resource).toBe(true);
    }
  });

  it('never throws on fields of the wrong shape', () => {
    for (const type of printable) {
      for (const value of ODD_VALUES) {
        const odd = { apiVersion: 'v1', kind: type.kind, metadata: { name: 'odd', labels: value, ownerReferences: value, deletionTimestamp: value, creationTimestamp: value }, spec: value, status: value, data: value, subsets: value, rules: value, webhooks: value } as unknown as KubeObject;
        expect(() => printTable(convertToTable(type, [odd], NOW), { wide: true, showLabels: true, withNamespace: true }), `${type.resource} with ${JSON.stringify(value)}`).not.toThrow();
        const nested = { ...odd, spec: { containers: value, template: { spec: { containers: value } }, ports: value, selector: value, rules: value, metrics: value }, status: { conditions: value, containerStatuses: value, loadBalancer: value } } as unknown as KubeObject;
        expect(() => convertToTable(type, [nested], NOW), `${type.resource} nested ${JSON.stringify(value)}`).not.toThrow();
      }
    }
  });
});

describe('more cells', () => {
  const cells = (group: string, resource: string, o: KubeObject) => convertToTable(typeOf(group, resource), [o], NOW).rows[0]?.cells;

  it('ingresses, ingress classes, network policies, endpoint slices', () => {
    const ing = obj('Ingress', 'web', { spec: { ingressClassName: 'nginx', rules: [{ host: 'a.example' }, { host: 'b.example' }, {}, { host: 'c.example' }, { host: 'd.example' }], tls: [{ hosts: ['a.example'] }] }, status: { loadBalancer: { ingress: [{ ip: '172.18.0.10' }] } } });
    expect(cells('networking.k8s.io', 'ingresses', ing)).toEqual(['web', 'nginx', 'a.example,b.example,c.example + 2 more...', '172.18.0.10', '80, 443', '10m']);
    expect(cells('networking.k8s.io', 'ingressclasses', obj('IngressClass', 'nginx', { spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } } }))).toEqual(['nginx', 'k8s.io/ingress-nginx', 'IngressParameters.k8s.example.com/external-lb', '10m']);
    expect(cells('networking.k8s.io', 'networkpolicies', obj('NetworkPolicy', 'deny', { spec: { podSelector: {} } }))).toEqual(['deny', '<none>', '10m']);
    const slice = obj('EndpointSlice', 'web-x', { addressType: 'IPv4', ports: [{ name: 'http', port: 80 }, { name: 'https' }], endpoints: [{ addresses: ['10.244.1.2'] }, { addresses: ['10.244.1.3', '10.244.1.4'] }, { addresses: ['10.244.2.2'] }] });
    expect(cells('discovery.k8s.io', 'endpointslices', slice)).toEqual(['web-x', 'IPv4', '80,https', '10.244.1.2,10.244.1.3,10.244.1.4 + 1 more...', '10m']);
  });

  it('autoscalers, disruption budgets, leases, CSRs', () => {
    const hpa = obj('HorizontalPodAutoscaler', 'web', {
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
      status: { currentReplicas: 2, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 23 } } }] },
    });
    expect(cells('autoscaling', 'horizontalpodautoscalers', hpa)).toEqual(['web', 'Deployment/web', 'cpu: 23%/50%', '1', 10, 2, '10m']);
    const noMetrics = obj('HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } }] } });
    expect(cells('autoscaling', 'horizontalpodautoscalers', noMetrics)?.slice(2, 4)).toEqual(['memory: <unknown>/80%', '<unset>']);
    expect(cells('policy', 'poddisruptionbudgets', obj('PodDisruptionBudget', 'web', { spec: { minAvailable: '50%' }, status: { disruptionsAllowed: 1 } }))).toEqual(['web', '50%', 'N/A', 1, '10m']);
    expect(cells('coordination.k8s.io', 'leases', obj('Lease', 'kind-worker', { spec: { holderIdentity: 'kind-worker' } }))).toEqual(['kind-worker', 'kind-worker', '10m']);
    const csr = obj('CertificateSigningRequest', 'csr-x', { spec: { signerName: 'kubernetes.io/kube-apiserver-client-kubelet', username: 'system:node:kind-worker', expirationSeconds: 86400 }, status: { conditions: [{ type: 'Approved', status: 'True' }], certificate: 'LS0t' } });
    expect(cells('certificates.k8s.io', 'certificatesigningrequests', csr)).toEqual(['csr-x', '10m', 'kubernetes.io/kube-apiserver-client-kubelet', 'system:node:kind-worker', '24h', 'Approved,Issued']);
  });

  it('APIServices come from kube-aggregator', () => {
    expect(cells('apiregistration.k8s.io', 'apiservices', obj('APIService', 'v1.apps', { spec: {}, status: { conditions: [{ type: 'Available', status: 'True' }] } }))).toEqual(['v1.apps', 'Local', 'True', '10m']);
    const metrics = obj('APIService', 'v1beta1.metrics.k8s.io', { spec: { service: { namespace: 'kube-system', name: 'metrics-server' } }, status: { conditions: [{ type: 'Available', status: 'False', reason: 'MissingEndpoints' }] } });
    expect(cells('apiregistration.k8s.io', 'apiservices', metrics)?.slice(1, 3)).toEqual(['kube-system/metrics-server', 'False (MissingEndpoints)']);
    expect(printerFor({ group: 'apiregistration.k8s.io', resource: 'apiservices' }).columns.map((c) => c.name)).toEqual(['Name', 'Service', 'Available', 'Age']);
  });
});
