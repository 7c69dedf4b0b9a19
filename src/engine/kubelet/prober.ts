/**
 * Probes (liveness, readiness, startup) against a simulated container: httpGet and tcpSocket ask
 * the container's listeners, exec runs the command in the container's shell and filesystem. The
 * failure outputs are the ones the kubelet puts in its `Unhealthy` events.
 */
import { isRecord, text } from '../api/meta';
import { drain, Shell, type ProcessEnv } from './runtime/sh-interpreter';
import type { RunningContainer } from './runtime/container';

/** v1.Probe defaults (pkg/apis/core/v1/defaults.go SetDefaults_Probe). */
export const PROBE_DEFAULTS = { periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 } as const;

export type ProbeType = 'Liveness' | 'Readiness' | 'Startup';

export type ProbeHandler =
  | { kind: 'exec'; command: string[] }
  | { kind: 'http'; port: number | string; path: string; scheme: string; host?: string }
  | { kind: 'tcp'; port: number | string }
  | { kind: 'grpc'; port: number };

export interface ProbeSpec {
  handler: ProbeHandler;
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  successThreshold: number;
  failureThreshold: number;
  /** Probe-level override of the pod's terminationGracePeriodSeconds for a probe-triggered kill. */
  terminationGracePeriodSeconds?: number;
}

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Reads a container's probe field (`livenessProbe`, ...) with Kubernetes' defaults; undefined when absent. */
export function readProbe(v: unknown): ProbeSpec | undefined {
  if (!isRecord(v)) return undefined;
  let handler: ProbeHandler | undefined;
  if (isRecord(v.exec)) handler = { kind: 'exec', command: Array.isArray(v.exec.command) ? v.exec.command.map(text) : [] };
  else if (isRecord(v.httpGet)) handler = { kind: 'http', port: typeof v.httpGet.port === 'number' ? v.httpGet.port : text(v.httpGet.port), path: text(v.httpGet.path) || '/', scheme: (text(v.httpGet.scheme) || 'HTTP').toLowerCase(), host: text(v.httpGet.host) || undefined };
  else if (isRecord(v.tcpSocket)) handler = { kind: 'tcp', port: typeof v.tcpSocket.port === 'number' ? v.tcpSocket.port : text(v.tcpSocket.port) };
  else if (isRecord(v.grpc)) handler = { kind: 'grpc', port: num(v.grpc.port, 0) };
  if (!handler) return undefined;
  return {
    handler,
    initialDelayMs: num(v.initialDelaySeconds, 0) * 1000,
    periodMs: num(v.periodSeconds, PROBE_DEFAULTS.periodSeconds) * 1000,
    timeoutMs: num(v.timeoutSeconds, PROBE_DEFAULTS.timeoutSeconds) * 1000,
    successThreshold: num(v.successThreshold, PROBE_DEFAULTS.successThreshold),
    failureThreshold: num(v.failureThreshold, PROBE_DEFAULTS.failureThreshold),
    terminationGracePeriodSeconds: typeof v.terminationGracePeriodSeconds === 'number' ? v.terminationGracePeriodSeconds : undefined,
  };
}

/** A named port (`http`) resolves through the container's `ports`. */
function resolvePort(port: number | string, containerSpec: Record<string, unknown>): number | undefined {
  if (typeof port === 'number') return port;
  if (/^\d+$/.test(port)) return Number(port);
  const ports = Array.isArray(containerSpec.ports) ? containerSpec.ports.filter(isRecord) : [];
  const match = ports.find((p) => p.name === port);
  return match && typeof match.containerPort === 'number' ? match.containerPort : undefined;
}

export interface ProbeResult {
  ok: boolean;
  output: string;
}

/** Runs one probe now. */
export function runProbe(probe: ProbeSpec, container: RunningContainer, containerSpec: Record<string, unknown>, podIP: string, envOf: () => ProcessEnv, nowMs: number): ProbeResult {
  const h = probe.handler;
  const ageMs = nowMs - container.startedAtMs;
  if (h.kind === 'exec') {
    // Only exec probes need the container's environment (building it reads Services).
    const env = envOf();
    const shell = new Shell({ ...env, files: container.files, vars: new Map(env.vars) });
    const r = drain(shell.runArgv(h.command));
    if (r.sleptMs > probe.timeoutMs) return { ok: false, output: `command timed out: "${h.command.join(' ')}" timed out after ${probe.timeoutMs / 1000}s` }; // UNVERIFIED wording
    return { ok: r.code === 0, output: r.output.replace(/\n$/, '') };
  }
  const port = resolvePort(h.port, containerSpec);
  const host = h.kind === 'http' && h.host ? h.host : podIP;
  const listener = container.listeners.find((l) => l.port === port);
  if (h.kind === 'tcp' || h.kind === 'grpc') {
    if (listener) return { ok: true, output: '' };
    return { ok: false, output: `dial tcp ${host}:${port ?? h.port}: connect: connection refused` };
  }
  const url = `${h.scheme}://${host}:${port ?? h.port}${h.path.startsWith('/') ? h.path : `/${h.path}`}`;
  if (!listener) return { ok: false, output: `Get "${url}": dial tcp ${host}:${port ?? h.port}: connect: connection refused` };
  if (!listener.http) return { ok: false, output: `Get "${url}": EOF` }; // UNVERIFIED: a TCP-only server answering HTTP
  const status = listener.http(h.path, ageMs);
  if (status >= 200 && status < 400) return { ok: true, output: '' };
  return { ok: false, output: `HTTP probe failed with statuscode: ${status}` };
}
