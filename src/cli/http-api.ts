/**
 * The simulated cluster's API over HTTP, as kube-apiserver serves it: each HTTP request becomes one
 * engine `ApiRequest`, each response goes back with kube-apiserver's status, headers and JSON body,
 * and `?watch=true` becomes a chunked stream of newline-separated watch events. Time is driven by the
 * caller (see serve.ts): this module only translates.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiRequest, Simulation } from '../engine';
import { decodeKubernetesProtobuf } from '../engine/api/protobuf/decode';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The JSON kube-apiserver answers for a request it cannot take, as a metav1.Status. */
function status(code: number, reason: string, message: string): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function send(res: ServerResponse, code: number, body: unknown, warnings: readonly string[] = []): void {
  const isText = typeof body === 'string';
  const payload = isText ? body : JSON.stringify(body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': isText ? 'text/plain; charset=utf-8' : 'application/json',
    'Cache-Control': 'no-cache, private',
  };
  // RFC 7234 warning headers, as the apiserver sends deprecation and validation warnings.
  if (warnings.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(payload);
}

async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer | { tooLarge: true }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limitBytes) return { tooLarge: true };
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * Parses a request body by its Content-Type: JSON for everything but server-side apply's YAML and
 * Kubernetes protobuf (real kubectl's `create <generator>` bodies), which becomes the same JSON object.
 */
function decodeBody(raw: Buffer, contentType: string): { ok: true; body: unknown } | { ok: false; code: number; message: string } {
  if (raw.length === 0) return { ok: true, body: undefined };
  const unsupported = { ok: false, code: 415, message: `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml` } as const;
  if (contentType.startsWith('application/vnd.kubernetes.protobuf')) {
    const decoded = decodeKubernetesProtobuf(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
    if (decoded.ok) return { ok: true, body: decoded.object };
    // A kind without descriptors here: refuse the media type, as before.
    return decoded.unknownKind ? unsupported : { ok: false, code: 400, message: decoded.message };
  }
  const text = raw.toString('utf8');
  if (contentType.startsWith('application/apply-patch+yaml')) return { ok: true, body: text };
  if (contentType.includes('protobuf') || contentType.includes('cbor')) return unsupported;
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, code: 400, message: `the object provided is unrecognized (must be of type Object): couldn't get version/kind; json parse error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export interface HttpApiOptions {
  /** Called after every request that may have changed state, so watchers hear of it promptly. */
  afterRequest?: () => void;
  /** Called whenever a request arrives or a watch delivers, so an idle clock knows the client is busy. */
  onActivity?: () => void;
  /** +1 when a watch stream opens, -1 when it closes. */
  onWatch?: (delta: 1 | -1) => void;
  /** Largest request body accepted (kube-apiserver's default limit is 3 MiB for most writes). */
  maxBodyBytes?: number;
}

export function createHttpApi(sim: Simulation, options: HttpApiOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const maxBody = options.maxBodyBytes ?? 3 * 1024 * 1024;
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = (req.method ?? 'GET').toUpperCase();
      if (!METHODS.has(method)) return send(res, 405, status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`));
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = v;
      const accept = req.headers.accept;
      const userAgent = req.headers['user-agent'];
      const contentType = req.headers['content-type'] ?? '';
      options.onActivity?.();

      if (method === 'GET' && (query.watch === 'true' || query.watch === '1')) return streamWatch(sim, url.pathname, query, accept, req, res, options);

      const raw = await readBody(req, maxBody);
      if ('tooLarge' in raw) return send(res, 413, status(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
      const decoded = decodeBody(raw, contentType);
      // 415 makes client-go fall back from protobuf to JSON, which is all this server speaks.
      if (!decoded.ok) return send(res, decoded.code, status(decoded.code, decoded.code === 415 ? 'UnsupportedMediaType' : 'BadRequest', decoded.message));
      const request: ApiRequest = { method: method as ApiRequest['method'], path: url.pathname, query, body: decoded.body, contentType };
      if (accept) request.accept = accept;
      if (userAgent) request.userAgent = userAgent;
      const response = sim.api.request(request);
      // kubectl asks for the v2 document as protobuf only; an empty message is the empty document.
      if (url.pathname === '/openapi/v2' && response.status === 200 && (accept ?? '').includes('protobuf')) {
        res.writeHead(200, { 'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf' });
        res.end();
        return;
      }
      if (method !== 'GET') options.afterRequest?.();
      send(res, response.status, response.body, response.warnings);
    })().catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, status(500, 'InternalError', `an error on the server ("${e instanceof Error ? e.message : String(e)}") has prevented the request from succeeding`));
      else res.destroy();
    });
  };
}

/** A watch as a chunked HTTP stream; it ends after `timeoutSeconds` of wall time or when the client goes away. */
function streamWatch(sim: Simulation, path: string, query: Record<string, string>, accept: string | undefined, req: IncomingMessage, res: ServerResponse, options: HttpApiOptions): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  let open = true;
  options.onWatch?.(1);
  const stop = sim.api.watch(path, query, (event) => {
    if (!open) return;
    options.onActivity?.();
    res.write(`${JSON.stringify(event)}\n`);
  }, { accept, userAgent: req.headers['user-agent'] });
  const finish = () => {
    if (!open) return;
    open = false;
    options.onWatch?.(-1);
    clearTimeout(timer);
    stop();
    res.end();
  };
  const seconds = Number(query.timeoutSeconds);
  // kube-apiserver picks a random timeout between 30 and 60 minutes when the client names none.
  const timer = setTimeout(finish, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30 * 60 * 1000);
  req.on('close', finish);
  res.on('close', finish);
}
