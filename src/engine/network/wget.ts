/**
 * busybox `wget` as both shells run it (a container's own `sh -c` script and `kubectl exec`): its
 * arguments, and what it prints for each outcome of the request.
 */
import type { HttpReply } from './servers';

export interface Url {
  host: string;
  port: number;
  path: string;
  /** The Host header when it is not `host` (curl -H 'Host: ...', or a port mapping in between). */
  hostHeader?: string;
  /** Spoken over TLS (curl's https://); pods' wget speaks plain HTTP. */
  tls?: boolean;
}

/** What became of an HTTP GET from a pod; `latencyMs` is how long the server took to answer. */
export type Fetched = { kind: 'reply'; ip: string; reply: HttpReply; latencyMs: number } | { kind: 'bad-address' } | { kind: 'refused'; ip: string } | { kind: 'timeout'; ip: string };

/** How long an unanswered connect takes to give up (Linux's default SYN retries, about 127 s). */
export const CONNECT_TIMEOUT_MS = 127_000;

export function parseUrl(raw: string): Url | undefined {
  const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(raw);
  if (!m) return undefined;
  return { host: m[1] as string, port: m[2] ? Number(m[2]) : 80, path: m[3] ?? '/' };
}

export interface WgetArgs {
  quiet: boolean;
  output: string | undefined;
  url: Url | undefined;
  /** `-T SEC`: busybox gives up on the whole download after this long. */
  timeoutMs?: number;
}

/** How long the request takes before wget reports: the server's latency, or until the connect gives up. */
export function wgetWaitMs(args: WgetArgs, fetched: Fetched): number {
  if (fetched.kind === 'timeout') return Math.min(args.timeoutMs ?? CONNECT_TIMEOUT_MS, CONNECT_TIMEOUT_MS);
  return fetched.kind === 'reply' ? fetched.latencyMs : 0;
}

/** `wget [-q] [-O FILE|-] [-qO-] [-T SEC] URL`. */
export function parseWgetArgs(argv: readonly string[]): WgetArgs {
  let quiet = false;
  let output: string | undefined;
  let target: string | undefined;
  let timeoutMs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '-q') quiet = true;
    else if (a === '-O') output = argv[++i];
    else if (/^-q?O/.test(a)) {
      quiet = quiet || a.startsWith('-qO');
      output = a.replace(/^-q?O/, '') || argv[++i];
    } else if (a === '-T' || a === '--timeout') timeoutMs = Number(argv[++i]) * 1000;
    else if (/^-T\d/.test(a)) timeoutMs = Number(a.slice(2)) * 1000;
    else if (a.startsWith('--timeout=')) timeoutMs = Number(a.slice('--timeout='.length)) * 1000;
    else target = a;
  }
  return { quiet, output, url: target ? parseUrl(target) : undefined, ...(timeoutMs !== undefined && Number.isFinite(timeoutMs) ? { timeoutMs } : {}) };
}

export const WGET_USAGE = 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n';

export interface WgetResult {
  /** What wget writes, in order (progress and errors go to stderr). */
  output: { stream: 'stdout' | 'stderr'; text: string }[];
  code: number;
  /** A file wget saved (relative to the working directory). */
  saved?: { file: string; body: string };
}

/** What wget prints for an outcome. UNVERIFIED: the progress line's exact spacing. */
export function wgetResult(args: WgetArgs, url: Url, fetched: Fetched): WgetResult {
  const err = (t: string) => ({ stream: 'stderr' as const, text: t });
  if (fetched.kind === 'bad-address') return { output: [err(`wget: bad address '${url.host}'\n`)], code: 1 };
  const output: WgetResult['output'] = args.quiet ? [] : [err(`Connecting to ${url.host}${url.port === 80 ? '' : `:${url.port}`} (${fetched.ip}:${url.port})\n`)];
  // -T's alarm fires before the kernel gives up on the connect.
  if (fetched.kind === 'timeout' && args.timeoutMs !== undefined && args.timeoutMs < CONNECT_TIMEOUT_MS) return { output: [...output, err('wget: download timed out\n')], code: 1 };
  if (fetched.kind === 'refused' || fetched.kind === 'timeout') {
    output.push(err(`wget: can't connect to remote host (${fetched.ip}): ${fetched.kind === 'refused' ? 'Connection refused' : 'Connection timed out'}\n`));
    return { output, code: 1 };
  }
  const { reply } = fetched;
  if (reply.status >= 400) return { output: [...output, err(`wget: server returned error: HTTP/1.1 ${reply.status} ${reply.reason}\n`)], code: 1 };
  const file = args.output ?? (url.path.split('/').pop() || 'index.html');
  const bar = `100% |********************************|  ${String(reply.body.length).padStart(4)}  0:00:00 ETA`;
  if (file === '-') {
    if (!args.quiet) output.push(err('writing to stdout\n'));
    output.push({ stream: 'stdout', text: reply.body });
    if (!args.quiet) output.push(err(`-${' '.repeat(20)}${bar}\nwritten to stdout\n`));
    return { output, code: 0 };
  }
  if (!args.quiet) output.push(err(`saving to '${file}'\n${file.padEnd(21)}${bar}\n'${file}' saved\n`));
  return { output, code: 0, saved: { file, body: reply.body } };
}
