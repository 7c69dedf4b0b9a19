/**
 * The environment a container's process starts with, as the kubelet builds it: PATH and HOSTNAME,
 * Docker-link-style service variables (enableServiceLinks, default true) for the pod's namespace
 * plus the `kubernetes` service, then the container's `envFrom` and own `env` (values, simple
 * fieldRefs, and keys of ConfigMaps and Secrets in the pod's namespace).
 */
import { decodeBase64 } from '../api/base64';
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import type { Client } from '../client';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function serviceVars(service: KubeObject, vars: Map<string, string>): void {
  const spec = rec(service.spec);
  const ip = text(spec.clusterIP);
  if (!ip || ip === 'None') return;
  const ports = Array.isArray(spec.ports) ? spec.ports.filter(isRecord) : [];
  const first = ports[0];
  if (!first) return;
  const name = text(service.metadata.name).toUpperCase().replace(/-/g, '_');
  vars.set(`${name}_SERVICE_HOST`, ip);
  vars.set(`${name}_SERVICE_PORT`, String(first.port));
  for (const p of ports) if (p.name) vars.set(`${name}_SERVICE_PORT_${text(p.name).toUpperCase().replace(/-/g, '_')}`, String(p.port));
  const proto = (text(first.protocol) || 'TCP').toLowerCase();
  vars.set(`${name}_PORT`, `${proto}://${ip}:${String(first.port)}`);
  for (const p of ports) {
    const pr = (text(p.protocol) || 'TCP');
    const prefix = `${name}_PORT_${String(p.port)}_${pr}`;
    vars.set(prefix, `${pr.toLowerCase()}://${ip}:${String(p.port)}`);
    vars.set(`${prefix}_PROTO`, pr.toLowerCase());
    vars.set(`${prefix}_PORT`, String(p.port));
    vars.set(`${prefix}_ADDR`, ip);
  }
}

/** Builds the process environment for `container` of `pod`. */
export function containerEnv(pod: KubeObject, container: Record<string, unknown>, podIP: string, client: Client): Map<string, string> {
  const vars = new Map<string, string>([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', text(rec(pod.spec).hostname) || text(pod.metadata.name)],
  ]);
  const spec = rec(pod.spec);
  const ns = text(pod.metadata.namespace) || 'default';
  if (spec.enableServiceLinks !== false) {
    const list = client.list({ group: '', version: 'v1', resource: 'services', namespace: ns });
    if (list.ok) for (const s of list.value.items) serviceVars(s, vars);
  }
  const kubernetes = client.get({ group: '', version: 'v1', resource: 'services', namespace: 'default', name: 'kubernetes' });
  if (kubernetes.ok) serviceVars(kubernetes.value, vars);
  const field = (path: string): string => {
    switch (path) {
      case 'metadata.name':
        return text(pod.metadata.name);
      case 'metadata.namespace':
        return ns;
      case 'metadata.uid':
        return text(pod.metadata.uid);
      case 'spec.nodeName':
        return text(spec.nodeName);
      case 'spec.serviceAccountName':
        return text(spec.serviceAccountName);
      case 'status.podIP':
        return podIP;
      case 'status.hostIP':
        return text(rec(pod.status).hostIP);
      default: {
        // metadata.labels['key'] / metadata.annotations['key'] (the Job controller's JOB_COMPLETION_INDEX).
        const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
        if (!m) return '';
        return (m[1] === 'labels' ? pod.metadata.labels : pod.metadata.annotations)?.[m[2] ?? ''] ?? '';
      }
    }
  };
  // ConfigMap `data` as is; Secret `data` is base64 and the process sees it decoded.
  const source = (kind: 'configmaps' | 'secrets', name: string): Map<string, string> => {
    const found = client.get({ group: '', version: 'v1', resource: kind, namespace: ns, name });
    const data = found.ok ? rec(found.value.data) : {};
    const values = new Map<string, string>();
    for (const [key, value] of Object.entries(data)) if (typeof value === 'string') values.set(key, kind === 'secrets' ? (decodeBase64(value) ?? '') : value);
    return values;
  };
  for (const from of Array.isArray(container.envFrom) ? container.envFrom.filter(isRecord) : []) {
    const ref = isRecord(from.configMapRef) ? source('configmaps', text(from.configMapRef.name)) : isRecord(from.secretRef) ? source('secrets', text(from.secretRef.name)) : new Map<string, string>();
    for (const [key, value] of ref) vars.set(`${text(from.prefix)}${key}`, value);
  }
  for (const e of Array.isArray(container.env) ? container.env.filter(isRecord) : []) {
    const name = text(e.name);
    if (!name) continue;
    if (typeof e.value === 'string') vars.set(name, e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, v: string) => vars.get(v) ?? all));
    else if (isRecord(e.valueFrom) && isRecord(e.valueFrom.fieldRef)) vars.set(name, field(text(e.valueFrom.fieldRef.fieldPath)));
    else if (isRecord(e.valueFrom) && isRecord(e.valueFrom.configMapKeyRef)) vars.set(name, source('configmaps', text(e.valueFrom.configMapKeyRef.name)).get(text(e.valueFrom.configMapKeyRef.key)) ?? '');
    else if (isRecord(e.valueFrom) && isRecord(e.valueFrom.secretKeyRef)) vars.set(name, source('secrets', text(e.valueFrom.secretKeyRef.name)).get(text(e.valueFrom.secretKeyRef.key)) ?? '');
    else vars.set(name, ''); // UNVERIFIED: resourceFieldRef is not resolved yet
  }
  return vars;
}

/** `$(VAR)` references in command/args expand from the container's environment (unknown ones stay). */
export function expandCommandRefs(words: string[], vars: Map<string, string>): string[] {
  return words.map((w) => w.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, v?: string) => (all === '$$' ? '$' : (vars.get(v ?? '') ?? all))));
}

/**
 * Why the kubelet cannot build the container's environment (makeEnvironmentVariables): a
 * ConfigMap, Secret or key the container needs and does not mark `optional`. The message is the
 * one the pod shows under CreateContainerConfigError, e.g. `configmap "app-config" not found`.
 */
export function envConfigError(pod: KubeObject, container: Record<string, unknown>, client: Client): string | undefined {
  const ns = text(pod.metadata.namespace) || 'default';
  const read = (kind: 'configmaps' | 'secrets', name: string): KubeObject | undefined => {
    const found = client.get({ group: '', version: 'v1', resource: kind, namespace: ns, name });
    return found.ok ? found.value : undefined;
  };
  const label = (kind: 'configmaps' | 'secrets') => (kind === 'configmaps' ? { lower: 'configmap', title: 'ConfigMap' } : { lower: 'secret', title: 'Secret' });
  for (const from of Array.isArray(container.envFrom) ? container.envFrom.filter(isRecord) : []) {
    const [kind, ref] = isRecord(from.configMapRef) ? (['configmaps', from.configMapRef] as const) : isRecord(from.secretRef) ? (['secrets', from.secretRef] as const) : [undefined, undefined];
    if (!kind || ref.optional === true) continue;
    if (!read(kind, text(ref.name))) return `${label(kind).lower} "${text(ref.name)}" not found`;
  }
  for (const e of Array.isArray(container.env) ? container.env.filter(isRecord) : []) {
    const from = rec(e.valueFrom);
    const [kind, ref] = isRecord(from.configMapKeyRef) ? (['configmaps', from.configMapKeyRef] as const) : isRecord(from.secretKeyRef) ? (['secrets', from.secretKeyRef] as const) : [undefined, undefined];
    if (!kind || ref.optional === true) continue;
    const object = read(kind, text(ref.name));
    if (!object) return `${label(kind).lower} "${text(ref.name)}" not found`;
    if (!(text(ref.key) in rec(object.data))) return `couldn't find key ${text(ref.key)} in ${label(kind).title} ${ns}/${text(ref.name)}`;
  }
  return undefined;
}
