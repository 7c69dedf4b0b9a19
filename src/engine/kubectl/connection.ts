/**
 * How kubectl finds its cluster: KUBECONFIG (or ~/.kube/config), the current (or --context)
 * context, its cluster's server URL, and the namespace to use.
 */
import { Client } from '../client';
import type { Machine } from '../shell/command';
import { HOME } from '../shell/filesystem';
import { parseKubeconfig } from '../cluster/kubeconfig';
import { klogHeader, loggingTransport } from './request-log';

export type Connection =
  | { ok: true; client: Client; namespace: string; namespaceExplicit: boolean; contextName: string; server: string }
  | { ok: false; message: string };

export interface ConnectionOptions {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  /** `-v=N`: 6 and up log each request (request-log.ts) through `log`. */
  verbosity?: number;
  log?: (line: string) => void;
}

/** Paths kubectl reads its config from: $KUBECONFIG (colon-separated), else ~/.kube/config. */
export function kubeconfigPaths(env: Map<string, string>, explicit?: string): string[] {
  if (explicit) return [explicit];
  const fromEnv = env.get('KUBECONFIG');
  if (fromEnv) return fromEnv.split(':').filter(Boolean);
  return [`${HOME}/.kube/config`];
}

export function connect(machine: Machine, env: Map<string, string>, cwd: string, options: ConnectionOptions): Connection {
  const paths = kubeconfigPaths(env, options.kubeconfig).map((p) => machine.fs.resolve(cwd, p));
  if (options.kubeconfig && !machine.fs.isFile(paths[0] as string)) {
    return { ok: false, message: `error: stat ${options.kubeconfig}: no such file or directory` };
  }
  // Merge: the first file to define a name wins, as clientcmd does.
  let currentContext = '';
  const clusters = new Map<string, string>();
  const contexts = new Map<string, { cluster: string; namespace?: string }>();
  for (const p of paths) {
    const text = machine.fs.read(p);
    if (text === undefined) continue;
    if ((options.verbosity ?? 0) >= 6) options.log?.(`${klogHeader(machine.loop.nowMs(), 'loader.go:402')}Config loaded from file:  ${p}\n`);
    const parsed = parseKubeconfig(text);
    if ('error' in parsed) return { ok: false, message: `error: error loading config file "${p}": ${parsed.error}` };
    if (!currentContext) currentContext = parsed.currentContext;
    for (const c of parsed.clusters) if (!clusters.has(c.name)) clusters.set(c.name, c.server);
    for (const c of parsed.contexts) if (!contexts.has(c.name)) contexts.set(c.name, { cluster: c.cluster, namespace: c.namespace });
  }
  const contextName = options.context ?? currentContext;
  if (options.context && !contexts.has(options.context)) return { ok: false, message: `error: context "${options.context}" does not exist` };
  const context = contexts.get(contextName);
  const server = context ? clusters.get(context.cluster) : undefined;
  if (!context || server === undefined) {
    // No usable configuration: kubectl falls back to localhost:8080.
    return { ok: false, message: 'The connection to the server localhost:8080 was refused - did you specify the right host or port?' };
  }
  const cluster = machine.clusters.byServer(server);
  const hostPort = server.replace(/^https?:\/\//, '');
  if (!cluster || !cluster.isApiServerUp()) {
    return { ok: false, message: `The connection to the server ${hostPort} was refused - did you specify the right host or port?` };
  }
  const namespace = options.namespace ?? context.namespace ?? 'default';
  const verbosity = options.verbosity ?? 0;
  const client =
    verbosity >= 6 && options.log
      ? new Client(loggingTransport(cluster.transport, { server, verbosity, nowMs: () => machine.loop.nowMs(), log: options.log }), 'kubectl')
      : cluster.client('kubectl');
  return { ok: true, client, namespace, namespaceExplicit: options.namespace !== undefined, contextName, server };
}
