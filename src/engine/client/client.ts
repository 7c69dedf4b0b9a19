/**
 * The client-go analogue: the only way components talk to the API server. Every call is a
 * REST-shaped request carrying the caller's identity (user agent), so the traffic a learner sees
 * in the graph is exactly what each component did.
 */
import type { KubeObject, KubeList, StatusObject } from '../api/meta';
import { isRecord } from '../api/meta';
import type { ApiRequest, ApiResponse, WatchEvent } from '../types';

/** What a client sends requests through: the in-process API server, or HTTP in `kubelab serve`. */
export interface Transport {
  request(request: ApiRequest): ApiResponse;
  watch(path: string, query: Record<string, string>, onEvent: (event: WatchEvent) => void, userAgent: string, accept?: string): () => void;
}

/** Identifies a collection or object: `{ group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' }`. */
export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type ClientResult<T> = { ok: true; value: T; warnings?: string[] } | { ok: false; status: StatusObject; code: number };

/** `/api/v1/namespaces/default/pods/nginx/status` for a ref. */
export function pathFor(ref: ResourceRef): string {
  const base = ref.group === '' ? `/api/${ref.version}` : `/apis/${ref.group}/${ref.version}`;
  const ns = ref.namespace !== undefined ? `/namespaces/${encodeURIComponent(ref.namespace)}` : '';
  const name = ref.name !== undefined ? `/${encodeURIComponent(ref.name)}` : '';
  const sub = ref.subresource ? `/${ref.subresource}` : '';
  return `${base}${ns}/${ref.resource}${name}${sub}`;
}

function asStatus(body: unknown, code: number): StatusObject {
  if (isRecord(body) && body.kind === 'Status') return body as unknown as StatusObject;
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: typeof body === 'string' ? body : `unexpected response ${code}`, code };
}

/** The Content-Type of each patch type (apply is server-side apply's YAML, which JSON is too). */
const PATCH_CONTENT_TYPES = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;

export class Client {
  private warningHandler: ((warning: string) => void) | undefined;

  constructor(
    private readonly transport: Transport,
    readonly userAgent: string,
  ) {}

  /** Receives the API server's warnings (HTTP `Warning` headers), as rest.WarningHandler does. */
  onWarning(handler: (warning: string) => void): void {
    this.warningHandler = handler;
  }

  /** Sends a raw request under this client's identity. */
  raw(request: Omit<ApiRequest, 'userAgent'>): ApiResponse {
    const response = this.transport.request({ ...request, userAgent: this.userAgent });
    if (this.warningHandler) for (const w of response.warnings ?? []) this.warningHandler(w);
    return response;
  }

  private call<T>(request: Omit<ApiRequest, 'userAgent'>): ClientResult<T> {
    const response = this.raw(request);
    if (response.status >= 200 && response.status < 300) return { ok: true, value: response.body as T, warnings: response.warnings };
    return { ok: false, status: asStatus(response.body, response.status), code: response.status };
  }

  get(ref: ResourceRef, query: Record<string, string> = {}): ClientResult<KubeObject> {
    return this.call({ method: 'GET', path: pathFor(ref), query });
  }

  list(ref: ResourceRef, query: Record<string, string> = {}): ClientResult<KubeList> {
    return this.call({ method: 'GET', path: pathFor({ ...ref, name: undefined }), query });
  }

  create(ref: ResourceRef, body: unknown, query: Record<string, string> = {}): ClientResult<KubeObject> {
    return this.call({ method: 'POST', path: pathFor(ref), body, query });
  }

  update(ref: ResourceRef, body: unknown, query: Record<string, string> = {}): ClientResult<KubeObject> {
    return this.call({ method: 'PUT', path: pathFor(ref), body, query });
  }

  patch(ref: ResourceRef, patchType: 'merge' | 'json' | 'strategic' | 'apply', body: unknown, query: Record<string, string> = {}): ClientResult<KubeObject> {
    const contentType = PATCH_CONTENT_TYPES[patchType];
    return this.call({ method: 'PATCH', path: pathFor(ref), body, query, contentType });
  }

  delete(ref: ResourceRef, options: Record<string, unknown> = {}, query: Record<string, string> = {}): ClientResult<KubeObject> {
    return this.call({ method: 'DELETE', path: pathFor(ref), body: { kind: 'DeleteOptions', apiVersion: 'v1', ...options }, query });
  }

  watch(ref: ResourceRef, query: Record<string, string>, onEvent: (event: WatchEvent) => void): () => void {
    return this.transport.watch(pathFor(ref), query, onEvent, this.userAgent);
  }

  /** A watch with an Accept header (kubectl get -w asks for one-row Tables). */
  watchAs(ref: ResourceRef, query: Record<string, string>, accept: string, onEvent: (event: WatchEvent) => void): () => void {
    return this.transport.watch(pathFor(ref), query, onEvent, this.userAgent, accept);
  }
}
