import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { createSimulation } from '../index';
import { settleCommand } from '../scenario/runner';
import { InvariantMonitor } from './invariants';
import { StatefulSetIdentity } from './statefulset-identity';

const set = (policy?: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'db', namespace: 'default', uid: 's1' },
  spec: { replicas: 3, serviceName: 'db', ...(policy ? { podManagementPolicy: policy } : {}) },
});

function member(ordinal: number, opts: { uid?: string; ready?: boolean; index?: number; name?: string } = {}): KubeObject {
  const name = opts.name ?? `db-${ordinal}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: opts.uid ?? `u-${name}`,
      labels: { 'statefulset.kubernetes.io/pod-name': name, 'apps.kubernetes.io/pod-index': String(opts.index ?? ordinal) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'db', uid: 's1', controller: true }],
    },
    spec: { hostname: name, subdomain: 'db' },
    status: opts.ready ? { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } : { phase: 'Pending' },
  };
}

function tracker(policy?: string) {
  const reports: string[] = [];
  const identity = new StatefulSetIdentity((invariant, detail) => reports.push(`${invariant}: ${detail}`));
  identity.observe('statefulsets', { type: 'ADDED', object: set(policy) });
  return { identity, reports, pod: (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject) => identity.observe('pods', { type, object }) };
}

describe('StatefulSetIdentity', () => {
  it('passes members created one at a time, each after the one before is Running and Ready', () => {
    const { pod, reports } = tracker();
    pod('ADDED', member(0));
    pod('MODIFIED', member(0, { ready: true }));
    pod('ADDED', member(1));
    pod('MODIFIED', member(1, { ready: true }));
    pod('ADDED', member(2));
    // A replacement of db-1 after the old one is gone from the API.
    pod('DELETED', member(1, { ready: true }));
    pod('ADDED', member(1, { uid: 'second' }));
    expect(reports).toEqual([]);
  });

  it('reports a member created before its predecessor is ready (OrderedReady)', () => {
    const { pod, reports } = tracker();
    pod('ADDED', member(0));
    pod('ADDED', member(1));
    expect(reports).toEqual(['OrderedReady creates members in order: default/db-1 created while db-0 is not Running and Ready']);
  });

  it('lets Parallel create members at once', () => {
    const { pod, reports } = tracker('Parallel');
    pod('ADDED', member(0));
    pod('ADDED', member(2));
    expect(reports).toEqual([]);
  });

  it('reports a second pod holding an identity while the first still exists', () => {
    const replaced = tracker();
    replaced.pod('ADDED', member(0, { ready: true }));
    // No DELETED for the first db-0: a new uid under the same name.
    replaced.pod('ADDED', member(0, { uid: 'second' }));
    expect(replaced.reports).toEqual(['one pod per StatefulSet identity: default/db-0: second appeared while u-db-0 still exists']);

    const twins = tracker('Parallel');
    twins.pod('ADDED', member(0));
    twins.pod('ADDED', member(1, { index: 0, name: 'db-1' }));
    expect(twins.reports).toContain('one pod per StatefulSet identity: default/db-1 and db-0 both hold ordinal 0');
    expect(twins.reports).toContain('a StatefulSet pod has its identity: default/db-1: pod-name db-1, pod-index 0, hostname db-1');
  });

  it('holds for a real StatefulSet scaled up, with a member deleted and force-deleted', () => {
    const sim = createSimulation({ seed: 11 });
    const session = sim.shell.open();
    const monitor = new InvariantMonitor(sim);
    const manifest = [
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata:',
      '  name: db',
      'spec:',
      '  serviceName: db',
      '  replicas: 3',
      '  selector:',
      '    matchLabels:',
      '      app: db',
      '  template:',
      '    metadata:',
      '      labels:',
      '        app: db',
      '    spec:',
      '      containers:',
      '      - name: main',
      '        image: nginx:1.27',
    ];
    const lines = [
      "cat <<'EOF' | kubectl apply -f -",
      ...manifest,
      'EOF',
      'sleep 60',
      'kubectl delete pod db-0 --wait=false',
      'kubectl delete pod db-1 --grace-period=0 --force',
      'sleep 60',
      'kubectl scale statefulset db --replicas=5',
      'sleep 60',
    ];
    for (const line of lines) {
      session.write(line);
      settleCommand(sim, session);
      expect(monitor.check()).toEqual([]);
    }
    expect(monitor.checkSettled()).toEqual([]);
    const ready = sim.api.request({ method: 'GET', path: '/apis/apps/v1/namespaces/default/statefulsets/db' });
    expect((ready.body as { status: { readyReplicas: number } }).status.readyReplicas).toBe(5);
    monitor.dispose();
  });
});
