/** The engine's public interface, shared by every host (Web Worker, CLI runner, HTTP server, tests). */
import type { KubeObject } from './api/meta';
import type { TrafficEvent } from './protocol';

/** A REST-shaped request, exactly what an HTTP client would send to kube-apiserver. */
export interface ApiRequest {
  /** HTTP method. */
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** URL path, e.g. `/api/v1/namespaces/default/pods/nginx`. */
  path: string;
  /** Decoded query parameters. */
  query?: Record<string, string>;
  /** Parsed JSON body (or a YAML/JSON string for apply patches). */
  body?: unknown;
  /** Content-Type, used to pick the patch type. */
  contentType?: string;
  /** Accept header; `as=Table` asks for server-side printing. */
  accept?: string;
  /** Who is calling ("kubectl", "kube-scheduler", "kubelet/kind-worker"), for traffic and events. */
  userAgent?: string;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  /** Warning headers (e.g. the v1 Endpoints deprecation), as `Warning: <text>` would carry them. */
  warnings?: string[];
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
}

/** What a host subscribes to: object changes and API traffic, in the order they happened. */
export type SimChange =
  | { kind: 'object'; type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject }
  | { kind: 'traffic'; event: TrafficEvent }
  /** `vi FILE` in the terminal: the UI opens FILE of the lab machine in its editor. */
  | { kind: 'open-file'; path: string };

/** A terminal session: feed it lines, read what it prints. */
export interface ShellSession {
  /** Types one line (without the newline) as if the user pressed Enter. */
  write(line: string): void;
  /** Receives everything the session prints (stdout and stderr interleaved, `\n` line ends). */
  onOutput(listener: (chunk: string) => void): () => void;
  /** Ctrl-C: interrupts the running command (e.g. `kubectl get -w`, `sleep`). */
  signal(signal: 'SIGINT'): void;
  /** The prompt to show before the next line, e.g. `$ `. */
  prompt(): string;
  /** True while a command is still running (waiting on virtual time or a watch). */
  busy(): boolean;
  /** The working directory, where a relative path in the next line resolves. */
  readonly cwd: string;
  /** What survives a reload of the page: working directory, variables, aliases and history. */
  state(): ShellState;
}

/** A session's saveable state; `sim.shell.open(state)` opens a session that continues from it. */
export interface ShellState {
  cwd: string;
  env: Record<string, string>;
  aliases: Record<string, string>;
  history: string[];
}
