import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';

const CONFIG = [
  'cat <<EOF > kind.yaml',
  'kind: Cluster',
  'apiVersion: kind.x-k8s.io/v1alpha4',
  'nodes:',
  '- role: control-plane',
  '  extraPortMappings:',
  '  - containerPort: 80',
  '    hostPort: 80',
  'EOF',
];

describe('ingress-nginx across a snapshot', () => {
  // Pods adopted from a snapshot get no container processes back (a limitation of restore for every pod), so this checks what is kept.
  it('keeps the port mappings and the Ingress status', () => {
    const sim = createSimulation({ seed: 3, cluster: 'empty' });
    const shell = sim.shell.open();
    for (const line of [...CONFIG, 'kind create cluster --config kind.yaml']) shell.write(line);
    sim.advance(30_000);
    shell.write('kubectl apply -f https://kind.sigs.k8s.io/examples/ingress/deploy-ingress-nginx.yaml');
    shell.write('kubectl apply -f https://kind.sigs.k8s.io/examples/ingress/usage.yaml');
    sim.advance(70_000);
    let before = '';
    shell.onOutput((c) => (before += c));
    shell.write('curl localhost/foo');
    sim.advance(1000);
    expect(before).toContain('foo-app');

    const restored = createSimulation({ snapshot: JSON.parse(JSON.stringify(sim.snapshot())) as ReturnType<typeof sim.snapshot> });
    restored.advance(60_000);
    let after = '';
    const again = restored.shell.open();
    again.onOutput((c) => (after += c));
    again.write('docker ps');
    again.write('kubectl get ingress example-ingress --no-headers');
    restored.advance(1000);
    expect(after).toContain('0.0.0.0:80->80/tcp, 127.0.0.1:');
    expect(after).toMatch(/example-ingress\s+<none>\s+\*\s+localhost\s+80/);
  });
});
