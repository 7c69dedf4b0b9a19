/** What every kubectl verb runs with: parsed flags, the connection, discovery, and kubectl's error printing. */
import type { CommandContext } from '../../command';
import type { StatusObject } from '../../../api/meta';
import { connect, type Connection } from '../../../kubectl/connection';
import { discover, type ApiResource } from '../../../client/discovery';
import { bool, str, type ParsedFlags } from '../../../kubectl/flags';

export interface KubectlContext {
  shell: CommandContext;
  flags: ParsedFlags;
  /** Connects lazily: commands that fail on flags never touch the server. */
  connection(): Connection;
  resources(): ApiResource[];
  out(text: string): void;
  err(text: string): void;
}

export function makeKubectlContext(shell: CommandContext, flags: ParsedFlags): KubectlContext {
  let connection: Connection | undefined;
  let resources: ApiResource[] | undefined;
  return {
    shell,
    flags,
    connection() {
      connection ??= connect(shell.machine, shell.env, shell.cwd, { kubeconfig: str(flags, 'kubeconfig'), context: str(flags, 'context'), namespace: str(flags, 'namespace') });
      return connection;
    },
    resources() {
      const c = this.connection();
      resources ??= c.ok ? discover(c.client) : [];
      return resources;
    },
    out: (t) => shell.stdout(t),
    err: (t) => shell.stderr(t),
  };
}

/** `Error from server (NotFound): pods "x" not found`, with the source inserted for -f input. */
export function formatStatusError(status: StatusObject, action?: { verb: string; source: string }): string {
  const reason = status.reason ?? 'InternalError';
  let message = status.message ?? 'an error on the server has prevented the request from succeeding';
  if (reason === 'Invalid') return `The ${message}`.replace(/^The (\S+) "/, 'The $1 "');
  if (action) message = `error when ${action.verb} "${action.source}": ${message}`;
  return `Error from server (${reason}): ${message}`;
}

/** Invalid errors print as `The Pod "x" is invalid: ...` (no "Error from server" prefix). */
export function statusLine(status: StatusObject, action?: { verb: string; source: string }): string {
  if (status.reason === 'Invalid') return `The ${status.message ?? ''}`;
  return formatStatusError(status, action);
}

export function requireConnection(k: KubectlContext): Extract<Connection, { ok: true }> | undefined {
  const c = k.connection();
  if (!c.ok) {
    k.err(c.message + '\n');
    return undefined;
  }
  return c;
}

export function allNamespaces(k: KubectlContext): boolean {
  return bool(k.flags, 'all-namespaces');
}
