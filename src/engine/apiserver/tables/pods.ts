/**
 * Pods and pod templates (printPod, printPodTemplate). The STATUS column is the pod's phase
 * refined by its containers: init containers first (`Init:0/1`, `Init:CrashLoopBackOff`), then app
 * containers from last to first so that the first container's state wins (`ContainerCreating`,
 * `CrashLoopBackOff`, `Completed`, `ExitCode:1`), then deletion (`Terminating`, `Unknown`).
 */
import type { KubeObject } from '../../api/meta';
import { humanDuration } from '../../kubectl/printers/duration';
import { AGE_COLUMN, age, arr, col, containerCells, doc, formatLabels, int, name, NAME_COLUMN, rec, str, timestampMs } from './cells';
import type { Printer, PrintedRow, TableRowCondition } from './types';

/** Pod status reason the node lifecycle controller sets on pods of an unreachable node. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';
const SCHEDULING_GATED = 'SchedulingGated';

const POD_SUCCESS_CONDITIONS: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
const POD_FAILED_CONDITIONS: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];

/** The latest `lastState.terminated.finishedAt` so far (Go's zero time when none). */
function laterFinish(current: number | undefined, status: Record<string, unknown>): number | undefined {
  const finished = timestampMs(rec(rec(status.lastState).terminated).finishedAt);
  if (finished === undefined) return current;
  return current === undefined || current < finished ? finished : current;
}

function conditionStatus(pod: KubeObject, type: string): string | undefined {
  const c = arr(rec(pod.status).conditions).find((x) => x.type === type);
  return c === undefined ? undefined : str(c.status);
}

/** The READY, STATUS and RESTARTS cells. */
export function podSummary(pod: KubeObject, nowMs: number): { ready: string; reason: string; restarts: string } {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const phase = str(status.phase);
  let reason = str(status.reason) || phase;
  if (arr(status.conditions).some((c) => c.type === 'PodScheduled' && c.reason === SCHEDULING_GATED)) reason = SCHEDULING_GATED;

  const initSpecs = new Map(arr(spec.initContainers).map((c) => [str(c.name), c] as const));
  const restartable = (containerName: string) => initSpecs.get(containerName)?.restartPolicy === 'Always';
  const total = arr(spec.containers).length + arr(spec.initContainers).filter((c) => c.restartPolicy === 'Always').length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;

  let initializing = false;
  const initStatuses = arr(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i] as Record<string, unknown>;
    restarts += int(c.restartCount);
    lastRestart = laterFinish(lastRestart, c);
    if (restartable(str(c.name))) {
      sidecarRestarts += int(c.restartCount);
      lastSidecarRestart = laterFinish(lastSidecarRestart, c);
    }
    const state = rec(c.state);
    const terminated = state.terminated === undefined || state.terminated === null ? undefined : rec(state.terminated);
    const waiting = state.waiting === undefined || state.waiting === null ? undefined : rec(state.waiting);
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (restartable(str(c.name)) && c.started === true) {
      if (c.ready === true) ready++;
      continue;
    }
    if (terminated) {
      if (str(terminated.reason) === '') reason = int(terminated.signal) !== 0 ? `Init:Signal:${int(terminated.signal)}` : `Init:ExitCode:${int(terminated.exitCode)}`;
      else reason = `Init:${str(terminated.reason)}`;
    } else if (waiting && str(waiting.reason) !== '' && waiting.reason !== 'PodInitializing') {
      reason = `Init:${str(waiting.reason)}`;
    } else {
      reason = `Init:${i}/${arr(spec.initContainers).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionStatus(pod, 'Initialized') === 'True') {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = arr(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as Record<string, unknown>;
      restarts += int(c.restartCount);
      lastRestart = laterFinish(lastRestart, c);
      const state = rec(c.state);
      const hasTerminated = state.terminated !== undefined && state.terminated !== null;
      const waitingReason = str(rec(state.waiting).reason);
      const terminated = rec(state.terminated);
      if (state.waiting !== undefined && state.waiting !== null && waitingReason !== '') reason = waitingReason;
      else if (hasTerminated && str(terminated.reason) !== '') reason = str(terminated.reason);
      else if (hasTerminated) reason = int(terminated.signal) !== 0 ? `Signal:${int(terminated.signal)}` : `ExitCode:${int(terminated.exitCode)}`;
      else if (c.ready === true && state.running !== undefined && state.running !== null) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = arr(status.conditions).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
  }

  const deleting = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  if (deleting && str(status.reason) === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartText = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, reason, restarts: restartText };
}

/** READINESS GATES: `<true gates>/<gates>`, the first condition of each gate's type deciding. */
function readinessGates(pod: KubeObject): string {
  const gates = arr(rec(pod.spec).readinessGates);
  if (gates.length === 0) return '<none>';
  const conditions = arr(rec(pod.status).conditions);
  const trueCount = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length;
  return `${trueCount}/${gates.length}`;
}

/** The first pod IP (the internal type derives podIPs from a lone podIP). */
function podIP(pod: KubeObject): string {
  const status = rec(pod.status);
  const first = arr(status.podIPs)[0];
  return (first ? str(first.ip) : str(status.podIP)) || '<none>';
}

export const podPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE_COLUMN,
    col('IP', 'string', doc('core.PodStatus.podIP'), { priority: 1 }),
    col('Node', 'string', doc('core.PodSpec.nodeName'), { priority: 1 }),
    col('Nominated Node', 'string', doc('core.PodStatus.nominatedNodeName'), { priority: 1 }),
    col('Readiness Gates', 'string', doc('core.PodSpec.readinessGates'), { priority: 1 }),
  ],
  row(pod, nowMs): PrintedRow {
    const s = podSummary(pod, nowMs);
    const status = rec(pod.status);
    const cells = [name(pod), s.ready, s.reason, s.restarts, age(pod, nowMs), podIP(pod), str(rec(pod.spec).nodeName) || '<none>', str(status.nominatedNodeName) || '<none>', readinessGates(pod)];
    if (status.phase === 'Succeeded') return { cells, conditions: POD_SUCCESS_CONDITIONS };
    if (status.phase === 'Failed') return { cells, conditions: POD_FAILED_CONDITIONS };
    return { cells };
  },
};

export const podTemplatePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Containers', 'string', 'Names of each container in the template.'),
    col('Images', 'string', 'Images referenced by each container in the template.'),
    col('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  row(o) {
    const template = rec(o.template);
    const [containers, images] = containerCells(template.spec);
    return { cells: [name(o), containers, images, formatLabels(rec(template.metadata).labels)] };
  },
};
