/**
 * Builders for the API's error objects (metav1.Status), with Kubernetes' reasons, codes and
 * message wording (k8s.io/apimachinery/pkg/api/errors).
 */
import type { StatusCause, StatusObject } from '../api/meta';
import { formatFieldError, type FieldError } from './field-errors';

/** A group-qualified resource as errors name it: `pods`, `deployments.apps`. */
export interface GroupResource {
  group: string;
  resource: string;
}

function qualified(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function status(code: number, reason: string, message: string, details?: StatusObject['details']): StatusObject {
  const s: StatusObject = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s;
}

export function notFound(gr: GroupResource, name: string): StatusObject {
  return status(404, 'NotFound', `${qualified(gr)} "${name}" not found`, { name, group: gr.group || undefined, kind: gr.resource });
}

export function alreadyExists(gr: GroupResource, name: string): StatusObject {
  return status(409, 'AlreadyExists', `${qualified(gr)} "${name}" already exists`, { name, group: gr.group || undefined, kind: gr.resource });
}

export function conflict(gr: GroupResource, name: string, detail: string): StatusObject {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(gr)} "${name}": ${detail}`, { name, group: gr.group || undefined, kind: gr.resource });
}

/** The optimistic-concurrency conflict message of a stale `resourceVersion`. */
export const STALE_OBJECT_MESSAGE = 'the object has been modified; please apply your changes to the latest version and try again';

/** 422: `Deployment.apps "web" is invalid: spec.selector: Required value` (several causes become `[a, b]`). */
export function invalid(kind: string, group: string, name: string, errors: readonly FieldError[]): StatusObject {
  const causes: StatusCause[] = errors.map((e) => ({ reason: e.type, message: formatFieldError(e).slice(e.field.length + 2), field: e.field }));
  const lines = errors.map(formatFieldError);
  const unique = [...new Set(lines)];
  const body = unique.length === 1 ? (unique[0] as string) : `[${unique.join(', ')}]`;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  return status(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${body}`, { name: name || undefined, group: group || undefined, kind, causes });
}

export function badRequest(message: string): StatusObject {
  return status(400, 'BadRequest', message);
}

export function methodNotSupported(gr: GroupResource, action: string): StatusObject {
  return status(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualified(gr)}"`, { group: gr.group || undefined, kind: gr.resource });
}

/** 404 for a URL the server does not serve at all. */
export function pathNotFound(): StatusObject {
  return status(404, 'NotFound', 'the server could not find the requested resource');
}

export function forbidden(gr: GroupResource, name: string, detail: string): StatusObject {
  return status(403, 'Forbidden', `${qualified(gr)} "${name}" is forbidden: ${detail}`, { name, group: gr.group || undefined, kind: gr.resource });
}

/** 410 Gone for a watch or list from a compacted resourceVersion. */
export function gone(message: string): StatusObject {
  return status(410, 'Expired', message);
}

/** The API server reads at most this much of a write's body (server.Config MaxRequestBodyBytes: 3 MiB). */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;
/** etcd's default --max-request-bytes (1.5 MiB): a larger object cannot be stored. */
export const ETCD_MAX_REQUEST_BYTES = 1.5 * 1024 * 1024;

/** 413 for a body over MaxRequestBodyBytes (apimachinery NewRequestEntityTooLargeError). */
export function requestEntityTooLarge(limit: number): StatusObject {
  return status(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
}

/** etcd's own error passed through: a plain 500 with no reason, as ErrorToAPIStatus makes of any non-API error. */
export function etcdRequestTooLarge(): StatusObject {
  const s = status(500, '', 'etcdserver: request is too large');
  delete s.reason;
  return s;
}

export function internalError(message: string): StatusObject {
  return status(500, 'InternalError', `Internal error occurred: ${message}`);
}

export function unsupportedMediaType(contentType: string): StatusObject {
  return status(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json${contentType ? '' : ''}`);
}

export function success(details?: StatusObject['details']): StatusObject {
  const s: StatusObject = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) s.details = details;
  return s;
}
