/**
 * Subresources: status, scale, binding (the scheduler's write), eviction (drain), token
 * (service account tokens), finalize
 * (namespaces), and log/exec/attach/portforward, which the kubelet serves (their stubs answer as
 * the API server does when no kubelet can serve them).
 */
import type { KubeObject } from '../api/meta';
import { deepCopy, isRecord } from '../api/meta';
import type { ResourceType } from '../api/resources';
import { formatSelector, fromLabelSelector } from '../api/labels';
import type { ApiRequest, ApiResponse } from '../types';
import * as errors from './errors';
import type { ResourceRequestInfo } from './request-info';
import type { ApiServer } from './server';
import { formatRfc3339 } from '../api/time';
import { handleEviction } from './eviction';
import { handleTokenRequest } from './token-request';

function fail(status: ReturnType<typeof errors.notFound>): ApiResponse {
  return { status: status.code, body: status };
}

/**
 * What serves log/exec/attach/portforward for a pod: the kubelet of its node, reached through the
 * cluster that owns this API server (the apiserver proxies these requests to the kubelet).
 */
export type PodStreamHandler = (pod: KubeObject, subresource: string, query: Record<string, string>) => ApiResponse;
const podStreamHandlers = new WeakMap<ApiServer, PodStreamHandler>();
export function setPodStreamHandler(server: ApiServer, handler: PodStreamHandler | undefined): void {
  if (handler) podStreamHandlers.set(server, handler);
  else podStreamHandlers.delete(server);
}

/** The API server's own checks before it proxies pods/log (pkg/registry/core/pod LogLocation). */
function logPreflight(pod: KubeObject, name: string, query: Record<string, string>): ApiResponse | undefined {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const names = (v: unknown) => (Array.isArray(v) ? v.filter(isRecord).map((c) => String(c.name)) : []);
  const containers = names(spec.containers);
  const inits = names(spec.initContainers);
  const container = query.container ?? '';
  if (!container && containers.length !== 1) {
    const initPart = inits.length > 0 ? ` or one of the init containers: [${inits.join(' ')}]` : '';
    return fail(errors.badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]${initPart}`));
  }
  const chosen = container || (containers[0] ?? '');
  if (![...containers, ...inits, ...names(spec.ephemeralContainers)].includes(chosen)) return fail(errors.badRequest(`container ${chosen} is not valid for pod ${name}`));
  // A pod not yet scheduled has nowhere to read from: the API server answers with an empty log.
  if (typeof spec.nodeName !== 'string' || spec.nodeName === '') return { status: 200, body: '' };
  for (const key of ['tailLines', 'sinceSeconds', 'limitBytes']) {
    const v = query[key];
    if (v !== undefined && !/^-?\d+$/.test(v)) return fail(errors.badRequest(`${key}: Invalid value: "${v}"`)); // UNVERIFIED wording
  }
  return undefined;
}

export function handleSubresource(server: ApiServer, type: ResourceType, info: ResourceRequestInfo, request: ApiRequest, query: Record<string, string>): ApiResponse {
  const name = info.name as string;
  const ns = info.namespace;
  const sub = info.subresource as string;
  if (sub === 'status') {
    if (request.method === 'GET') {
      const o = server.read(type, ns, name);
      return o ? { status: 200, body: o } : fail(errors.notFound(type, name));
    }
    if (request.method === 'PUT') return server.update(type, ns, name, request.body, query, 'status');
    if (request.method === 'PATCH') return server.patch(type, ns, name, request.body, request.contentType ?? '', query, 'status');
    return fail(errors.methodNotSupported(type, request.method.toLowerCase()));
  }
  if (sub === 'scale') return scale(server, type, ns, name, request, query);
  if (sub === 'binding' && request.method === 'POST') return bind(server, type, ns, name, request.body, query);
  if (sub === 'eviction' && request.method === 'POST') return handleEviction(server, type, ns, name, request, query);
  if (sub === 'token' && type.resource === 'serviceaccounts' && request.method === 'POST') return handleTokenRequest(server, type, ns, name, request);
  if (sub === 'finalize' && request.method === 'PUT') {
    const current = server.storeEntry(type, ns, name);
    if (!current) return fail(errors.notFound(type, name));
    const body = isRecord(request.body) ? request.body : {};
    const next = deepCopy(current.value);
    next.spec = isRecord(body.spec) ? deepCopy(body.spec) : {};
    return server.commitUpdate(type, server.keyFor(type, ns, name), current, next, query, 'main', { subresource: 'finalize' });
  }
  if (type.group === '' && type.resource === 'pods' && ['log', 'exec', 'attach', 'portforward'].includes(sub)) {
    const pod = server.read(type, ns, name);
    if (!pod) return fail(errors.notFound(type, name));
    if (sub === 'log') {
      const problem = logPreflight(pod, name, query);
      if (problem) return problem;
    }
    const handler = podStreamHandlers.get(server);
    if (handler) return handler(pod, sub, query);
    const containers = isRecord(pod.spec) && Array.isArray(pod.spec.containers) ? pod.spec.containers : [];
    const first = containers.find(isRecord);
    const container = query.container ?? (first && typeof first.name === 'string' ? first.name : '');
    return fail(errors.badRequest(`container "${container}" in pod "${name}" is waiting to start: ContainerCreating`));
  }
  return fail(errors.methodNotSupported(type, `${request.method.toLowerCase()} ${sub}`));
}

function scale(server: ApiServer, type: ResourceType, ns: string | undefined, name: string, request: ApiRequest, query: Record<string, string>): ApiResponse {
  const current = server.storeEntry(type, ns, name);
  if (!current) return fail(errors.notFound(type, name));
  const toScale = (o: KubeObject) => {
    const spec = isRecord(o.spec) ? o.spec : {};
    const status = isRecord(o.status) ? o.status : {};
    const selector = isRecord(spec.selector) ? formatSelector(fromLabelSelector(spec.selector)) : '';
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: { name, namespace: ns, uid: o.metadata.uid, resourceVersion: o.metadata.resourceVersion, creationTimestamp: o.metadata.creationTimestamp },
      spec: { replicas: typeof spec.replicas === 'number' ? spec.replicas : 0 },
      status: { replicas: typeof status.replicas === 'number' ? status.replicas : 0, selector },
    };
  };
  if (request.method === 'GET') return { status: 200, body: toScale(current.value) };
  let replicas: unknown;
  if (request.method === 'PUT') {
    const body = isRecord(request.body) ? request.body : {};
    replicas = isRecord(body.spec) ? body.spec.replicas : undefined;
  } else if (request.method === 'PATCH') {
    const patch = typeof request.body === 'string' ? (JSON.parse(request.body) as unknown) : request.body;
    replicas = isRecord(patch) && isRecord(patch.spec) ? patch.spec.replicas : undefined;
  } else {
    return fail(errors.methodNotSupported(type, request.method.toLowerCase()));
  }
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    return fail(errors.invalid('Scale', 'autoscaling', name, [{ type: 'FieldValueInvalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' }]));
  }
  const next = deepCopy(current.value);
  next.spec = { ...(isRecord(next.spec) ? next.spec : {}), replicas };
  const r = server.commitUpdate(type, server.keyFor(type, ns, name), current, next, query, 'main', { subresource: 'scale' });
  return r.status < 300 ? { status: 200, body: toScale(r.body as KubeObject) } : r;
}

/** POST pods/<name>/binding: sets spec.nodeName once, as the scheduler's DefaultBinder does. */
function bind(server: ApiServer, type: ResourceType, ns: string | undefined, name: string, body: unknown, query: Record<string, string>): ApiResponse {
  const current = server.storeEntry(type, ns, name);
  if (!current) return fail(errors.notFound(type, name));
  const binding = isRecord(body) ? body : {};
  const target = isRecord(binding.target) ? binding.target : {};
  const nodeName = typeof target.name === 'string' ? target.name : '';
  if (!nodeName) return fail(errors.invalid('Binding', '', name, [{ type: 'FieldValueRequired', field: 'target.name' }]));
  const pod = current.value;
  const spec = isRecord(pod.spec) ? pod.spec : {};
  if (pod.metadata.deletionTimestamp) return fail(errors.conflict(type, name, `pod ${name} is being deleted, cannot be assigned to a host`));
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '') return fail(errors.conflict(type, name, `pod ${name} is already assigned to node "${spec.nodeName}"`));
  const next = deepCopy(pod);
  next.spec = { ...spec, nodeName };
  const status = isRecord(next.status) ? next.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter((c) => !(isRecord(c) && c.type === 'PodScheduled')) : [];
  conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: formatRfc3339(server.nowMs()) });
  next.status = { ...status, conditions };
  if (query.dryRun === 'All') return { status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
  // Like the real binding registry, this writes directly (the pod update strategy forbids changing spec.nodeName).
  const r = server.replaceRaw(type, current, next);
  return r.status < 300 ? { status: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } } : r;
}
