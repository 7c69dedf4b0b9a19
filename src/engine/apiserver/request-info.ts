/**
 * Parses a request path into what it addresses (k8s.io/apiserver RequestInfoFactory):
 * `/api/v1/namespaces/default/pods/nginx/log` → group "", version v1, namespace default,
 * resource pods, name nginx, subresource log.
 */

export interface ResourceRequestInfo {
  kind: 'resource';
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
  /** Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection. */
  verb: string;
}

export type RequestInfo =
  | ResourceRequestInfo
  | { kind: 'discovery-root'; prefix: 'api' | 'apis' }
  | { kind: 'discovery-group'; group: string }
  | { kind: 'discovery-version'; group: string; version: string }
  | { kind: 'version' }
  | { kind: 'healthz'; path: string }
  | { kind: 'unknown' };

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parseRequestInfo(method: string, rawPath: string, query: Record<string, string>): RequestInfo {
  const q = rawPath.indexOf('?');
  const path = q < 0 ? rawPath : rawPath.slice(0, q);
  // Decoding only what has an escape in it: every request passes here.
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map((p) => (p.includes('%') ? decodeURIComponent(p) : p));
  if (parts.length === 0) return { kind: 'unknown' };
  if (parts[0] === 'version' && parts.length === 1) return { kind: 'version' };
  if (parts[0] === 'healthz' || parts[0] === 'livez' || parts[0] === 'readyz') return { kind: 'healthz', path };
  let rest: string[];
  let group: string;
  let version: string;
  if (parts[0] === 'api') {
    if (parts.length === 1) return { kind: 'discovery-root', prefix: 'api' };
    group = '';
    version = parts[1] as string;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { kind: 'discovery-root', prefix: 'apis' };
    group = parts[1] as string;
    if (parts.length === 2) return { kind: 'discovery-group', group };
    version = parts[2] as string;
    rest = parts.slice(3);
  } else {
    return { kind: 'unknown' };
  }
  if (rest.length === 0) return { kind: 'discovery-version', group, version };

  let namespace: string | undefined;
  // /namespaces/<ns>/<resource>... addresses a namespaced collection; /namespaces/<ns> alone, and its
  // /status and /finalize subresources, address the Namespace object.
  if (rest[0] === 'namespaces' && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.has(rest[2] as string)) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const resource = rest[0] as string;
  const name = rest[1];
  const subresource = rest.length > 2 ? rest.slice(2).join('/') : undefined;
  const watch = query.watch === 'true' || query.watch === '1';
  let verb: string;
  switch (method) {
    case 'GET':
      verb = name === undefined ? (watch ? 'watch' : 'list') : watch ? 'watch' : 'get';
      break;
    case 'POST':
      verb = 'create';
      break;
    case 'PUT':
      verb = 'update';
      break;
    case 'PATCH':
      verb = 'patch';
      break;
    case 'DELETE':
      verb = name === undefined ? 'deletecollection' : 'delete';
      break;
    default:
      verb = method.toLowerCase();
  }
  return { kind: 'resource', group, version, namespace, resource, name, subresource, verb };
}
