/** kubeconfig files (clientcmd v1 Config): what kind writes and kubectl reads. */
import { dump, load } from 'js-yaml';
import { isRecord, text } from '../api/meta';
import { clusterCaPem } from './ca';
import { encodeBase64 } from '../api/base64';

export interface KubeconfigContext {
  name: string;
  cluster: string;
  user: string;
  namespace?: string;
}

export interface Kubeconfig {
  clusters: { name: string; server: string; caData?: string }[];
  users: { name: string }[];
  contexts: KubeconfigContext[];
  currentContext: string;
}

function b64(value: string): string {
  return encodeBase64(value);
}

export function parseKubeconfig(source: string): Kubeconfig | { error: string } {
  let doc: unknown;
  try {
    doc = source.trim() === '' ? {} : load(source);
  } catch (e) {
    return { error: e instanceof Error ? e.message.split('\n')[0] ?? 'invalid kubeconfig' : 'invalid kubeconfig' };
  }
  const root = isRecord(doc) ? doc : {};
  const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);
  return {
    clusters: arr(root.clusters).map((c) => {
      const cluster = isRecord(c.cluster) ? c.cluster : {};
      return { name: text(c.name ?? ''), server: text(cluster.server ?? ''), caData: typeof cluster['certificate-authority-data'] === 'string' ? cluster['certificate-authority-data'] : undefined };
    }),
    users: arr(root.users).map((u) => ({ name: text(u.name ?? '') })),
    contexts: arr(root.contexts).map((c) => {
      const ctx = isRecord(c.context) ? c.context : {};
      const out: KubeconfigContext = { name: text(c.name ?? ''), cluster: text(ctx.cluster ?? ''), user: text(ctx.user ?? '') };
      if (typeof ctx.namespace === 'string') out.namespace = ctx.namespace;
      return out;
    }),
    currentContext: typeof root['current-context'] === 'string' ? root['current-context'] : '',
  };
}

export function serializeKubeconfig(config: Kubeconfig): string {
  const doc = {
    apiVersion: 'v1',
    clusters: config.clusters.map((c) => ({ cluster: { 'certificate-authority-data': c.caData ?? b64(clusterCaPem()), server: c.server }, name: c.name })),
    contexts: config.contexts.map((c) => ({ context: { cluster: c.cluster, ...(c.namespace ? { namespace: c.namespace } : {}), user: c.user }, name: c.name })),
    'current-context': config.currentContext,
    kind: 'Config',
    preferences: {},
    users: config.users.map((u) => ({ name: u.name, user: { 'client-certificate-data': b64(`kubelab client certificate for ${u.name}`), 'client-key-data': b64(`kubelab client key for ${u.name}`) } })),
  };
  // Go's YAML encoder (kind and client-go write kubeconfigs with it) does not indent list items.
  return dump(doc, { lineWidth: -1, noRefs: true, seqNoIndent: true, quoteStyle: 'double' });
}

/** Adds (or replaces) kind's entries for a cluster and makes it current, as `kind create cluster` does. */
export function withKindCluster(config: Kubeconfig, clusterName: string, server: string): Kubeconfig {
  const name = `kind-${clusterName}`;
  return {
    clusters: [...config.clusters.filter((c) => c.name !== name), { name, server }],
    users: [...config.users.filter((u) => u.name !== name), { name }],
    contexts: [...config.contexts.filter((c) => c.name !== name), { name, cluster: name, user: name }],
    currentContext: name,
  };
}

/** Removes kind's entries for a cluster, as `kind delete cluster` does. */
export function withoutKindCluster(config: Kubeconfig, clusterName: string): Kubeconfig {
  const name = `kind-${clusterName}`;
  return {
    clusters: config.clusters.filter((c) => c.name !== name),
    users: config.users.filter((u) => u.name !== name),
    contexts: config.contexts.filter((c) => c.name !== name),
    currentContext: config.currentContext === name ? '' : config.currentContext,
  };
}

export const EMPTY_KUBECONFIG: Kubeconfig = { clusters: [], users: [], contexts: [], currentContext: '' };
