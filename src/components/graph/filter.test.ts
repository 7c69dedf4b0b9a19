import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { filterObjects } from './filter';

const object = (kind: string, name: string, extra: Partial<KubeObject> & { namespace?: string; labels?: Record<string, string> } = {}): KubeObject => {
  const { namespace, labels, ...rest } = extra;
  return { apiVersion: 'v1', kind, metadata: { name, uid: `${kind}-${namespace ?? ''}-${name}`, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) }, ...rest };
};
const nodes = [object('Node', 'kind-worker'), object('Node', 'kind-worker2')];
const pods = [
  object('Pod', 'web-1', { namespace: 'default', labels: { app: 'web' }, spec: { nodeName: 'kind-worker' } }),
  object('Pod', 'web-2', { namespace: 'default', labels: { app: 'web' }, spec: { nodeName: 'kind-worker2' } }),
  object('Pod', 'db-0', { namespace: 'default', labels: { app: 'db' }, spec: { nodeName: 'kind-worker' } }),
  object('Pod', 'coredns-1', { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, spec: { nodeName: 'kind-worker' } }),
];
// The web Service carries a label of its own, not app=web: it shows through its endpoints.
const services = [object('Service', 'web', { namespace: 'default', labels: { tier: 'front' } }), object('Service', 'kube-dns', { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } })];
const slices = [
  object('EndpointSlice', 'web-x1', { namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' }, endpoints: [{ targetRef: { kind: 'Pod', uid: 'Pod-default-web-1' } }, { targetRef: { kind: 'Pod', uid: 'Pod-default-web-2' } }] }),
];
const names = (objects: KubeObject[]) => objects.map((o) => o.metadata.name);

describe('graph filters', () => {
  it('lets everything through when nothing is set', () => {
    const shown = filterObjects({ selector: '' }, nodes, pods, services, slices);
    expect([names(shown.nodes), names(shown.pods), names(shown.services)]).toEqual([['kind-worker', 'kind-worker2'], ['web-1', 'web-2', 'db-0', 'coredns-1'], ['web', 'kube-dns']]);
  });

  it('narrows pods and Services to a namespace', () => {
    const shown = filterObjects({ namespace: 'kube-system', selector: '' }, nodes, pods, services, slices);
    expect([names(shown.pods), names(shown.services)]).toEqual([['coredns-1'], ['kube-dns']]);
    expect(names(shown.nodes)).toEqual(['kind-worker', 'kind-worker2']);
  });

  it('matches labels with the API selector syntax, keeping Services whose endpoints show', () => {
    expect(names(filterObjects({ selector: 'app=web' }, nodes, pods, services, slices).services)).toEqual(['web']);
    expect(names(filterObjects({ selector: 'app in (web, db)' }, nodes, pods, services, slices).pods)).toEqual(['web-1', 'web-2', 'db-0']);
    expect(names(filterObjects({ selector: 'app!=web' }, nodes, pods, services, slices).pods)).toEqual(['db-0', 'coredns-1']);
    expect(names(filterObjects({ selector: 'k8s-app' }, nodes, pods, services, slices).services)).toEqual(['kube-dns']);
  });

  it('narrows to one node and its pods', () => {
    const shown = filterObjects({ node: 'kind-worker2', selector: '' }, nodes, pods, services, slices);
    expect([names(shown.nodes), names(shown.pods), names(shown.services)]).toEqual([['kind-worker2'], ['web-2'], ['web']]);
  });

  it('reports a selector that does not parse in the API words and filters by nothing else', () => {
    const shown = filterObjects({ selector: 'app in web' }, nodes, pods, services, slices);
    expect(shown.selectorError).toMatch(/^unable to parse requirement: /);
    expect(shown.pods).toHaveLength(4);
  });
});
