/**
 * curl as both the lab machine and the pods run it: its options and what it prints for each outcome
 * (curl 8.x wording; exit codes are curl's CURLE_* numbers).
 */
import { CONNECT_TIMEOUT_MS, type Fetched, type Url } from './wget';

export interface CurlArgs {
  url: string | undefined;
  silent: boolean;
  showError: boolean;
  insecure: boolean;
  head: boolean;
  output: string | undefined;
  writeOut: string | undefined;
  method: string;
  /** `-H 'Name: value'` headers, as given. */
  headers: string[];
  connectTimeoutMs: number;
  /** An option curl does not know, or one missing its value. */
  error?: string;
}

const WITH_VALUE: Record<string, string> = { o: 'output', w: 'write-out', X: 'request', H: 'header', m: 'max-time', d: 'data', u: 'user', A: 'user-agent', e: 'referer' };
const FLAGS = new Set('sSkIvLfiN#');

export const CURL_HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n";

export function parseCurlArgs(argv: readonly string[]): CurlArgs {
  const a: CurlArgs = { url: undefined, silent: false, showError: false, insecure: false, head: false, output: undefined, writeOut: undefined, method: 'GET', headers: [], connectTimeoutMs: CONNECT_TIMEOUT_MS };
  const set = (name: string, value: string | undefined): void => {
    if (value === undefined) a.error = `curl: option --${name}: requires parameter\n${CURL_HINT}`;
    else if (name === 'output') a.output = value;
    else if (name === 'write-out') a.writeOut = value;
    else if (name === 'request') a.method = value;
    else if (name === 'header') a.headers.push(value);
    else if (name === 'connect-timeout') a.connectTimeoutMs = Math.min(CONNECT_TIMEOUT_MS, Number(value) * 1000);
  };
  const flag = (f: string): void => {
    if (f === 's') a.silent = true;
    else if (f === 'S') a.showError = true;
    else if (f === 'k') a.insecure = true;
    else if (f === 'I') a.head = true;
  };
  const LONG_FLAGS: Record<string, string> = { silent: 's', 'show-error': 'S', insecure: 'k', head: 'I', verbose: 'v', location: 'L', fail: 'f', include: 'i' };
  for (let i = 0; i < argv.length && !a.error; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split(/=(.*)/s);
      if (name in LONG_FLAGS) flag(LONG_FLAGS[name] as string);
      else if (Object.values(WITH_VALUE).includes(name) || name === 'connect-timeout') set(name, inline ?? argv[++i]);
      else a.error = `curl: option ${arg}: is unknown\n${CURL_HINT}`;
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const f = arg[j] as string;
        const long = WITH_VALUE[f];
        if (long) {
          set(long, arg.slice(j + 1) || argv[++i]);
          break;
        }
        if (!FLAGS.has(f)) {
          a.error = `curl: option ${arg}: is unknown\n${CURL_HINT}`;
          break;
        }
        flag(f);
      }
    } else a.url = arg;
  }
  return a;
}

/** The Host a request carries: a `-H 'Host: name'` header, else the URL's host. */
export function hostHeader(args: CurlArgs, urlHost: string): string {
  const given = args.headers.map((h) => /^host:\s*(.*)$/i.exec(h)?.[1]).find((h) => h !== undefined);
  return (given ?? urlHost).replace(/:\d+$/, '');
}

/** `-w`'s variables (the ones people print). */
export function writeOut(format: string, httpCode: number): string {
  return format.replace(/%\{http_code\}|%\{response_code\}/g, String(httpCode).padStart(3, '0')).replace(/\\n/g, '\n');
}

/** curl's message and exit code when no HTTP answer came back (undefined for a reply). */
export function curlFailure(url: Url, fetched: Fetched, connectTimeoutMs = CONNECT_TIMEOUT_MS): { message: string; code: number } | undefined {
  if (fetched.kind === 'bad-address') return { message: `curl: (6) Could not resolve host: ${url.host}\n`, code: 6 };
  if (fetched.kind === 'refused') return { message: `curl: (7) Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n`, code: 7 };
  // --connect-timeout gives up sooner than the kernel's SYN retries.
  if (fetched.kind === 'timeout') return { message: `curl: (28) Failed to connect to ${url.host} port ${url.port} after ${Math.min(connectTimeoutMs, CONNECT_TIMEOUT_MS)} ms: Timeout was reached\n`, code: 28 };
  return undefined;
}
