/** What every kubectl verb runs with: parsed flags, the connection, discovery, and kubectl's error printing. */
import type { CommandContext } from '../../command';
import type { KubeObject, StatusObject } from '../../../api/meta';
import { connect, type Connection } from '../../../kubectl/connection';
import { discover, resolveResource, type ApiResource } from '../../../client/discovery';
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
      if (!connection) {
        const verbosity = flags.values.get('v');
        connection = connect(shell.machine, shell.env, shell.cwd, {
          kubeconfig: str(flags, 'kubeconfig'),
          context: str(flags, 'context'),
          namespace: str(flags, 'namespace'),
          verbosity: typeof verbosity === 'number' ? verbosity : 0,
          log: (line) => shell.stderr(line),
        });
        // Warning headers from the API server print once each on stderr, as kubectl's warning handler does.
        if (connection.ok) {
          const printed = new Set<string>();
          connection.client.onWarning((warning) => {
            if (printed.has(warning)) return;
            printed.add(warning);
            shell.stderr(`Warning: ${warning}\n`);
          });
        }
      }
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

/**
 * How kubectl prints an API error (cmdutil.CheckErr): `Error from server (NotFound): pods "x" not
 * found`, with the source inserted for -f input; 422 Invalid errors are rebuilt from the Status
 * details as `The Pod "x" is invalid: <field>: <message>`, one `* ` line per cause when several.
 */
export function statusLine(status: StatusObject, action?: { verb: string; source: string }): string {
  const reason = status.reason ?? 'InternalError';
  if (reason === 'Invalid' && status.details) {
    const prefix = status.details.kind || status.details.name ? `The ${status.details.kind ?? ''} "${status.details.name ?? ''}" is invalid` : 'The request is invalid';
    const causes = (status.details.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
    if (causes.length === 0) return `${prefix}: ${status.message ?? ''}`;
    if (causes.length === 1) return `${prefix}: ${causes[0] ?? ''}`;
    return `${prefix}: \n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  let message = status.message ?? 'an error on the server has prevented the request from succeeding';
  if (action) message = `error when ${action.verb} "${action.source}": ${message}`;
  // A Status without a reason (an etcd error passed through) prints without one, as StandardErrorMessage does.
  const passedThrough = status.reason === undefined && status.code === 500 && (status.message ?? '').startsWith('etcdserver: ');
  return passedThrough ? `Error from server: ${message}` : `Error from server (${reason}): ${message}`;
}

export function requireConnection(k: KubectlContext): Extract<Connection, { ok: true }> | undefined {
  const c = k.connection();
  if (!c.ok) {
    k.err(c.message + '\n');
    return undefined;
  }
  return c;
}

/**
 * The object a `TYPE/NAME` argument (or a bare name, read as a pod) names, read from the API with
 * its resource; undefined with kubectl's error printed when the type is unknown or the read fails.
 */
/** `failure`: how the verb words the server's refusal (kubectl's own `Error from server (...)` line by default). */
export function getNamedObject(k: KubectlContext, conn: Extract<Connection, { ok: true }>, arg: string, failure: (status: StatusObject) => string = statusLine): { resource: ApiResource; object: KubeObject } | undefined {
  const slash = arg.indexOf('/');
  const typed = slash >= 0 ? arg.slice(0, slash) : 'pods';
  const name = slash >= 0 ? arg.slice(slash + 1) : arg;
  const resource = resolveResource(k.resources(), typed);
  if (!resource) {
    k.err(`error: the server doesn't have a resource type "${typed}"\n`);
    return undefined;
  }
  const got = conn.client.get({ group: resource.group, version: resource.version, resource: resource.resource, namespace: resource.namespaced ? conn.namespace : undefined, name });
  if (!got.ok) {
    k.err(failure(got.status) + '\n');
    return undefined;
  }
  return { resource, object: got.value };
}

export function allNamespaces(k: KubectlContext): boolean {
  return bool(k.flags, 'all-namespaces');
}
