import { describe, expect, it } from 'vitest';
import { runScript } from './runner';

const SCRIPT = ['kubectl get nodes', 'kubectl run-not-a-verb', 'kubectl apply -f -', 'kubectl get pods -A -o wide', 'sleep 30', 'kubectl get nodes'].join('\n');

describe('headless runner', () => {
  it('gives a byte-identical transcript for the same seed', () => {
    expect(runScript(SCRIPT, { seed: 42 })).toBe(runScript(SCRIPT, { seed: 42 }));
  });

  it('changes generated names with the seed', () => {
    const a = runScript('kubectl get pods -n kube-system', { seed: 1 });
    const b = runScript('kubectl get pods -n kube-system', { seed: 2 });
    expect(a).not.toBe(b);
  });

  it('moves virtual time only when the script waits', () => {
    const out = runScript('kubectl get nodes\nsleep 5m\nkubectl get nodes', { seed: 1 });
    const ages = [...out.matchAll(/^kind-worker2\s+\S+\s+\S+\s+(\S+)/gm)].map((m) => m[1]);
    expect(ages).toEqual(['74s', '6m14s']);
  });

  it('starts with no cluster when empty, until kind creates one', () => {
    const out = runScript('kubectl get nodes\nkind create cluster\nkubectl get nodes', { cluster: 'empty' });
    expect(out).toContain('The connection to the server localhost:8080 was refused - did you specify the right host or port?');
    expect(out).toMatch(/kind-control-plane\s+Ready\s+control-plane/);
  });
});

describe('snapshots', () => {
  it('restores a simulation that serves the same objects and keeps working', async () => {
    const { createSimulation } = await import('../simulation');
    const sim = createSimulation({ seed: 5 });
    const session = sim.shell.open();
    session.write('echo hello > note.txt');
    sim.api.request({ method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kept' }, data: { a: '1' } } });
    sim.advance(1000);
    const snapshot = JSON.parse(JSON.stringify(sim.snapshot())) as ReturnType<typeof sim.snapshot>;
    const restored = createSimulation({ snapshot });
    expect(restored.clock.now()).toBe(sim.clock.now());
    const get = (s: typeof sim, path: string) => s.api.request({ method: 'GET', path });
    expect(get(restored, '/api/v1/namespaces/default/configmaps/kept').body).toEqual(get(sim, '/api/v1/namespaces/default/configmaps/kept').body);
    let out = '';
    const shell = restored.shell.open();
    shell.onOutput((c) => (out += c));
    shell.write('cat note.txt');
    shell.write('kubectl get nodes --no-headers');
    expect(out).toContain('hello\n');
    expect(out).toMatch(/kind-worker2\s+Ready/);
    // Controllers run again after a restore: a new namespace gets its default ServiceAccount.
    restored.api.request({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'after' } } });
    restored.advance(100);
    expect(get(restored, '/api/v1/namespaces/after/serviceaccounts/default').status).toBe(200);
  });
});
