/** The Simulation interface every host programs against (see DESIGN.md, "Engine interface"). */
import type { ApiRequest, ApiResponse, ShellSession, ShellState, SimChange, WatchEvent } from './types';
import type { PendingTimer } from './clock/timer-board';
import type { ExecStream, ExecStreamIO, ExecStreamRequest } from './shell/container-shell/exec-stream';

export type { ExecStream, ExecStreamIO, ExecStreamRequest };

export type { PendingTimer, TimerKind } from './clock/timer-board';

/** A pending timed transition in one of the lab's clusters. */
export interface ClusterTimer extends PendingTimer {
  /** The kind cluster it belongs to ("kind"). */
  cluster: string;
}

/** How a watch presents itself: `accept` with `as=Table` streams Table rows, as for `kubectl get -w`. */
export interface WatchOptions {
  accept?: string | undefined;
  userAgent?: string | undefined;
}

/** Which cluster a simulation starts with. */
export type ClusterStart = 'default' | 'empty' | 'single-node';

export interface SimulationOptions {
  /** Seed of the one random source; same seed + same input = same transcript. Default 1. */
  seed?: number;
  /** `default`: kind cluster "kind" with a control plane and two workers; `empty`: nothing until `kind create cluster`. */
  cluster?: ClusterStart;
  /**
   * Virtual time (ms since the Unix epoch) at which the learner takes over; the cluster boots just
   * before. Default: a fixed date, so transcripts never depend on when they run. `kubelab serve`
   * passes the host's time because real clients compute some ages against their own clock.
   */
  startMs?: number;
  /** Restores a previous `snapshot()` instead of booting a cluster. */
  snapshot?: SimSnapshot;
}

/** Serialisable state of a whole simulation. */
export interface SimSnapshot {
  version: 1;
  seed: number;
  nowMs: number;
  [part: string]: unknown;
}

export interface Simulation {
  readonly seed: number;
  readonly api: {
    /** Kubernetes REST semantics: `{ method, path, query, body }` → `{ status, body }`. */
    request(request: ApiRequest): ApiResponse;
    /** Watches a collection path (e.g. `/api/v1/pods`) from `resourceVersion`; events arrive as the loop runs. */
    watch(path: string, query: Record<string, string>, onEvent: (event: WatchEvent) => void, options?: WatchOptions): () => void;
  };
  /**
   * `pods/exec` as a stream (for kubelab serve's WebSocket): runs the command in the container as
   * the in-lab `kubectl exec` does, or refuses with the Status kube-apiserver would answer.
   */
  exec(request: ExecStreamRequest, io: ExecStreamIO): ExecStream;
  readonly shell: {
    /**
     * Opens a terminal session (each has its own cwd, env and history; they share the filesystem),
     * continuing from a saved `state()` when given one.
     */
    open(state?: ShellState): ShellSession;
  };
  /** The lab machine's filesystem, as the editor reads and saves files (absolute paths). */
  readonly files: {
    /** Every file's path, sorted. */
    list(): string[];
    read(path: string): string | undefined;
    /** Writes a file; an error text (`No such file or directory`) when it cannot. */
    write(path: string, content: string): string | undefined;
  };
  readonly clock: {
    /** Virtual time, ms since the Unix epoch. */
    now(): number;
    /** Due time of the next scheduled timer, if any ("skip to next event"). */
    nextEventAt(): number | undefined;
  };
  /** Moves virtual time forward by `ms`, running everything that falls due. */
  advance(ms: number): void;
  /** Skips to the next event: runs what is queued now, or else jumps to the next timer's time and runs everything due then. False when nothing is scheduled. */
  step(): boolean;
  /** Runs everything due now, then keeps going until `maxMs` of virtual time has passed with nothing left to do sooner. */
  runUntilIdle(maxMs?: number): void;
  /** Object changes and API traffic, in order, for UIs. */
  subscribe(listener: (change: SimChange) => void): () => void;
  /** What `docker stop <node>` / `docker start <node>` do to a kind node container. */
  stopNode(name: string): boolean;
  startNode(name: string): boolean;
  snapshot(): SimSnapshot;
  /**
   * Every pending timed transition, soonest first: back-off restarts, grace periods, probe kills,
   * eviction deadlines, node heartbeat grace. Each has its virtual-time deadline (`dueMs`), kind,
   * object and a short description, for countdowns in UIs and assertions in tests.
   */
  timers(): ClusterTimer[];
}
