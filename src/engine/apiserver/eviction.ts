/**
 * POST pods/<name>/eviction (pkg/registry/core/pod/storage/eviction.go): deletes a pod unless
 * that would violate its PodDisruptionBudget. Terminal and pending pods ignore budgets; a pod
 * covered by more than one budget cannot be evicted; a budget with no disruptions left answers
 * 429 TooManyRequests, which `kubectl drain` retries every 5 seconds.
 */
import type { KubeObject } from '../api/meta';
import { deepCopy, isRecord } from '../api/meta';
import { fromLabelSelector, matches, type LabelSelector } from '../api/labels';
import type { ResourceType } from '../api/resources';
import { formatRfc3339 } from '../api/time';
import type { ApiRequest, ApiResponse } from '../types';
import * as errors from './errors';
import type { ApiServer } from './server';

const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

function tooManyRequests(message: string, causes: { reason: string; message: string }[]): ApiResponse {
  return { status: 429, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'TooManyRequests', details: { causes }, code: 429 } };
}

function isReady(pod: KubeObject): boolean {
  const status = isRecord(pod.status) ? pod.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  return conditions.some((c) => isRecord(c) && c.type === 'Ready' && c.status === 'True');
}

/** An int-or-percent against a total, rounding up as the disruption controller does. */
function scaled(value: unknown, total: number): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.endsWith('%')) return Math.ceil((Number(value.slice(0, -1)) * total) / 100);
  return Number(value) || 0;
}

/**
 * Disruptions the budget allows now. The lab has no disruption controller yet, so when the
 * budget's status was never computed, the API server works it out from the matching pods.
 * UNVERIFIED simplification: expected pods = every pod the selector matches (the real controller
 * asks the owning controllers for their scale).
 */
function disruptionsAllowed(pdb: KubeObject, pods: readonly KubeObject[]): { allowed: number; desired: number; healthy: number } {
  const status = isRecord(pdb.status) ? pdb.status : {};
  const spec = isRecord(pdb.spec) ? pdb.spec : {};
  const healthy = pods.filter((p) => !p.metadata.deletionTimestamp && isReady(p)).length;
  // Terminating pods still count as expected (they are not healthy), as in the disruption controller.
  const expected = pods.length;
  let desired: number;
  if (spec.minAvailable !== undefined) desired = scaled(spec.minAvailable, expected);
  else if (spec.maxUnavailable !== undefined) desired = Math.max(0, expected - scaled(spec.maxUnavailable, expected));
  else desired = expected;
  if (typeof status.observedGeneration === 'number' && typeof status.disruptionsAllowed === 'number') {
    return { allowed: status.disruptionsAllowed, desired: typeof status.desiredHealthy === 'number' ? status.desiredHealthy : desired, healthy: typeof status.currentHealthy === 'number' ? status.currentHealthy : healthy };
  }
  return { allowed: Math.max(0, healthy - desired), desired, healthy };
}

export function handleEviction(server: ApiServer, type: ResourceType, ns: string | undefined, name: string, request: ApiRequest, query: Record<string, string>): ApiResponse {
  const body = isRecord(request.body) ? request.body : {};
  const deleteOptions = isRecord(body.deleteOptions) ? body.deleteOptions : {};
  const pod = server.read(type, ns, name);
  if (!pod) return { status: 404, body: errors.notFound(type, name) };
  const accepted = (): ApiResponse => {
    const r = server.delete(type, ns, name, deleteOptions, query);
    if (r.status >= 300) return r;
    return { status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
  };
  const phase = isRecord(pod.status) ? pod.status.phase : undefined;
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) return accepted();
  const pdbType = server.catalog.all().find((t) => t.group === 'policy' && t.resource === 'poddisruptionbudgets');
  if (!pdbType) return accepted();
  const budgets = server.select(pdbType, ns, [], []).filter((pdb) => {
    const spec = isRecord(pdb.spec) ? pdb.spec : {};
    if (!isRecord(spec.selector)) return false;
    const selector = fromLabelSelector(spec.selector);
    return selector.length > 0 && matches(selector, pod.metadata.labels);
  });
  if (budgets.length === 0) return accepted();
  if (budgets.length > 1) return { status: 500, body: errors.internalError('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.') };
  const pdb = budgets[0] as KubeObject;
  const spec = isRecord(pdb.spec) ? pdb.spec : {};
  const covered = server.select(type, ns, fromLabelSelector(spec.selector as LabelSelector), []);
  const budget = disruptionsAllowed(pdb, covered);
  const pdbName = String(pdb.metadata.name);
  if (budget.allowed < 0) return { status: 403, body: errors.forbidden(type, name, 'pdb disruptions allowed is negative') };
  if (budget.allowed === 0) {
    return tooManyRequests(VIOLATION, [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} needs ${budget.desired} healthy pods and has ${budget.healthy} currently` }]);
  }
  if (query.dryRun !== 'All') {
    // Record the disruption on the budget, as the eviction registry does before deleting.
    const entry = server.storeEntry(pdbType, ns, pdbName);
    if (entry) {
      const next = deepCopy(entry.value);
      const status = isRecord(next.status) ? next.status : {};
      const disrupted = isRecord(status.disruptedPods) ? status.disruptedPods : {};
      next.status = { ...status, disruptedPods: { ...disrupted, [name]: formatRfc3339(server.nowMs()) } };
      if (typeof status.disruptionsAllowed === 'number') (next.status as Record<string, unknown>).disruptionsAllowed = status.disruptionsAllowed - 1;
      server.commitUpdate(pdbType, server.keyFor(pdbType, ns, pdbName), entry, next, {}, 'status');
    }
  }
  return accepted();
}
