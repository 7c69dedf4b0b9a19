/**
 * What runs in a container: the image's entrypoint with the pod's command/args, as a program of
 * effects (log lines, sleeps, memory) plus the ports it serves, so probes and logs behave as the
 * real image would. Shells (busybox, alpine, ...) interpret their scripts; servers print their
 * startup lines and listen; perl computes pi for the docs' Job; stress allocates memory.
 */
import { formatDate, Shell, type Effect, type ProcessEnv, type Program } from './sh-interpreter';
import { bpi } from './pi';
import { parseImage } from './image-catalog';

/** A port the process answers on: HTTP with a status per path, or plain TCP. */
export interface Listener {
  port: number;
  /** HTTP status for a GET of `path` at `ageMs` after the process started; undefined for TCP-only. */
  http?(path: string, ageMs: number): number;
}

export interface ContainerProcess {
  program: Program;
  listeners: Listener[];
  /** PID 1 that ignores SIGTERM (a shell) waits for SIGKILL at the end of the grace period. */
  onSigterm: 'fast' | 'ignores';
}

export interface ProcessSpec {
  image: string;
  command: string[];
  args: string[];
  /** `stdin: true` (`kubectl run -it`): a shell keeps reading its open stdin instead of exiting. */
  stdin?: boolean;
}

function* lines(text: string[], then: Program | 'forever' | number): Program {
  for (const line of text) yield { kind: 'write', stream: 'stdout', text: line + '\n' };
  if (then === 'forever') {
    yield { kind: 'sleep', ms: Number.POSITIVE_INFINITY };
    return 0;
  }
  if (typeof then === 'number') return then;
  return yield* then;
}

function* forever(): Program {
  yield { kind: 'sleep', ms: Number.POSITIVE_INFINITY };
  return 0;
}

const SHELLS = new Set(['sh', 'bash', 'ash']);
const SHELL_IMAGES = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'curl', 'python', 'node']);
/** The shell images whose default command is a shell (python's and node's start their REPL). */
const DEFAULT_SHELL_IMAGES = new Set(['busybox', 'alpine', 'ubuntu', 'debian', 'curl']);

function repoName(image: string): string {
  const { repository } = parseImage(image);
  return repository.replace(/^.*\//, '');
}

/** A pod spec's container as the runtime sees it (command and args as written, $(VAR) references unexpanded). */
export function processSpecOf(container: Record<string, unknown>): ProcessSpec {
  const words = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return { image: typeof container.image === 'string' ? container.image : '', command: words(container.command), args: words(container.args), stdin: container.stdin === true };
}

/**
 * The shell a container's main process is when that shell reads its stdin (`kubectl run -it
 * --image=busybox -- sh`, or a shell image's default command with `stdin: true`): what an attach
 * joins. Undefined for any other main process, which reads no input.
 */
export function stdinShell(spec: ProcessSpec): string[] | undefined {
  if (!spec.stdin) return undefined;
  const argv = [...spec.command, ...spec.args];
  if (argv.length === 0) return DEFAULT_SHELL_IMAGES.has(repoName(spec.image)) ? ['sh'] : undefined;
  if (spec.command.length === 0 && !SHELL_IMAGES.has(repoName(spec.image))) return undefined;
  return SHELLS.has((argv[0] ?? '').replace(/^.*\//, '')) && !argv.includes('-c') ? argv : undefined;
}

/** The process a container runs, from its image and its command/args (both optional). */
export function containerProcess(spec: ProcessSpec, env: ProcessEnv): ContainerProcess {
  const repo = repoName(spec.image);
  const argv = [...spec.command, ...spec.args];
  const shell = new Shell(env);
  const now = () => formatDate(env.nowMs(), '%Y/%m/%d %H:%M:%S');
  const stamp = () => new Date(env.nowMs()).toISOString().replace(/\.\d+Z$/, '.000Z');

  // A shell reading stdin held open waits for it (an attach gives it its input).
  if (stdinShell(spec)) return { program: forever(), listeners: [], onSigterm: 'ignores' };
  // An explicit command runs instead of the entrypoint (exec form: first word is the binary).
  if (spec.command.length > 0 || (SHELL_IMAGES.has(repo) && argv.length > 0)) {
    const first = (argv[0] ?? '').replace(/^.*\//, '');
    if (SHELLS.has(first)) {
      // `sh -c 'script'`; a shell with no script reads its closed stdin: EOF at once.
      const dashC = argv.indexOf('-c');
      const text = dashC >= 0 ? (argv[dashC + 1] ?? '') : '';
      return { program: shell.runScript(text), listeners: [], onSigterm: 'ignores' };
    }
    if (first === 'perl') return { program: perl(argv.slice(1)), listeners: [], onSigterm: 'fast' };
    if (first === 'stress') return { program: stress(argv.slice(1)), listeners: [], onSigterm: 'fast' };
    // Shell images run busybox applets by name; any other image's own binary is its main process.
    if (SHELL_IMAGES.has(repo)) return { program: shell.runArgv(argv), listeners: [], onSigterm: 'ignores' };
  }
  const addon = env.startAddon?.(parseImage(spec.image).repository, argv);
  if (addon) return addon;
  switch (repo) {
    case 'busybox':
    case 'alpine':
    case 'ubuntu':
    case 'debian':
    case 'curl':
      // The default command is a shell: with no stdin it reads EOF and exits 0 (held open, see stdinShell).
      return { program: lines([], 0), listeners: [], onSigterm: 'ignores' };
    case 'nginx':
    case 'nginx-slim':
      return {
        // UNVERIFIED: the exact entrypoint lines vary between nginx releases; these are 1.27's.
        program: lines(
          [
            '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
            '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
            '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
            '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
            '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
            '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
            '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
            '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
            '/docker-entrypoint.sh: Configuration complete; ready for start up',
            `${now()} [notice] 1#1: using the "epoll" event method`,
            `${now()} [notice] 1#1: nginx/1.27.5`,
            `${now()} [notice] 1#1: start worker processes`,
          ],
          'forever',
        ),
        listeners: [{ port: 80, http: (path) => (path === '/' || path === '/index.html' ? 200 : 404) }],
        onSigterm: 'fast',
      };
    case 'httpd':
      return {
        program: lines(
          [
            "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.2. Set the 'ServerName' directive globally to suppress this message",
            `[${formatDate(env.nowMs(), '%a %b %d %H:%M:%S.000000 %Y')}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations`,
          ],
          'forever',
        ),
        listeners: [{ port: 80, http: (path) => (path === '/' || path === '/index.html' ? 200 : 404) }],
        onSigterm: 'fast',
      };
    case 'metrics-server': {
      const started = env.startMetricsServer?.(argv);
      if (started) return started;
      return { program: forever(), listeners: [], onSigterm: 'fast' };
    }
    case 'hpa-example':
      // php:5-apache serving index.php. UNVERIFIED: the exact Apache/PHP versions in its startup lines.
      return {
        program: lines(
          [
            "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 10.244.1.2. Set the 'ServerName' directive globally to suppress this message",
            "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 10.244.1.2. Set the 'ServerName' directive globally to suppress this message",
            `[${formatDate(env.nowMs(), '%a %b %d %H:%M:%S.000000 %Y')}] [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.14 configured -- resuming normal operations`,
            `[${formatDate(env.nowMs(), '%a %b %d %H:%M:%S.000000 %Y')}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'`,
          ],
          'forever',
        ),
        listeners: [{ port: 80, http: () => 200 }],
        onSigterm: 'fast',
      };
    case 'redis':
      return {
        program: lines(['1:C 01 Sep 2025 09:00:00.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo', '1:M 01 Sep 2025 09:00:00.000 * Server initialized', '1:M 01 Sep 2025 09:00:00.000 * Ready to accept connections tcp'].map((l) => l.replace('01 Sep 2025 09:00:00.000', formatDate(env.nowMs(), '%d %b %Y %H:%M:%S.000'))), 'forever'),
        listeners: [{ port: 6379 }],
        onSigterm: 'fast',
      };
    case 'postgres':
      if (!env.vars.get('POSTGRES_PASSWORD') && env.vars.get('POSTGRES_HOST_AUTH_METHOD') !== 'trust') {
        return {
          program: lines(['Error: Database is uninitialized and superuser password is not specified.', '       You must specify POSTGRES_PASSWORD to a non-empty value for the', '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".'], 1),
          listeners: [],
          onSigterm: 'fast',
        };
      }
      return { program: lines([`${stamp().replace('T', ' ').replace('Z', ' UTC')} [1] LOG:  database system is ready to accept connections`], 'forever'), listeners: [{ port: 5432 }], onSigterm: 'fast' };
    case 'mysql':
      if (!env.vars.get('MYSQL_ROOT_PASSWORD') && !env.vars.get('MYSQL_ALLOW_EMPTY_PASSWORD') && !env.vars.get('MYSQL_RANDOM_ROOT_PASSWORD')) {
        return {
          program: lines([`${stamp().replace('T', ' ').replace('.000Z', '+00:00')} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`, '    You need to specify one of the following as an environment variable:', '    - MYSQL_ROOT_PASSWORD', '    - MYSQL_ALLOW_EMPTY_PASSWORD', '    - MYSQL_RANDOM_ROOT_PASSWORD'], 1),
          listeners: [],
          onSigterm: 'fast',
        };
      }
      return { program: lines([`${stamp()} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.6'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`], 'forever'), listeners: [{ port: 3306 }], onSigterm: 'fast' };
    case 'http-echo': {
      const listen = argv.find((a) => a.startsWith('-listen='))?.slice(8) ?? ':5678';
      const port = Number(listen.replace(/^.*:/, '')) || 5678;
      // UNVERIFIED: http-echo 1.0's startup line.
      return { program: lines([`${now()} [INFO] server is listening on :${port}`], 'forever'), listeners: [{ port, http: () => 200 }], onSigterm: 'fast' };
    }
    case 'agnhost':
      return agnhost(argv.filter((a) => a !== 'agnhost' && a !== '/agnhost'));
    case 'perl':
      return { program: argv.length ? perl(argv) : lines([], 0), listeners: [], onSigterm: 'fast' };
    case 'stress':
      return { program: stress(argv), listeners: [], onSigterm: 'fast' };
    default:
      // pause, the control-plane images and anything else: a long-running process with no output.
      return { program: forever(), listeners: [], onSigterm: 'fast' };
  }
}

/** agnhost subcommands used in the docs: netexec, serve-hostname, liveness, pause. */
function agnhost(args: string[]): ContainerProcess {
  const sub = args[0] ?? '';
  const flag = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]) || fallback;
  if (sub === 'netexec') {
    const port = flag('http-port', 8080);
    return { program: lines([`I0901 09:00:00.000000       1 log.go:245] Started HTTP server on port ${port}`, `I0901 09:00:00.000000       1 log.go:245] Started UDP server on port  ${flag('udp-port', 8081)}`], 'forever'), listeners: [{ port, http: () => 200 }], onSigterm: 'fast' };
  }
  if (sub === 'serve-hostname') {
    const port = flag('port', 9376);
    return { program: forever(), listeners: [{ port, http: () => 200 }], onSigterm: 'fast' };
  }
  if (sub === 'liveness') {
    // Serves /healthz with 200 for the first 10 seconds, then 500 (the docs' HTTP liveness example).
    return { program: lines(['Started HTTP server on port 8080'], 'forever'), listeners: [{ port: 8080, http: (path, ageMs) => (path === '/healthz' ? (ageMs < 10_000 ? 200 : 500) : 404) }], onSigterm: 'fast' };
  }
  if (sub === 'pause' || sub === '') return { program: forever(), listeners: [], onSigterm: 'fast' };
  return { program: forever(), listeners: [], onSigterm: 'fast' };
}

/** perl: `-Mbignum=bpi -wle 'print bpi(N)'` prints pi; anything else exits 0 quietly. */
function* perl(args: string[]): Program {
  const code = args.join(' ');
  const m = /bpi\((\d+)\)/.exec(code);
  if (m) {
    const n = Math.min(Number(m[1]), 20_000);
    // Big-number arithmetic takes a while (seconds for 2000 digits).
    yield { kind: 'sleep', ms: 2_000 + n * 2 };
    yield { kind: 'write', stream: 'stdout', text: bpi(n) + '\n' };
    return 0;
  }
  const print = /print\s+"([^"]*)"/.exec(code);
  if (print) yield { kind: 'write', stream: 'stdout', text: (print[1] ?? '').replace(/\\n/g, '\n') + (args.some((a) => /l/.test(a) && a.startsWith('-')) ? '\n' : '') };
  return 0;
}

/** Bytes for stress's `--vm-bytes` (`150M`, `1G`, `500K`, plain bytes). */
function sizeBytes(text: string): number {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(text);
  if (!m) return 256 * 1024 * 1024;
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/** polinux/stress: `--vm N --vm-bytes SIZE` allocates (and with --vm-hang keeps) that much memory. */
function* stress(args: string[]): Program {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const vm = Number(value('--vm') ?? value('-m') ?? 0);
  const cpu = Number(value('--cpu') ?? value('-c') ?? 0);
  const io = Number(value('--io') ?? value('-i') ?? 0);
  const hdd = Number(value('--hdd') ?? value('-d') ?? 0);
  yield { kind: 'write', stream: 'stdout', text: `stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd\n` };
  if (vm > 0) {
    yield { kind: 'sleep', ms: 500 };
    yield { kind: 'alloc', bytes: vm * sizeBytes(value('--vm-bytes') ?? '256M') } satisfies Effect;
  }
  const timeout = value('--timeout') ?? value('-t');
  if (timeout) {
    yield { kind: 'sleep', ms: (Number(timeout.replace(/s$/, '')) || 0) * 1000 };
    return 0;
  }
  return yield* forever();
}
