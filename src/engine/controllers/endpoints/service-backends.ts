/** Which pods back a Service and on which ports: shared by the Endpoints and EndpointSlice controllers. */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import type { Selector } from '../../api/labels';
import { matches } from '../../api/labels';
import { isPodReady } from '../pod-helpers';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export interface Backend {
  pod: KubeObject;
  ip: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface ResolvedPort {
  name?: string;
  port: number;
  protocol: string;
}

export function serviceSelector(service: KubeObject): Selector | undefined {
  const selector = rec(rec(service.spec).selector);
  const entries = Object.entries(selector);
  if (entries.length === 0) return undefined;
  return entries.map(([key, value]) => ({ key, operator: '=' as const, values: [text(value)] }));
}

/**
 * getPodServiceMemberships: the keys of the Services of the pod's namespace whose selector matches
 * the pod, before or after a change of its labels (a pod leaving a Service changes it too).
 */
export function podServiceKeys(services: readonly KubeObject[], pod: KubeObject, previous?: KubeObject): string[] {
  const out: string[] = [];
  for (const s of services) {
    if (s.metadata.namespace !== pod.metadata.namespace) continue;
    const selector = serviceSelector(s);
    if (!selector) continue;
    if (matches(selector, pod.metadata.labels) || (previous !== undefined && matches(selector, previous.metadata.labels))) out.push(`${text(s.metadata.namespace)}/${text(s.metadata.name)}`);
  }
  return out;
}

/** Pods with an IP that match the selector; terminating ones are kept (EndpointSlices show them). */
export function backends(service: KubeObject, pods: readonly KubeObject[], selector: Selector): Backend[] {
  const publishNotReady = rec(service.spec).publishNotReadyAddresses === true;
  const out: Backend[] = [];
  for (const pod of pods) {
    if (pod.metadata.namespace !== service.metadata.namespace || !matches(selector, pod.metadata.labels)) continue;
    const status = rec(pod.status);
    const ip = text(status.podIP);
    const phase = status.phase;
    if (!ip || phase === 'Succeeded' || phase === 'Failed') continue;
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const ready = publishNotReady || (isPodReady(pod) && !terminating);
    out.push({ pod, ip, ready, serving: publishNotReady || isPodReady(pod), terminating });
  }
  return out.sort((a, b) => (text(a.pod.metadata.name) < text(b.pod.metadata.name) ? -1 : 1));
}

/** targetPort resolved for one pod: a number, or a named container port looked up in the pod. */
export function resolvePort(servicePort: Record<string, unknown>, pod: KubeObject): ResolvedPort | undefined {
  const protocol = text(servicePort.protocol) || 'TCP';
  const target = servicePort.targetPort ?? servicePort.port;
  let port: number | undefined;
  if (typeof target === 'number') port = target;
  else if (/^\d+$/.test(text(target))) port = Number(target);
  else {
    for (const c of Array.isArray(rec(pod.spec).containers) ? (rec(pod.spec).containers as unknown[]).filter(isRecord) : []) {
      for (const p of Array.isArray(c.ports) ? c.ports.filter(isRecord) : []) if (p.name === target && (text(p.protocol) || 'TCP') === protocol) port = Number(p.containerPort);
    }
  }
  if (port === undefined) return undefined;
  const out: ResolvedPort = { port, protocol };
  if (servicePort.name) out.name = text(servicePort.name);
  return out;
}

/**
 * The `hostname` field of an endpoint: a pod with `hostname` whose `subdomain` names this Service
 * (as StatefulSet members do) is published as `<hostname>.<service>.<namespace>.svc`.
 */
export function endpointHostname(service: KubeObject, pod: KubeObject): { hostname?: string } {
  const spec = rec(pod.spec);
  const hostname = text(spec.hostname);
  return hostname && text(spec.subdomain) === text(service.metadata.name) && pod.metadata.namespace === service.metadata.namespace ? { hostname } : {};
}

export function servicePorts(service: KubeObject): Record<string, unknown>[] {
  const ports = rec(service.spec).ports;
  return Array.isArray(ports) ? ports.filter(isRecord) : [];
}
