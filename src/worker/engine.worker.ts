/// <reference lib="webworker" />
/**
 * Browser host of the engine: runs the simulation in real time at a speed factor, batches object
 * changes, traffic and terminal output into at most one message per pacing slice (~one frame), and
 * survives engine exceptions by reporting them and restoring the last good snapshot.
 */
import { createSimulation, type KubeObject, type Simulation, type ShellSession, type SimChange } from '../engine';
import type { SimSnapshot } from '../engine/simulation-api';
import { PROTOCOL_VERSION, type EngineToUi, type ObjectOp, type TrafficEvent, type UiToEngine } from '../engine/protocol';

declare const self: DedicatedWorkerGlobalScope;

const SLICE_MS = 16;
/** Longest virtual time one slice may cover, so a 60x speed after a stall does not jump minutes. */
const MAX_SLICE_VIRTUAL_MS = 5_000;
const SNAPSHOT_EVERY_MS = 10_000;

let sim: Simulation | undefined;
let session: ShellSession | undefined;
let speed = 1;
let paused = false;
let seq = 0;
let lastWall = 0;
let lastSnapshot: SimSnapshot | undefined;
let lastSnapshotWall = 0;
const ops = new Map<string, ObjectOp>();
let traffic: TrafficEvent[] = [];
let output = '';

function post(message: EngineToUi): void {
  self.postMessage(message);
}

function onChange(change: SimChange): void {
  if (change.kind === 'traffic') {
    if (traffic.length < 500) traffic.push(change.event);
    return;
  }
  const uid = String(change.object.metadata.uid);
  ops.set(uid, change.type === 'DELETED' ? { op: 'remove', uid } : { op: 'put', object: change.object });
}

function attach(next: Simulation): void {
  sim = next;
  sim.subscribe(onChange);
  session = sim.shell.open();
  session.onOutput((chunk) => (output += chunk));
}

function boot(seed: number, cluster: 'default' | 'empty'): void {
  attach(createSimulation({ seed, cluster }));
  lastSnapshot = sim?.snapshot();
  const objects = initialObjects();
  ops.clear();
  post({ type: 'ready', protocolVersion: PROTOCOL_VERSION, seq, nowMs: sim?.clock.now() ?? 0, revision: 0, objects, prompt: session?.prompt() ?? '$ ' });
}

/** Every object of the current cluster, for the UI's first mirror. */
function initialObjects(): KubeObject[] {
  if (!sim) return [];
  const out: KubeObject[] = [];
  for (const path of ['/api/v1/nodes', '/api/v1/pods', '/api/v1/namespaces', '/api/v1/services', '/apis/apps/v1/deployments', '/apis/apps/v1/replicasets', '/apis/apps/v1/daemonsets']) {
    const r = sim.api.request({ method: 'GET', path, userAgent: 'kubelab-ui' });
    const body = r.body as { items?: unknown[] };
    if (r.status === 200 && Array.isArray(body.items)) for (const item of body.items) out.push(item as KubeObject);
  }
  return out;
}

function flush(): void {
  if (!sim) return;
  if (ops.size > 0 || traffic.length > 0) {
    post({ type: 'patch', seq: ++seq, nowMs: sim.clock.now(), revision: 0, ops: [...ops.values()], traffic });
    ops.clear();
    traffic = [];
  }
  if (output) {
    post({ type: 'shell.output', chunk: output, prompt: session?.prompt(), busy: session?.busy() ?? false });
    output = '';
  }
  post({ type: 'clock', nowMs: sim.clock.now(), speed, paused });
}

function guarded(action: () => void): void {
  try {
    action();
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? `${error.message}` : String(error) });
    if (lastSnapshot) attach(createSimulation({ snapshot: lastSnapshot }));
  }
}

function tick(): void {
  const wall = performance.now();
  const elapsed = wall - lastWall;
  lastWall = wall;
  if (!sim) return;
  guarded(() => {
    if (!paused && speed > 0) sim?.advance(Math.min(elapsed * speed, MAX_SLICE_VIRTUAL_MS));
    if (wall - lastSnapshotWall > SNAPSHOT_EVERY_MS) {
      lastSnapshot = sim?.snapshot();
      lastSnapshotWall = wall;
    }
  });
  flush();
}

self.onmessage = (event: MessageEvent<UiToEngine>) => {
  const message = event.data;
  guarded(() => {
    switch (message.type) {
      case 'hello':
        boot(message.seed ?? 1, message.cluster ?? 'default');
        break;
      case 'shell.input': {
        const prompt = session?.prompt() ?? '$ ';
        output += `${prompt}${message.line}\n`;
        session?.write(message.line);
        sim?.advance(0);
        break;
      }
      case 'shell.signal':
        session?.signal('SIGINT');
        break;
      case 'clock.setSpeed':
        speed = Math.max(0, message.factor);
        break;
      case 'clock.pause':
        paused = true;
        break;
      case 'clock.play':
        paused = false;
        break;
      case 'clock.step':
        sim?.step();
        break;
      case 'node.stop':
        sim?.stopNode(message.name);
        break;
      case 'node.start':
        sim?.startNode(message.name);
        break;
      case 'snapshot':
        lastSnapshot = sim?.snapshot();
        break;
      case 'apply':
      case 'resync':
        break;
    }
  });
  flush();
};

lastWall = performance.now();
setInterval(tick, SLICE_MS);
