/**
 * `pods/exec` over WebSocket, as kubectl v1.34 speaks it (client-go tools/remotecommand's
 * WebSocket executor; apimachinery util/httpstream/wsstream): subprotocol `v5.channel.k8s.io`
 * (or v4), binary messages whose first byte is the channel (0 stdin, 1 stdout, 2 stderr, 3 the
 * error channel carrying a metav1.Status when the command ends, 4 terminal resize, 255 "close my
 * stream" in v5). The command runs in the simulation through `sim.exec`, the in-lab exec path.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Simulation } from '../engine';
import { isRecord } from '../engine/api/meta';
import { processSpecOf, stdinShell } from '../engine/kubelet/runtime/processes';
import { acceptWebSocket, offersWebSocket, type WebSocketConnection } from './websocket';

export const EXEC_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'] as const;

const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

const STREAM_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/(exec|attach)$/;


export interface ExecHooks {
  /** After input reached the program, so the simulation runs what it started. */
  afterInput?: () => void;
  /** +1 while a stream is open, -1 when it ends (time moves on while a client waits). */
  onStream?: (delta: 1 | -1) => void;
}

/** The error channel's Status for an exit code (remotecommand's NonZeroExitCode) or a runtime failure. */
function exitStatus(code: number, command: readonly string[], failure?: string): Record<string, unknown> {
  if (failure !== undefined) return { metadata: {}, status: 'Failure', message: failure, reason: 'InternalError', code: 500 };
  if (code === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/**
 * pods/attach joins the container's main process: a shell reading its stdin gives that shell's
 * session, as exec of the same command would; any other main process takes no input.
 */
function attachedProcess(sim: Simulation, namespace: string, pod: string, container: string): { command: string[]; interactive: boolean } {
  const got = sim.api.request({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}` });
  const spec = isRecord(got.body) && isRecord(got.body.spec) ? got.body.spec : {};
  const containers = (Array.isArray(spec.containers) ? spec.containers : []).filter(isRecord);
  const c = containers.find((x) => x.name === container) ?? (container ? undefined : containers[0]);
  const shell = c ? stdinShell(processSpecOf(c)) : undefined;
  return { command: shell ?? ['sh'], interactive: shell !== undefined };
}

/** Handles an HTTP upgrade if it is an exec or an attach; false leaves the socket to the caller. */
export function handleExecUpgrade(sim: Simulation, req: IncomingMessage, socket: Duplex, hooks: ExecHooks = {}): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const match = STREAM_PATH.exec(url.pathname);
  if (!match) return false;
  const q = url.searchParams;
  const tty = q.get('tty') === 'true';
  const stdin = q.get('stdin') === 'true';
  const namespace = decodeURIComponent(match[1] ?? '');
  const pod = decodeURIComponent(match[2] ?? '');
  const container = q.get('container') ?? '';
  const attached = match[3] === 'attach' ? attachedProcess(sim, namespace, pod, container) : undefined;
  const command = attached ? attached.command : q.getAll('command');
  const request = { namespace, pod, container, command, stdin, tty, ...(attached ? { attach: true } : {}) };
  const refuse = (status: { code?: number; reason?: string }) => {
    const body = JSON.stringify(status);
    socket.end(`HTTP/1.1 ${status.code ?? 400} ${status.reason ?? 'BadRequest'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  };
  const validate = () => sim.exec({ ...request, validateOnly: true }, { stdout: () => undefined, stderr: () => undefined, exit: () => undefined });
  if (!offersWebSocket(req, EXEC_PROTOCOLS)) {
    // kubectl falls back to SPDY after a refused WebSocket: answer it with the same refusal.
    const check = validate();
    if (!check.ok) refuse(check.status);
    else acceptWebSocket(req, socket, EXEC_PROTOCOLS);
    return true;
  }
  if (attached && !attached.interactive) {
    // Attached to a main process that reads no input: its output would stream here; the lab's
    // processes print theirs at start (kubectl logs shows it), so the stream stays quiet until the
    // client leaves.
    const check = validate();
    if (!check.ok) {
      refuse(check.status);
      return true;
    }
    const quiet = acceptWebSocket(req, socket, EXEC_PROTOCOLS);
    if (!quiet) return true;
    hooks.onStream?.(1);
    // The kubelet's first message: an empty one on the lowest writable channel, saying the stream is up.
    quiet.sendBinary(Buffer.from([STDOUT]));
    quiet.onClose(() => hooks.onStream?.(-1));
    return true;
  }
  // The command starts before the handshake (a refusal is a plain HTTP error, as kube-apiserver
  // answers one before upgrading); what it prints waits for the WebSocket.
  const link: { ws?: WebSocketConnection } = {};
  const pending: Buffer[] = [];
  const write = (message: Buffer) => (link.ws ? link.ws.sendBinary(message) : pending.push(message));
  const send = (channel: number, text: string) => write(Buffer.concat([Buffer.from([channel]), Buffer.from(tty ? text.replace(/\r?\n/g, '\r\n') : text, 'utf8')]));
  let open = true;
  let ended = false;
  const end = (status: Record<string, unknown>) => {
    if (ended) return;
    ended = true;
    write(Buffer.concat([Buffer.from([ERROR]), Buffer.from(JSON.stringify(status), 'utf8')]));
    if (link.ws) finish(link.ws);
  };
  const finish = (conn: WebSocketConnection) => {
    if (!open) return;
    open = false;
    conn.close();
    hooks.onStream?.(-1);
  };
  // The kubelet's first message: an empty one on the lowest writable channel, saying the stream is up.
  pending.push(Buffer.from([STDOUT]));
  const stream = sim.exec(request, {
    stdout: (t) => send(STDOUT, t),
    stderr: (t) => send(tty ? STDOUT : STDERR, t),
    // An attach ends with its process, whose exit code the pod's status tells (kubectl run reads it there).
    exit: (code, failure) => end(exitStatus(attached && failure === undefined ? 0 : code, command, failure)),
  });
  if (!stream.ok) {
    refuse(stream.status);
    return true;
  }
  const accepted = acceptWebSocket(req, socket, EXEC_PROTOCOLS);
  if (!accepted) {
    stream.interrupt();
    return true;
  }
  const conn = accepted;
  hooks.onStream?.(1);
  for (const message of pending.splice(0)) conn.sendBinary(message);
  link.ws = conn;
  conn.onClose(() => {
    if (!open) return;
    open = false;
    hooks.onStream?.(-1);
  });
  if (ended) finish(conn);
  hooks.afterInput?.();
  wireInput(conn, stream, tty, () => hooks.afterInput?.());
  return true;
}

/** Stdin: lines to the program; on a terminal, a line discipline (echo, erase, ^C, ^D). */
function wireInput(ws: WebSocketConnection, stream: { input(line: string): void; interrupt(): void }, tty: boolean, after: () => void): void {
  let line = '';
  const echo = (text: string) => {
    if (tty) ws.sendBinary(Buffer.concat([Buffer.from([STDOUT]), Buffer.from(text, 'utf8')]));
  };
  ws.onMessage((message) => {
    const channel = message[0];
    if (channel === CLOSE && message[1] === STDIN) {
      if (line) stream.input(line);
      stream.input('exit');
      after();
      return;
    }
    if (channel !== STDIN) return;
    for (const ch of message.subarray(1).toString('utf8')) {
      if (ch === '\r' || ch === '\n') {
        echo('\r\n');
        stream.input(line);
        line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (line) echo('\b \b');
        line = line.slice(0, -1);
      } else if (ch === '\x03') {
        echo('^C\r\n');
        line = '';
        stream.interrupt();
      } else if (ch === '\x04' && line === '') {
        stream.input('exit');
      } else {
        echo(ch);
        line += ch;
      }
    }
    after();
  });
}
