/**
 * Wires one simulation: the virtual clock and random source, the lab machine (filesystem, kind
 * clusters, terminal sessions) and the default cluster. The only entry point hosts use.
 */
import { openExecStream } from './shell/container-shell/exec-stream';
import { createRandom, SimLoop } from './clock';
import type { KubeObject } from './api/meta';
import { ClusterManager } from './cluster/manager';
import { defaultClusterSpec } from './cluster/kind-config';
import { EMPTY_KUBECONFIG, serializeKubeconfig, withKindCluster } from './cluster/kubeconfig';
import type { ClusterDump, ClusterRuntime } from './cluster/runtime';
import { VirtualFileSystem, HOME } from './shell/filesystem';
import { Session } from './shell/session';
import { createCommandTable } from './shell/commands';
import type { Machine } from './shell/command';
import { LoopbackPorts } from './shell/loopback';
import type { Simulation, SimulationOptions, SimSnapshot, WatchOptions } from './simulation-api';
import type { ApiRequest, ApiResponse, SimChange, WatchEvent } from './types';

/** Virtual wall time when a simulation starts (the default cluster was created ~90 s earlier). */
export const SIMULATION_START_MS = Date.UTC(2025, 8, 1, 9, 0, 0);
const BOOT_LEAD_MS = 90_000;
const IDLE_HORIZON_MS = 60_000;

/** What a snapshot holds (the public type keeps it opaque). */
interface SimSnapshotV1 extends SimSnapshot {
  files: { dirs: string[]; files: [string, string][] };
  clusters: ClusterDump[];
}

/** The snapshot's outline, checked before anything is restored from it (a saved lab may be old or damaged). */
function checkedSnapshot(snapshot: SimSnapshot): SimSnapshotV1 {
  const s = snapshot as Partial<SimSnapshotV1>;
  if (s.version !== 1) throw new Error(`unsupported snapshot version ${String(s.version)}`);
  if (!Number.isInteger(s.seed) || !Number.isFinite(s.nowMs)) throw new Error('snapshot has no seed or time');
  if (typeof s.files !== 'object' || s.files === null || !Array.isArray(s.clusters)) throw new Error('snapshot has no files or clusters');
  return s as SimSnapshotV1;
}

function unreachable(): ApiResponse {
  return { status: 503, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'no cluster: run `kind create cluster` first', reason: 'ServiceUnavailable', code: 503 } };
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  const restoring = options.snapshot ? checkedSnapshot(options.snapshot) : undefined;
  const seed = restoring?.seed ?? options.seed ?? 1;
  // A restored simulation draws from streams seeded by (seed, time, revision): same snapshot, same future.
  const random = restoring ? createRandom(seed).fork(`restored@${restoring.nowMs}/${restoring.clusters.map((c) => c.etcd.revision).join(',')}`) : createRandom(seed);
  const startAt = options.startMs ?? SIMULATION_START_MS;
  const start = restoring ? restoring.nowMs : options.cluster === 'empty' ? startAt : startAt - BOOT_LEAD_MS;
  const loop = new SimLoop(start);
  const listeners = new Set<(change: SimChange) => void>();
  const emit = (change: SimChange) => {
    for (const l of listeners) l(change);
  };
  const fs = new VirtualFileSystem();
  const clusters = new ClusterManager(
    loop,
    random.fork('clusters'),
    (_name, event) => emit({ kind: 'traffic', event }),
    (cluster) => {
      // Mirror every stored change to subscribers (the UI's patches).
      cluster.store.watch('/registry/', 0, (event) => {
        const object: KubeObject = event.type === 'DELETE' ? (event.prevKv?.value ?? event.kv.value) : event.kv.value;
        emit({ kind: 'object', type: event.type === 'DELETE' ? 'DELETED' : event.prevKv ? 'MODIFIED' : 'ADDED', object });
      });
    },
    // A deleted cluster's objects go with it: subscribers see each one removed.
    (cluster) => {
      for (const kv of cluster.store.range('/registry/').kvs) emit({ kind: 'object', type: 'DELETED', object: kv.value });
    },
  );
  // docker publishes each kind cluster's API server on 127.0.0.1:<hostPort>, and the config's extraPortMappings.
  const ports = new LoopbackPorts((address, port) => !address.includes(':') && clusters.all().some((c) => c.hostPort === port || c.nodes.some((n) => c.publishedPorts(n.name).some((p) => p.hostPort === port && p.protocol === 'tcp'))));
  const machine: Machine = { loop, fs, clusters, ports, hostname: 'kubelab', random: random.fork('machine'), openInEditor: (path) => emit({ kind: 'open-file', path }) };
  const commands = createCommandTable();

  if (restoring) {
    fs.restore(restoring.files);
    for (const dump of restoring.clusters) clusters.restore(dump);
    loop.drainTasks();
  } else if (options.cluster !== 'empty') {
    const spec = options.cluster === 'single-node' ? defaultClusterSpec('kind', 0) : defaultClusterSpec('kind', 2);
    const cluster = clusters.create(spec);
    fs.write(`${HOME}/.kube/config`, serializeKubeconfig(withKindCluster(EMPTY_KUBECONFIG, spec.name, cluster.server)));
    loop.advanceTo(startAt);
  }

  /** The cluster `sim.api` talks to: "kind" if it exists, else the first one. */
  const current = (): ClusterRuntime | undefined => clusters.get('kind') ?? clusters.all()[0];

  return {
    seed,
    api: {
      request(request: ApiRequest): ApiResponse {
        const c = current();
        return c ? c.apiserver.handle(request) : unreachable();
      },
      watch(path: string, query: Record<string, string>, onEvent: (event: WatchEvent) => void, options: WatchOptions = {}) {
        const c = current();
        return c ? c.apiserver.watch(path, query, onEvent, options.userAgent ?? 'watch', options.accept) : () => undefined;
      },
    },
    exec(request, io) {
      const c = current();
      if (!c) return { ok: false, status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 } };
      return openExecStream(machine, c, request, io);
    },
    shell: {
      open: (state) => Session.restore(machine, commands, state),
    },
    files: {
      list: () => fs.dump().files.map(([path]) => path),
      read: (path) => fs.read(path),
      write: (path, content) => fs.write(path, content)?.error,
    },
    clock: {
      now: () => loop.nowMs(),
      nextEventAt: () => loop.nextTimerDueMs(),
    },
    advance: (ms) => void loop.advanceBy(ms),
    step: () => {
      // "Skip to the next event": finish what is queued now, else jump to the next timer's time and run all that falls due then.
      if (loop.drainTasks().steps > 0) return true;
      const next = loop.nextTimerDueMs();
      if (next === undefined) return false;
      loop.advanceTo(next);
      return true;
    },
    runUntilIdle: (maxMs = IDLE_HORIZON_MS) => void loop.runUntilIdle(maxMs),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stopNode: (name) => clusters.all().some((c) => c.stopNode(name)),
    startNode: (name) => clusters.all().some((c) => c.startNode(name)),
    timers: () =>
      clusters
        .all()
        .flatMap((c) => c.timers.list().map((t) => ({ ...t, cluster: c.name })))
        .sort((a, b) => a.dueMs - b.dueMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    snapshot(): SimSnapshot {
      const snapshot: SimSnapshotV1 = { version: 1, seed, nowMs: loop.nowMs(), files: fs.dump(), clusters: clusters.all().map((c) => c.dump()) };
      // A deep copy through JSON: the snapshot shares nothing with the live simulation.
      return JSON.parse(JSON.stringify(snapshot)) as SimSnapshotV1;
    },
  };
}
