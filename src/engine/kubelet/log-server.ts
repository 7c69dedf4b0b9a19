/**
 * The kubelet's containerLogs endpoint, which the API server's pods/log proxies to: picks the
 * container instance as the kubelet does (validateContainerLogStatus), then applies previous,
 * sinceSeconds/sinceTime, tailLines, limitBytes and timestamps to its lines.
 */
import { hashString } from '../clock';
import { parseRfc3339 } from '../api/time';
import { isRecord, text } from '../api/meta';
import type { ApiResponse } from '../types';
import type { LogLine } from './runtime/container';
import type { ContainerRun } from './pod-status';

export interface LogSource {
  containerStatus(name: string): ContainerRun | undefined;
  logOf(name: string, previous: boolean): LogLine[] | undefined;
}

function badRequest(message: string): ApiResponse {
  return { status: 400, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 } };
}

/**
 * RFC3339Nano as Go prints it (trailing zeros trimmed). The simulation keeps milliseconds; the
 * nanoseconds below them are derived from the line so timestamps look like a real runtime's.
 */
export function logTimestamp(line: LogLine, sameMs: number): string {
  const iso = new Date(line.atMs).toISOString();
  // Strictly increasing within one millisecond: a fixed offset per ms plus 1 µs per earlier line.
  const nanos = (line.atMs % 1000) * 1_000_000 + (hashString(String(line.atMs)) % 900_000) + sameMs * 1000;
  const frac = String(nanos).padStart(9, '0').replace(/0+$/, '');
  return `${iso.slice(0, 19)}${frac ? `.${frac}` : ''}Z`;
}

/** Serves GET pods/<name>/log for a pod whose worker is `source` (undefined: nothing logged on this node). */
export function serveLog(source: LogSource | undefined, podName: string, container: string, query: Record<string, string>, nowMs: number): ApiResponse {
  const previous = query.previous === 'true';
  if (!source) return { status: 200, body: '' };
  const status = source.containerStatus(container);
  if (!status) return badRequest(`container "${container}" in pod "${podName}" is not available`);
  let lines: LogLine[] | undefined;
  if (previous) {
    if (!('terminated' in status.lastState)) return badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    lines = source.logOf(container, true);
  } else if ('running' in status.state || 'terminated' in status.state || 'terminated' in status.lastState) {
    lines = source.logOf(container, false);
  } else {
    const waiting = status.state.waiting;
    const reason = isRecord(waiting) ? text(waiting.reason) : '';
    if (reason === 'ErrImagePull') return badRequest(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (reason === 'ImagePullBackOff' || reason === 'ErrImagePullBackOff') return badRequest(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    return badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  let sameMs = 0;
  let selected = (lines ?? []).map((line, i, all) => {
    sameMs = i > 0 && all[i - 1]?.atMs === line.atMs ? sameMs + 1 : 0;
    return { line, i: sameMs };
  });
  const sinceSeconds = query.sinceSeconds !== undefined ? Number(query.sinceSeconds) : undefined;
  const sinceTime = parseRfc3339(query.sinceTime);
  if (sinceSeconds !== undefined && sinceSeconds > 0) selected = selected.filter(({ line }) => line.atMs >= nowMs - sinceSeconds * 1000);
  else if (sinceTime !== undefined) selected = selected.filter(({ line }) => line.atMs >= sinceTime);
  if (query.tailLines !== undefined) {
    const n = Number(query.tailLines);
    if (n >= 0) selected = n === 0 ? [] : selected.slice(-n);
  }
  const timestamps = query.timestamps === 'true';
  let body = selected.map(({ line, i }) => `${timestamps ? `${logTimestamp(line, i)} ` : ''}${line.text}\n`).join('');
  if (query.limitBytes !== undefined && Number(query.limitBytes) > 0) body = body.slice(0, Number(query.limitBytes));
  return { status: 200, body };
}
