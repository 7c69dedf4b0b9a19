/** Builds the pod status the kubelet reports (conditions in the kubelet's order, container statuses). */
import { formatRfc3339 } from '../api/time';

export interface ContainerRun {
  name: string;
  image: string;
  imageID: string;
  containerID: string;
  state: Record<string, unknown>;
  lastState: Record<string, unknown>;
  restartCount: number;
  ready: boolean;
  started: boolean;
}

export interface PodRunState {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  hostIP: string;
  podIP?: string;
  startTimeMs: number;
  sandboxReady: boolean;
  initContainers: ContainerRun[];
  containers: ContainerRun[];
  /** Names of the sidecar (restartable init) containers: initialized once started, counted for readiness. */
  sidecars: Set<string>;
  /** Transition times of the conditions, kept across updates. */
  transitions: Map<string, { status: string; atMs: number }>;
}

function condition(run: PodRunState, type: string, status: 'True' | 'False', nowMs: number, reason?: string, message?: string): Record<string, unknown> {
  const previous = run.transitions.get(type);
  const atMs = previous && previous.status === status ? previous.atMs : nowMs;
  run.transitions.set(type, { status, atMs });
  const c: Record<string, unknown> = { type, status, lastProbeTime: null, lastTransitionTime: formatRfc3339(atMs) };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

function isTerminated(c: ContainerRun): boolean {
  return 'terminated' in c.state;
}

function exitCode(c: ContainerRun): unknown {
  const t = c.state.terminated;
  return t && typeof t === 'object' ? (t as Record<string, unknown>).exitCode : undefined;
}

function containerStatus(c: ContainerRun): Record<string, unknown> {
  const s: Record<string, unknown> = { image: c.image, imageID: c.imageID, lastState: c.lastState, name: c.name, ready: c.ready, restartCount: c.restartCount, started: c.started, state: c.state };
  if (c.containerID) s.containerID = c.containerID;
  return s;
}

export function buildStatus(run: PodRunState, existing: Record<string, unknown>, nowMs: number): Record<string, unknown> {
  const sidecars = run.initContainers.filter((c) => run.sidecars.has(c.name));
  const unready = [...sidecars, ...run.containers].filter((c) => !c.ready).map((c) => c.name);
  const allReady = unready.length === 0 && run.containers.length > 0;
  const finished = run.phase === 'Succeeded' || run.phase === 'Failed';
  const readyReason = finished ? 'PodCompleted' : 'ContainersNotReady';
  const readyMessage = finished ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const incomplete = run.initContainers.filter((c) => (run.sidecars.has(c.name) ? !c.started : !(isTerminated(c) && exitCode(c) === 0))).map((c) => c.name);
  const initialized = incomplete.length === 0
    ? condition(run, 'Initialized', 'True', nowMs, finished && run.initContainers.length === 0 ? 'PodCompleted' : undefined)
    : condition(run, 'Initialized', 'False', nowMs, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);
  const conditions = [
    condition(run, 'PodReadyToStartContainers', run.sandboxReady && !finished ? 'True' : 'False', nowMs),
    initialized,
    allReady ? condition(run, 'Ready', 'True', nowMs) : condition(run, 'Ready', 'False', nowMs, readyReason, readyMessage),
    allReady ? condition(run, 'ContainersReady', 'True', nowMs) : condition(run, 'ContainersReady', 'False', nowMs, readyReason, readyMessage),
    condition(run, 'PodScheduled', 'True', nowMs),
  ];
  const status: Record<string, unknown> = {
    ...existing,
    phase: run.phase,
    conditions,
    hostIP: run.hostIP,
    hostIPs: [{ ip: run.hostIP }],
    startTime: formatRfc3339(run.startTimeMs),
    containerStatuses: run.containers.map(containerStatus),
  };
  if (run.initContainers.length > 0) status.initContainerStatuses = run.initContainers.map(containerStatus);
  if (run.podIP) {
    status.podIP = run.podIP;
    status.podIPs = [{ ip: run.podIP }];
  }
  return status;
}
