/**
 * The resource metrics client (k8s.io/metrics' clientset) that `kubectl top` and the HPA
 * controller use: lists NodeMetrics and PodMetrics from metrics.k8s.io/v1beta1. Errors read as
 * client-go renders them: the aggregator answers 503 `service unavailable` as plain text, which
 * becomes "the server is currently unable to handle the request (get pods.metrics.k8s.io)".
 */
import { isRecord } from '../api/meta';
import type { Client } from './client';

export type MetricsResult = { ok: true; items: Record<string, unknown>[] } | { ok: false; reason: string; message: string };

function failure(status: number, body: unknown, resource: 'nodes' | 'pods'): MetricsResult {
  // A named object that is not there is a real Status (`pods.metrics.k8s.io "x" not found`); an
  // unserved path is a plain-text 404 from kube-apiserver, which client-go words itself.
  if (isRecord(body) && body.kind === 'Status' && typeof body.message === 'string' && isRecord(body.details) && body.details.name !== undefined) return { ok: false, reason: typeof body.reason === 'string' ? body.reason : '', message: body.message };
  const what = `(get ${resource}.metrics.k8s.io)`;
  if (status === 503) return { ok: false, reason: 'ServiceUnavailable', message: `the server is currently unable to handle the request ${what}` };
  if (status === 404) return { ok: false, reason: 'NotFound', message: `the server could not find the requested resource ${what}` };
  return { ok: false, reason: 'InternalError', message: `an error on the server ("${String(body)}") has prevented the request from succeeding ${what}` };
}

/** Lists NodeMetrics or PodMetrics (in `namespace`, or all), or gets the one named `name`. */
export function listMetrics(client: Client, resource: 'nodes' | 'pods', namespace: string | undefined, labelSelector?: string, name?: string): MetricsResult {
  const path = `/apis/metrics.k8s.io/v1beta1${namespace !== undefined ? `/namespaces/${namespace}` : ''}/${resource}${name !== undefined ? `/${name}` : ''}`;
  const r = client.raw({ method: 'GET', path, query: labelSelector && name === undefined ? { labelSelector } : {} });
  if (r.status !== 200) return failure(r.status, r.body, resource);
  if (name !== undefined) return { ok: true, items: isRecord(r.body) ? [r.body] : [] };
  const items = isRecord(r.body) && Array.isArray(r.body.items) ? r.body.items.filter(isRecord) : [];
  return { ok: true, items };
}
