import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import type { ApiRequest } from '../types';

function lab() {
  const sim = createSimulation({ seed: 3 });
  const call = (req: Omit<ApiRequest, 'userAgent'>) => sim.api.request({ ...req, userAgent: 'test' });
  const revision = () => Number((call({ method: 'GET', path: '/api/v1/namespaces' }).body as { metadata: { resourceVersion: string } }).metadata.resourceVersion);
  return { sim, call, revision };
}

const pod = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] }, ...extra });

describe('kube-apiserver', () => {
  it('creates with server-owned metadata and Kubernetes defaults', () => {
    const { call } = lab();
    const r = call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod('web') });
    expect(r.status).toBe(201);
    const body = r.body as { metadata: Record<string, unknown>; spec: Record<string, unknown>; status: Record<string, unknown> };
    expect(body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.metadata.creationTimestamp).toBe('2025-09-01T09:00:00Z');
    expect(body.spec.restartPolicy).toBe('Always');
    expect(body.spec.terminationGracePeriodSeconds).toBe(30);
    expect(body.spec.tolerations).toEqual([
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ]);
    expect(body.status.phase).toBe('Pending');
  });

  it('rejects malformed objects with Kubernetes Status errors and leaves the store unchanged', () => {
    const { call, revision } = lab();
    const before = revision();
    const cases: [unknown, number, string][] = [
      [pod('Bad_Name'), 422, 'Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain'],
      [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'c' }] } }, 422, 'Pod "x" is invalid: spec.containers[0].image: Required value'],
      [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } }, 400, 'the API version in the data (apps/v1) does not match the expected API version (v1)'],
      [pod('other-ns', { metadata: { name: 'other-ns', namespace: 'kube-system' } }), 400, 'the namespace of the provided object does not match the namespace sent on the request'],
      [null, 400, "Object 'Kind' is missing"],
    ];
    for (const [body, code, message] of cases) {
      const r = call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body });
      expect(r.status, message).toBe(code);
      expect((r.body as { message: string }).message).toContain(message);
    }
    expect(call({ method: 'POST', path: '/api/v1/namespaces/nope/pods', body: pod('a') }).body).toMatchObject({ reason: 'NotFound', message: 'namespaces "nope" not found', code: 404 });
    expect(revision()).toBe(before);
  });

  it('answers 409 AlreadyExists and 409 Conflict on a stale resourceVersion', () => {
    const { call } = lab();
    const created = call({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } } }).body as { metadata: { resourceVersion: string } };
    expect(call({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } }).body).toMatchObject({ reason: 'AlreadyExists', message: 'configmaps "c" already exists' });
    const update = (rv: string) => call({ method: 'PUT', path: '/api/v1/namespaces/default/configmaps/c', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', resourceVersion: rv }, data: { a: '2' } } });
    expect(update(created.metadata.resourceVersion).status).toBe(200);
    expect(update(created.metadata.resourceVersion).body).toMatchObject({
      reason: 'Conflict',
      message: 'Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('lists with label and field selectors and rejects unsupported fields', () => {
    const { call } = lab();
    call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod('a') });
    call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: { ...pod('b'), metadata: { name: 'b', labels: { app: 'db' } } } });
    const names = (query: Record<string, string>) => ((call({ method: 'GET', path: '/api/v1/pods', query }).body as { items: { metadata: { name: string } }[] }).items ?? []).map((p) => p.metadata.name);
    expect(names({ labelSelector: 'app=web' })).toEqual(['a']);
    expect(names({ labelSelector: 'app in (web,db),app!=web' })).toEqual(['b']);
    expect(names({ fieldSelector: 'spec.nodeName=kind-worker' }).map((n) => n.replace(/-[a-z0-9]{5}$/, ''))).toEqual(['kindnet', 'kube-proxy']);
    expect(names({ fieldSelector: 'metadata.namespace=default,status.phase=Pending' })).toEqual(['a', 'b']);
    expect(call({ method: 'GET', path: '/api/v1/pods', query: { fieldSelector: 'spec.image=x' } }).body).toMatchObject({ code: 400, message: 'field label not supported: spec.image' });
  });

  it('applies merge, JSON and strategic merge patches', () => {
    const { call } = lab();
    call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod('p') });
    const path = '/api/v1/namespaces/default/pods/p';
    call({ method: 'PATCH', path, contentType: 'application/merge-patch+json', body: { metadata: { labels: { tier: 'front' } } } });
    call({ method: 'PATCH', path, contentType: 'application/json-patch+json', body: [{ op: 'add', path: '/metadata/annotations', value: { note: 'x' } }] });
    const r = call({ method: 'PATCH', path, contentType: 'application/strategic-merge-patch+json', body: { spec: { containers: [{ name: 'c', image: 'nginx:1.28' }] } } });
    const body = r.body as { metadata: { labels: Record<string, string>; annotations: Record<string, string> }; spec: { containers: { name: string; image: string; volumeMounts: unknown[] }[] } };
    expect(body.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(body.metadata.annotations).toEqual({ note: 'x' });
    expect(body.spec.containers).toHaveLength(1);
    expect(body.spec.containers[0]?.image).toBe('nginx:1.28');
    expect(body.spec.containers[0]?.volumeMounts).toHaveLength(1);
  });

  it('serves discovery with short names and the v1.34 version', () => {
    const { call } = lab();
    const core = call({ method: 'GET', path: '/api/v1' }).body as { resources: { name: string; shortNames?: string[] }[] };
    expect(core.resources.find((r) => r.name === 'pods')?.shortNames).toEqual(['po']);
    expect(core.resources.some((r) => r.name === 'pods/binding')).toBe(true);
    expect(call({ method: 'GET', path: '/version' }).body).toMatchObject({ gitVersion: 'v1.34.0' });
    expect(call({ method: 'GET', path: '/apis/nope.example.com/v1' }).status).toBe(404);
  });

  it('binds a pod once through the binding subresource', () => {
    const { call } = lab();
    call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod('b') });
    const bind = () => call({ method: 'POST', path: '/api/v1/namespaces/default/pods/b/binding', body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'b' }, target: { kind: 'Node', name: 'kind-worker' } } });
    expect(bind().status).toBe(201);
    expect(bind().body).toMatchObject({ reason: 'Conflict', message: 'Operation cannot be fulfilled on pods "b": pod b is already assigned to node "kind-worker"' });
    expect((call({ method: 'GET', path: '/api/v1/namespaces/default/pods/b' }).body as { spec: { nodeName: string } }).spec.nodeName).toBe('kind-worker');
  });

  it('watches from a resourceVersion in order, each change once', () => {
    const { sim, call } = lab();
    const start = (call({ method: 'GET', path: '/api/v1/namespaces/default/configmaps' }).body as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    const seen: string[] = [];
    sim.api.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: start }, (e) => seen.push(`${e.type} ${String(e.object.metadata.name)}`));
    call({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' } } });
    call({ method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/w', contentType: 'application/merge-patch+json', body: { data: { a: 'b' } } });
    call({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/w' });
    sim.advance(0);
    expect(seen).toEqual(['ADDED w', 'MODIFIED w', 'DELETED w']);
  });
});

describe('events', () => {
  it('serves one stored Event through both events.k8s.io/v1 and core/v1', () => {
    const { call } = lab();
    const r = call({
      method: 'POST',
      path: '/apis/events.k8s.io/v1/namespaces/default/events',
      body: { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'web.1' }, eventTime: '2025-09-01T09:00:00.000000Z', reportingController: 'default-scheduler', reportingInstance: 'default-scheduler-kind-control-plane', action: 'Scheduling', reason: 'FailedScheduling', type: 'Warning', note: 'no nodes', regarding: { kind: 'Pod', namespace: 'default', name: 'web', apiVersion: 'v1' } },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ apiVersion: 'events.k8s.io/v1', note: 'no nodes', regarding: { name: 'web' } });
    const core = call({ method: 'GET', path: '/api/v1/namespaces/default/events', query: { fieldSelector: 'involvedObject.name=web' } }).body as { items: Record<string, unknown>[] };
    expect(core.items).toHaveLength(1);
    expect(core.items[0]).toMatchObject({ apiVersion: 'v1', kind: 'Event', message: 'no nodes', reportingComponent: 'default-scheduler', involvedObject: { kind: 'Pod', name: 'web' } });
    const v1 = call({ method: 'GET', path: '/apis/events.k8s.io/v1/namespaces/default/events', query: { fieldSelector: 'regarding.name=web' } }).body as { items: unknown[] };
    expect(v1.items).toHaveLength(1);
  });
});

describe('garbage collector', () => {
  const cm = (name: string, owner?: { name: string; uid: string }, block = false) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, ...(owner ? { ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: owner.name, uid: owner.uid, blockOwnerDeletion: block }] } : {}) },
  });

  function family(call: ReturnType<typeof lab>['call'], block = false) {
    const parent = call({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('parent') }).body as { metadata: { uid: string } };
    call({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: cm('child', { name: 'parent', uid: parent.metadata.uid }, block) });
  }
  const exists = (call: ReturnType<typeof lab>['call'], name: string) => call({ method: 'GET', path: `/api/v1/namespaces/default/configmaps/${name}` }).status === 200;

  it('deletes dependents after their owner is deleted (background)', () => {
    const { sim, call } = lab();
    family(call);
    sim.advance(0);
    call({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/parent' });
    expect(exists(call, 'child')).toBe(true);
    sim.advance(1000);
    expect(exists(call, 'child')).toBe(false);
  });

  it('keeps the owner until blocking dependents are gone (foreground)', () => {
    const { sim, call } = lab();
    family(call, true);
    sim.advance(0);
    const r = call({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/parent', body: { propagationPolicy: 'Foreground' } });
    expect((r.body as { metadata: { finalizers: string[] } }).metadata.finalizers).toEqual(['foregroundDeletion']);
    sim.advance(1000);
    expect(exists(call, 'child')).toBe(false);
    expect(exists(call, 'parent')).toBe(false);
  });

  it('keeps a terminating pod whose last finalizer goes until its grace period is over', () => {
    const { call } = lab();
    const path = '/api/v1/namespaces/default/pods/held';
    // Bound to a node no kubelet serves, so nothing completes the graceful deletion but us.
    call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod('held', { metadata: { name: 'held', finalizers: ['example.com/hold'] }, spec: { nodeName: 'ghost', containers: [{ name: 'c', image: 'nginx:1.27' }] } }) });
    expect((call({ method: 'DELETE', path }).body as { metadata: { deletionGracePeriodSeconds: number } }).metadata.deletionGracePeriodSeconds).toBe(30);
    expect(call({ method: 'PATCH', path, contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } }).status).toBe(200);
    expect(call({ method: 'GET', path }).status).toBe(200);
    call({ method: 'DELETE', path, body: { gracePeriodSeconds: 0 } });
    expect(call({ method: 'GET', path }).status).toBe(404);
  });

  it('orphans dependents when asked', () => {
    const { sim, call } = lab();
    family(call);
    sim.advance(0);
    call({ method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/parent', query: { propagationPolicy: 'Orphan' } });
    sim.advance(1000);
    expect(exists(call, 'parent')).toBe(false);
    const child = call({ method: 'GET', path: '/api/v1/namespaces/default/configmaps/child' }).body as { metadata: { ownerReferences?: unknown } };
    expect(child.metadata.ownerReferences).toBeUndefined();
  });
});
