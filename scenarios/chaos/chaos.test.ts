/**
 * Chaos property tests: fast-check types random sequences of what learners do (create and scale
 * Deployments, roll out new images, add Services, delete pods, stop and start nodes, wait) into a
 * fresh simulation, and after every step the cluster invariants (src/engine/invariants) must hold;
 * after a final settling period, the eventual ones too. A failure prints the shrunk sequence as a
 * script that `npx kubelab run` replays.
 *
 * CHAOS_RUNS sets how many random sequences to try (CI: a small budget; `npm run soak`: many).
 */
import { settleCommand } from '../../src/engine/scenario/runner';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine';
import { InvariantMonitor, type Violation } from '../../src/engine/invariants/invariants';

const RUNS = Number(process.env.CHAOS_RUNS ?? 40);
const SEED = Number(process.env.CHAOS_SEED ?? 20261122);

const app = fc.constantFrom('web', 'api');
const worker = fc.constantFrom('kind-worker', 'kind-worker2');
const replicas = fc.integer({ min: 0, max: 6 });

function deploymentYaml(name: string, image: string, count: number): string {
  return [
    'cat <<EOF | kubectl apply -f -',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  replicas: ${count}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      containers:',
    '      - name: main',
    `        image: ${image}`,
    '        resources:',
    '          requests:',
    '            cpu: 500m',
    'EOF',
  ].join('\n');
}

function serviceYaml(name: string): string {
  return ['cat <<EOF | kubectl apply -f -', 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  selector:', `    app: ${name}`, '  ports:', '  - port: 80', 'EOF'].join('\n');
}

/** A StatefulSet `db` (OrderedReady or Parallel) behind a headless Service of its own. */
function statefulSetYaml(count: number, policy: string, image: string): string {
  return [
    'cat <<EOF | kubectl apply -f -',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: db',
    'spec:',
    '  clusterIP: None',
    '  selector:',
    '    app: db',
    '  ports:',
    '  - port: 80',
    '---',
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: db',
    'spec:',
    '  serviceName: db',
    `  podManagementPolicy: ${policy}`,
    `  replicas: ${count}`,
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
    `        image: ${image}`,
    'EOF',
  ].join('\n');
}

/** A DaemonSet `agent` on every worker, with an emptyDir (which drain must be told it may delete). */
function daemonSetYaml(image: string): string {
  return [
    'cat <<EOF | kubectl apply -f -',
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: agent',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: agent',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: agent',
    '    spec:',
    '      containers:',
    '      - name: main',
    `        image: ${image}`,
    '        volumeMounts:',
    '        - name: scratch',
    '          mountPath: /scratch',
    '      volumes:',
    '      - name: scratch',
    '        emptyDir: {}',
    'EOF',
  ].join('\n');
}

const image = fc.constantFrom('nginx:1.26', 'nginx:1.27', 'httpd:2.4');
const effect = fc.constantFrom('NoSchedule', 'NoExecute');

/** One learner action, as the lines they would type. */
const action: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(app, replicas).map(([n, r]) => `kubectl create deployment ${n} --image=nginx:1.27 --replicas=${r}`),
  fc.tuple(app, image, replicas).map(([n, i, r]) => deploymentYaml(n, i, r)),
  fc.tuple(app, replicas).map(([n, r]) => `kubectl scale deployment ${n} --replicas=${r}`),
  fc.tuple(app, image).map(([n, i]) => `kubectl set image deployment/${n} main=${i}`),
  app.map((n) => serviceYaml(n)),
  fc.tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('OrderedReady', 'Parallel'), image).map(([r, policy, i]) => statefulSetYaml(r, policy, i)),
  replicas.map((r) => `kubectl scale statefulset db --replicas=${r}`),
  image.map((i) => daemonSetYaml(i)),
  fc.constantFrom('web', 'api', 'db', 'agent').map((n) => `kubectl delete pods -l app=${n} --wait=false`),
  fc.constantFrom('app=web', 'app=db', 'app=agent').map((l) => `kubectl delete pods -l ${l} --grace-period=0 --force`),
  fc.integer({ min: 0, max: 3 }).map((i) => `kubectl delete pod db-${i} --grace-period=0 --force`),
  app.map((n) => `kubectl delete deployment ${n} --wait=false`),
  fc.constantFrom('statefulset db', 'daemonset agent').map((o) => `kubectl delete ${o} --wait=false`),
  worker.map((w) => `kubectl cordon ${w}`),
  worker.map((w) => `kubectl uncordon ${w}`),
  worker.map((w) => `kubectl drain ${w} --ignore-daemonsets --delete-emptydir-data`),
  fc.tuple(worker, effect).map(([w, e]) => `kubectl taint nodes ${w} chaos=x:${e}`),
  worker.map((w) => `kubectl taint nodes ${w} chaos-`),
  worker.map((w) => `docker stop ${w}`),
  worker.map((w) => `docker start ${w}`),
  fc.constantFrom(1, 5, 20, 60, 200, 400).map((s) => `sleep ${s}`),
);

/** The lines that let every controller catch up: all nodes back, then enough time for eviction and recovery. */
const SETTLE = ['docker start kind-worker', 'docker start kind-worker2', 'kubectl uncordon kind-worker kind-worker2', 'kubectl taint nodes kind-worker chaos-', 'kubectl taint nodes kind-worker2 chaos-', 'sleep 600'];

function runAndCheck(actions: readonly string[], seed: number): { violations: Violation[]; script: string } {
  const sim = createSimulation({ seed });
  const session = sim.shell.open();
  const monitor = new InvariantMonitor(sim);
  const typed: string[] = [];
  const type = (block: string) => {
    for (const line of block.split('\n')) {
      typed.push(line);
      session.write(line);
      settleCommand(sim, session);
    }
  };
  const script = () => [`# kubelab: --seed ${seed}`, ...typed].join('\n');
  try {
    for (const block of actions) {
      type(block);
      const now = monitor.check();
      if (now.length) return { violations: now, script: script() };
    }
    for (const block of SETTLE) type(block);
    return { violations: monitor.checkSettled(), script: script() };
  } finally {
    monitor.dispose();
  }
}

describe('chaos: random learner actions never break cluster invariants', () => {
  it(`holds over ${RUNS} random sequences`, () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 14 }), fc.integer({ min: 1, max: 1000 }), (actions, seed) => {
        const { violations, script } = runAndCheck(actions, seed);
        if (violations.length) {
          throw new Error(`${violations.map((v) => `${v.invariant}: ${v.detail}`).join('\n')}\n\nReproduce with \`npx kubelab run repro.sh\`, repro.sh:\n${script}\n`);
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: false },
    );
  }, 600_000);

  it('the monitor itself catches a broken invariant', () => {
    // A pod bound by hand to a node that does not exist: a state the monitor must report.
    const sim = createSimulation({ seed: 3 });
    const monitor = new InvariantMonitor(sim);
    sim.api.request({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray' }, spec: { nodeName: 'kind-worker9', containers: [{ name: 'c', image: 'nginx' }] } } });
    sim.advance(0);
    expect(monitor.check().map((v) => v.invariant)).toContain('no pod is bound to a missing node');
    monitor.dispose();
  });
});
