/**
 * kubectl's `-v=6..9` request logging (client-go transport/round_trippers.go, structured since
 * v1.33): at 6 one `"Response" verb= url= status= milliseconds=` line per request, at 7 also the
 * `"Request"` line with headers, at 8 the response body. Lines are klog headers on stderr with
 * the virtual time. Discovery requests are not logged: real kubectl serves them from its disk
 * cache (~/.kube/cache) once warm.
 * UNVERIFIED: the source line numbers, the thread id, and the exact header layout at -v=7.
 */
import type { Transport } from '../client';
import type { ApiRequest, ApiResponse, WatchEvent } from '../types';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const THREAD_ID = 12345;
export const KUBECTL_USER_AGENT = 'kubectl/v1.34.0 (linux/amd64) kubernetes/f28b4c9';

/** klog's header: `I1122 09:00:00.000000   12345 file:line] `. */
export function klogHeader(nowMs: number, source: string, severity = 'I'): string {
  const d = new Date(nowMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${severity}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds() * 1000, 6)} ${String(THREAD_ID).padStart(7)} ${source}] `;
}

/** `/api`, `/api/v1`, `/apis`, `/apis/apps`, `/apis/apps/v1`. */
function isDiscovery(path: string): boolean {
  return /^\/api(\/v1)?$/.test(path) || /^\/apis(\/[^/]+){0,2}$/.test(path);
}

/** Go's url.Values.Encode: keys sorted, query-escaped. */
function encodeQuery(query: Record<string, string> | undefined): string {
  const keys = Object.keys(query ?? {}).sort();
  if (keys.length === 0) return '';
  const esc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return '?' + keys.map((k) => `${esc(k)}=${esc((query ?? {})[k] ?? '')}`).join('&');
}

export function loggingTransport(inner: Transport, options: { server: string; verbosity: number; nowMs: () => number; log: (line: string) => void }): Transport {
  const url = (path: string, query?: Record<string, string>) => `${options.server}${path}${encodeQuery(query)}`;
  const requestLine = (method: string, target: string, accept: string | undefined) => {
    if (options.verbosity < 7) return;
    options.log(`${klogHeader(options.nowMs(), 'round_trippers.go:527')}"Request" verb="${method}" url="${target}" headers=<\n\tAccept: ${accept ?? 'application/json, */*'}\n\tUser-Agent: ${KUBECTL_USER_AGENT}\n >\n`);
  };
  const responseLine = (method: string, target: string, status: number) => {
    options.log(`${klogHeader(options.nowMs(), 'round_trippers.go:632')}"Response" verb="${method}" url="${target}" status="${status} ${STATUS_TEXT[status] ?? ''}" milliseconds=0\n`);
  };
  return {
    request(request: ApiRequest): ApiResponse {
      const response = inner.request(request);
      if (isDiscovery(request.path)) return response;
      const target = url(request.path, request.query);
      requestLine(request.method, target, request.accept);
      responseLine(request.method, target, response.status);
      if (options.verbosity >= 8) options.log(`${klogHeader(options.nowMs(), 'request.go:1351')}"Response Body" body=${JSON.stringify(JSON.stringify(response.body))}\n`);
      return response;
    },
    watch(path: string, query: Record<string, string>, onEvent: (event: WatchEvent) => void, userAgent: string, accept?: string): () => void {
      const target = url(path, { ...query, watch: 'true' });
      requestLine('GET', target, accept);
      responseLine('GET', target, 200);
      return inner.watch(path, query, onEvent, userAgent, accept);
    },
  };
}
