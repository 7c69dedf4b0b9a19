/**
 * POST pods/<name>/eviction (pkg/registry/core/pod/storage/eviction.go): deletes a pod unless
 * that would violate its PodDisruptionBudget. Terminal and pending pods ignore budgets; a pod
 * covered by more than one budget cannot be evicted; a budget with no disruptions left answers
 * 429 TooManyRequests, which `kubectl drain` retries every 5 seconds.
 */
import type { KubeObject } from '../api/meta';
import { deepCopy, isRecord } from '../api/meta';
import { fromLabelSelector, matches } from '../api/labels';
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

/** The budget's status as the disruption controller last wrote it. */
function budgetStatus(pdb: KubeObject): { processed: boolean; allowed: number; desired: number; healthy: number } {
  const status = isRecord(pdb.status) ? pdb.status : {};
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  // A budget the controller has not seen at its current generation cannot vouch for anything yet.
  const processed = typeof status.observedGeneration === 'number' && status.observedGeneration >= (pdb.metadata.generation ?? 0);
  return { processed, allowed: num(status.disruptionsAllowed), desired: num(status.desiredHealthy), healthy: num(status.currentHealthy) };
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
  const budget = budgetStatus(pdb);
  const pdbName = String(pdb.metadata.name);
  // An unready pod does not count as healthy: evicting it costs the budget nothing when the
  // budget is already met (IfHealthyBudget, the default) or always (AlwaysAllow).
  if (!isReady(pod) && (spec.unhealthyPodEvictionPolicy === 'AlwaysAllow' || (budget.healthy >= budget.desired && budget.desired > 0))) return accepted();
  if (!budget.processed) return tooManyRequests(VIOLATION, [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} is still being processed by the server.` }]);
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
      server.commitUpdate(pdbType, server.keyFor(pdbType, ns, pdbName), entry, next, {}, 'status', 'none');
    }
  }
  return accepted();
}
