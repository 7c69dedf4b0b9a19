/** Small readers of API objects shared by the invariants (they see objects only as a client would). */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';

export function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export function keyOf(o: KubeObject): string {
  return `${text(o.metadata.namespace ?? '')}/${text(o.metadata.name)}`;
}

export function isTerminal(pod: KubeObject): boolean {
  const phase = rec(pod.status).phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function isReady(pod: KubeObject): boolean {
  const conditions = rec(pod.status).conditions;
  return Array.isArray(conditions) && conditions.some((c) => isRecord(c) && c.type === 'Ready' && c.status === 'True');
}

/** The uid of the object's controller (the ownerReference with controller: true), if any. */
export function controllerUid(o: KubeObject): string | undefined {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? text(ref.uid) : undefined;
}

/** A percentage or a count, resolved against `total` as intstr.GetScaledValueFromIntOrPercent does. */
export function scaled(raw: unknown, total: number, roundUp: boolean): number {
  if (typeof raw === 'number') return raw;
  const m = /^(\d+)%$/.exec(text(raw));
  if (!m) return Number(raw) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** maxSurge and maxUnavailable of a RollingUpdate Deployment, resolved as the deployment controller does (both 0 means 1 unavailable). */
export function rollingBounds(deployment: KubeObject, replicas: number): { maxSurge: number; maxUnavailable: number } {
  const rolling = rec(rec(rec(deployment.spec).strategy).rollingUpdate);
  const maxSurge = scaled(rolling.maxSurge ?? '25%', replicas, true);
  let maxUnavailable = scaled(rolling.maxUnavailable ?? '25%', replicas, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

export function specReplicas(o: KubeObject): number {
  const r = rec(o.spec).replicas;
  return typeof r === 'number' ? r : 1;
}
