/**
 * `kubectl create`: from files (`-f`), or one of kubectl's generators, which build the same
 * objects kubectl builds (so `--dry-run=client -o yaml` prints what people paste into manifests):
 * deployment, namespace, service clusterip|nodeport|loadbalancer|externalname, job, cronjob,
 * configmap, secret generic|docker-registry|tls, serviceaccount, role, rolebinding, clusterrole,
 * clusterrolebinding, quota, priorityclass, ingress; and `create token` (create-token.ts).
 */
import type { KubeObject } from '../../../api/meta';
import { encodeBase64 } from '../../../api/base64';
import { toLabelSelector } from '../../../api/labels';
import { resolveResource, type ApiResource } from '../../../client/discovery';
import { bool, int, str, strings, type FlagSpec } from '../../../kubectl/flags';
import { unknownCommandMessage } from '../../../kubectl/suggest';
import { APPLY_FLAGS, runApply } from './apply';
import { runCreateToken } from './create-token';
import { checkOutputFormat, DRY_RUN_FLAG, dryRunOf, dryRunQuery, exactlyOneName, OUTPUT_FLAG, parsePairs, printOutcome, refOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const CREATE_FLAGS: FlagSpec[] = [
  ...APPLY_FLAGS.filter((f) => f.name !== 'dry-run' && f.name !== 'output'),
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  { name: 'edit', type: 'bool' },
  { name: 'windows-line-endings', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'image', type: 'stringArray' },
  { name: 'replicas', short: 'r', type: 'int' },
  { name: 'port', type: 'int' },
  { name: 'tcp', type: 'stringArray' },
  { name: 'clusterip', type: 'string' },
  { name: 'node-port', type: 'int' },
  { name: 'external-name', type: 'string' },
  { name: 'schedule', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'from', type: 'string' },
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-file', type: 'stringArray' },
  { name: 'from-env-file', type: 'stringArray' },
  { name: 'append-hash', type: 'bool' },
  { name: 'type', type: 'string' },
  { name: 'docker-server', type: 'string' },
  { name: 'docker-username', type: 'string' },
  { name: 'docker-password', type: 'string' },
  { name: 'docker-email', type: 'string' },
  { name: 'cert', type: 'string' },
  { name: 'key', type: 'string' },
  { name: 'verb', type: 'stringArray' },
  { name: 'resource', type: 'stringArray' },
  { name: 'resource-name', type: 'stringArray' },
  { name: 'non-resource-url', type: 'stringArray' },
  { name: 'aggregation-rule', type: 'string' },
  { name: 'role', type: 'string' },
  { name: 'clusterrole', type: 'string' },
  { name: 'user', type: 'stringArray' },
  { name: 'group', type: 'stringArray' },
  { name: 'serviceaccount', type: 'stringArray' },
  { name: 'hard', type: 'string' },
  { name: 'scopes', type: 'string' },
  { name: 'value', type: 'int' },
  { name: 'global-default', type: 'bool' },
  { name: 'description', type: 'string' },
  { name: 'preemption-policy', type: 'string' },
  { name: 'min-available', type: 'string' },
  { name: 'max-unavailable', type: 'string' },
  { name: 'class', type: 'string' },
  { name: 'rule', type: 'stringArray' },
  { name: 'default-backend', type: 'string' },
  { name: 'annotation', type: 'stringArray' },
  { name: 'audience', type: 'stringArray' },
  { name: 'duration', type: 'string' },
  { name: 'bound-object-kind', type: 'string' },
  { name: 'bound-object-name', type: 'string' },
  { name: 'bound-object-uid', type: 'string' },
];

const SUBCOMMANDS = ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token'];
const ALIASES: Record<string, string> = { cm: 'configmap', cj: 'cronjob', deploy: 'deployment', ing: 'ingress', ns: 'namespace', pdb: 'poddisruptionbudget', pc: 'priorityclass', resourcequota: 'quota', svc: 'service', sa: 'serviceaccount' };

interface Built {
  object: KubeObject;
  resource: ApiResource;
  /** kubectl's wording for "failed to create X: <API error>", for the generators that wrap errors. */
  failedWhat?: string;
}

type Generator = (k: KubectlContext, name: string, rest: string[]) => Built | number;

function res(k: KubectlContext, typed: string): ApiResource {
  return resolveResource(k.resources(), typed) as ApiResource;
}

function fail(k: KubectlContext, message: string): number {
  k.err(`error: ${message}\n`);
  return 1;
}

/** The container name kubectl derives from an image: last path segment without tag or digest. */
export function containerNameFor(image: string): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0] ?? name;
  if (name.includes('@')) name = name.split('@')[0] ?? name;
  return name.replace(/_/g, '-');
}

const deployment: Generator = (k, name, command) => {
  const images = strings(k.flags, 'image');
  if (images.length === 0) return fail(k, 'required flag(s) "image" not set');
  // `-- COMMAND [args...]` becomes the one container's command.
  if (images.length > 1 && command.length > 0) return fail(k, 'cannot specify multiple --image options and command');
  const port = int(k.flags, 'port');
  const containers = images.map((image, i) => {
    const c: Record<string, unknown> = { image, name: containerNameFor(image), resources: {} };
    if (command.length > 0) c.command = command;
    // UNVERIFIED: kubectl puts --port on the first container only.
    if (port !== undefined && i === 0) c.ports = [{ containerPort: port }];
    return c;
  });
  const labels = { app: name };
  return {
    resource: res(k, 'deployments.apps'),
    failedWhat: 'deployment',
    object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { labels, name }, spec: { replicas: int(k.flags, 'replicas') ?? 1, selector: { matchLabels: labels }, strategy: {}, template: { metadata: { labels }, spec: { containers } } }, status: {} },
  };
};

const namespace: Generator = (k, name) => ({ resource: res(k, 'namespaces'), object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} } });

function service(type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'): Generator {
  return (k, name) => {
    const tcp = strings(k.flags, 'tcp').flatMap((t) => t.split(','));
    const clusterIP = str(k.flags, 'clusterip');
    if (type === 'ExternalName') {
      const external = str(k.flags, 'external-name');
      if (!external) return fail(k, 'required flag(s) "external-name" not set');
    } else if (tcp.length === 0 && !(type === 'ClusterIP' && clusterIP === 'None')) return fail(k, 'at least one tcp port specifier must be provided');
    const ports: Record<string, unknown>[] = [];
    for (const spec of tcp) {
      const [p = '', t] = spec.split(':');
      if (!/^\d+$/.test(p)) return fail(k, `strconv.Atoi: parsing "${p}": invalid syntax`);
      const port = Number(p);
      const target: string | number = t === undefined ? port : /^\d+$/.test(t) ? Number(t) : t;
      const entry: Record<string, unknown> = { name: `${port}-${String(target)}`, port, protocol: 'TCP', targetPort: target };
      const nodePort = int(k.flags, 'node-port');
      if (type === 'NodePort' && nodePort !== undefined && nodePort > 0) entry.nodePort = nodePort;
      ports.push(entry);
    }
    const spec: Record<string, unknown> = { ports, selector: { app: name }, type };
    if (type === 'ClusterIP' && clusterIP) spec.clusterIP = clusterIP;
    if (type === 'ExternalName') {
      spec.externalName = str(k.flags, 'external-name');
      if (ports.length === 0) delete spec.ports;
    }
    if (ports.length === 0 && type === 'ClusterIP') spec.ports = undefined;
    const object = { apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: name }, name }, spec: JSON.parse(JSON.stringify(spec)) as unknown, status: { loadBalancer: {} } } as KubeObject;
    return { resource: res(k, 'services'), object, failedWhat: `${type} service` };
  };
}

function podTemplateContainers(k: KubectlContext, name: string, rest: string[]): Record<string, unknown>[] {
  const image = strings(k.flags, 'image')[0] ?? '';
  const c: Record<string, unknown> = { image, name, resources: {} };
  if (rest.length) c.command = rest;
  return [c];
}

const job: Generator = (k, name, rest) => {
  const from = str(k.flags, 'from');
  if (from) {
    const [kind = '', source = ''] = from.split('/');
    if (!['cronjob', 'cronjobs', 'cj', 'cronjob.batch'].includes(kind.toLowerCase())) return fail(k, `from must be an existing cronjob: ${from}`);
    const conn = requireConnection(k);
    if (!conn) return 1;
    const cj = conn.client.get({ group: 'batch', version: 'v1', resource: 'cronjobs', namespace: conn.namespace, name: source });
    if (!cj.ok) {
      k.err(statusLine(cj.status) + '\n');
      return 1;
    }
    const spec = (cj.value.spec ?? {}) as { jobTemplate?: { metadata?: Record<string, unknown>; spec?: unknown } };
    const template = spec.jobTemplate ?? {};
    const meta = template.metadata ?? {};
    return {
      resource: res(k, 'jobs.batch'),
      object: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...((meta.annotations as Record<string, string> | undefined) ?? {}) }, labels: (meta.labels as Record<string, string> | undefined) ?? undefined, name, ownerReferences: [{ apiVersion: 'batch/v1', blockOwnerDeletion: true, controller: true, kind: 'CronJob', name: source, uid: cj.value.metadata.uid }] },
        spec: template.spec ?? {},
        status: {},
      } as KubeObject,
    };
  }
  if (strings(k.flags, 'image').length === 0) return fail(k, 'either --image or --from must be specified');
  return {
    resource: res(k, 'jobs.batch'),
    object: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { template: { metadata: {}, spec: { containers: podTemplateContainers(k, name, rest), restartPolicy: 'Never' } } }, status: {} },
  };
};

const cronjob: Generator = (k, name, rest) => {
  if (strings(k.flags, 'image').length === 0) return fail(k, 'required flag(s) "image" not set');
  const schedule = str(k.flags, 'schedule');
  if (!schedule) return fail(k, 'required flag(s) "schedule" not set');
  const restart = str(k.flags, 'restart') ?? 'OnFailure';
  if (restart !== 'OnFailure' && restart !== 'Never') return fail(k, `restart policy "${restart}" is not supported, supported restart policies are: "OnFailure", "Never"`);
  return {
    resource: res(k, 'cronjobs.batch'),
    object: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name }, spec: { jobTemplate: { metadata: { name }, spec: { template: { metadata: {}, spec: { containers: podTemplateContainers(k, name, rest), restartPolicy: restart } } } }, schedule }, status: {} },
  };
};

/** Reads --from-literal, --from-file and --from-env-file into key/value pairs (configmap, secret). */
function collectData(k: KubectlContext, what: 'configmap' | 'secret'): Record<string, string> | number {
  const data: Record<string, string> = {};
  if (strings(k.flags, 'from-env-file').length > 0 && (strings(k.flags, 'from-file').length > 0 || strings(k.flags, 'from-literal').length > 0)) {
    return fail(k, 'from-env-file cannot be combined with from-file or from-literal');
  }
  const add = (key: string, value: string): number | undefined => {
    if (!/^[-._a-zA-Z0-9]+$/.test(key)) return fail(k, `"${key}" is not a valid key name for a ${what === 'configmap' ? 'ConfigMap' : 'Secret'}: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`);
    if (key in data) return fail(k, `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ${what === 'configmap' ? 'ConfigMap' : 'Secret'} ${JSON.stringify(k.flags.positional[what === 'secret' ? 2 : 1] ?? '')}`);
    data[key] = value;
    return undefined;
  };
  for (const literal of strings(k.flags, 'from-literal')) {
    const eq = literal.indexOf('=');
    if (eq <= 0) return fail(k, `invalid literal source ${literal}, expected key=value`);
    // ParseLiteralSource trims every leading and trailing quote character from the value.
    const r = add(literal.slice(0, eq), literal.slice(eq + 1).replace(/^["']+|["']+$/g, ''));
    if (r !== undefined) return r;
  }
  const fs = k.shell.machine.fs;
  for (const source of strings(k.flags, 'from-file')) {
    const eq = source.indexOf('=');
    const key = eq >= 0 ? source.slice(0, eq) : undefined;
    const file = eq >= 0 ? source.slice(eq + 1) : source;
    const path = fs.resolve(k.shell.cwd, file);
    if (fs.isDir(path)) {
      if (key) return fail(k, 'cannot give a key name for a directory path');
      for (const n of fs.list(path)) {
        if (!fs.isFile(`${path}/${n}`)) continue;
        const r = add(n, fs.read(`${path}/${n}`) ?? '');
        if (r !== undefined) return r;
      }
      continue;
    }
    const content = fs.read(path);
    if (content === undefined) return fail(k, `error reading ${file}: no such file or directory`);
    const r = add(key ?? file.split('/').pop() ?? file, content);
    if (r !== undefined) return r;
  }
  for (const envFile of strings(k.flags, 'from-env-file')) {
    const content = fs.read(fs.resolve(k.shell.cwd, envFile));
    if (content === undefined) return fail(k, `error reading ${envFile}: no such file or directory`);
    for (const [i, raw] of content.split('\n').entries()) {
      const line = raw.replace(/^\uFEFF/, '').trimStart();
      if (line === '' || line.startsWith('#')) continue;
      const eq = line.indexOf('=');
      const key = eq < 0 ? line : line.slice(0, eq);
      if (eq < 0) continue;
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(key)) return fail(k, `"${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (line ${i + 1})`);
      const r = add(key, line.slice(eq + 1));
      if (r !== undefined) return r;
    }
  }
  return data;
}

const configmap: Generator = (k, name) => {
  const data = collectData(k, 'configmap');
  if (typeof data === 'number') return data;
  const object: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } };
  if (Object.keys(data).length) (object as unknown as Record<string, unknown>).data = data;
  return { resource: res(k, 'configmaps'), object, failedWhat: 'configmap' };
};

function base64Values(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([key, v]) => [key, encodeBase64(v)]));
}

const secret: Generator = (k, name, rest) => {
  const sub = k.flags.positional[1];
  const secretName = k.flags.positional[2];
  void rest;
  void name;
  if (sub !== 'generic' && sub !== 'docker-registry' && sub !== 'tls') {
    k.err(sub === undefined ? 'Make a Secret of one of three kinds.\n\n docker-registry holds credentials for pulling images from a registry, generic holds any keys and values\n (type Opaque), and tls holds a certificate and its private key.\n\nAvailable Commands:\n  docker-registry   Make a secret with registry credentials\n  generic           Make a secret from files, directories or literal values\n  tls               Make a secret from a certificate and key\n\nUsage:\n  kubectl create secret (docker-registry | generic | tls) [options]\n\nUse "kubectl create secret <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n' : unknownCommandMessage(sub, 'kubectl create secret', ['docker-registry', 'generic', 'tls']));
    return 1;
  }
  if (!secretName || k.flags.positional.length !== 3) {
    k.err(`error: exactly one NAME is required, got ${Math.max(0, k.flags.positional.length - 2)}\nSee 'kubectl create secret ${sub} -h' for help and examples\n`);
    return 1;
  }
  const resource = res(k, 'secrets');
  const object: Record<string, unknown> = { apiVersion: 'v1', kind: 'Secret', metadata: { name: secretName } };
  if (sub === 'generic') {
    const data = collectData(k, 'secret');
    if (typeof data === 'number') return data;
    if (Object.keys(data).length) object.data = base64Values(data);
    const type = str(k.flags, 'type');
    if (type) object.type = type;
  } else if (sub === 'docker-registry') {
    const username = str(k.flags, 'docker-username');
    const password = str(k.flags, 'docker-password');
    if (!username || !password) return fail(k, `required flag(s) ${[!username ? '"docker-username"' : '', !password ? '"docker-password"' : ''].filter(Boolean).join(', ')} not set`);
    const server = str(k.flags, 'docker-server') ?? 'https://index.docker.io/v1/';
    const entry: Record<string, string> = { username, password };
    const email = str(k.flags, 'docker-email');
    if (email) entry.email = email;
    entry.auth = encodeBase64(`${username}:${password}`);
    object.data = { '.dockerconfigjson': encodeBase64(JSON.stringify({ auths: { [server]: entry } })) };
    object.type = 'kubernetes.io/dockerconfigjson';
  } else {
    const cert = str(k.flags, 'cert');
    const key = str(k.flags, 'key');
    if (!cert || !key) return fail(k, `required flag(s) ${[!cert ? '"cert"' : '', !key ? '"key"' : ''].filter(Boolean).join(', ')} not set`);
    const fs = k.shell.machine.fs;
    const certText = fs.read(fs.resolve(k.shell.cwd, cert));
    const keyText = fs.read(fs.resolve(k.shell.cwd, key));
    if (certText === undefined) return fail(k, `open ${cert}: no such file or directory`);
    if (keyText === undefined) return fail(k, `open ${key}: no such file or directory`);
    // UNVERIFIED: kubectl also checks that the key matches the certificate (tls.X509KeyPair).
    object.data = { 'tls.crt': encodeBase64(certText), 'tls.key': encodeBase64(keyText) };
    object.type = 'kubernetes.io/tls';
  }
  return { resource, object: object as unknown as KubeObject, failedWhat: 'secret' };
};

const serviceaccount: Generator = (k, name) => ({ resource: res(k, 'serviceaccounts'), object: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name } } });

const VALID_VERBS = ['*', 'get', 'delete', 'list', 'create', 'update', 'patch', 'watch', 'proxy', 'redirect', 'deletecollection', 'use', 'bind', 'escalate', 'impersonate', 'approve', 'sign'];

function rules(k: KubectlContext, cluster: boolean): Record<string, unknown>[] | number {
  const verbs = strings(k.flags, 'verb').flatMap((v) => v.split(','));
  const resources = strings(k.flags, 'resource').flatMap((v) => v.split(','));
  const names = strings(k.flags, 'resource-name').flatMap((v) => v.split(','));
  const urls = strings(k.flags, 'non-resource-url').flatMap((v) => v.split(','));
  if (verbs.length === 0) return fail(k, 'at least one verb must be specified');
  if (resources.length === 0 && urls.length === 0) return fail(k, cluster ? 'one of resource or nonResourceURL must be specified' : 'at least one resource must be specified');
  for (const v of verbs) if (!VALID_VERBS.includes(v)) return fail(k, `invalid verb: '${v}'`);
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const [base = '', sub] = r.split('/');
    let group: string;
    let plural: string;
    if (base === '*') {
      group = '';
      plural = '*';
    } else {
      const found = resolveResource(k.resources(), base);
      if (!found) return fail(k, `resource ${base} not found`);
      group = found.group;
      plural = found.resource;
      const dot = base.indexOf('.');
      if (dot >= 0 && base.slice(dot + 1) !== found.group) group = base.slice(dot + 1);
    }
    const list = byGroup.get(group) ?? [];
    list.push(sub ? `${plural}/${sub}` : plural);
    byGroup.set(group, list);
  }
  const out: Record<string, unknown>[] = [];
  for (const [group, list] of byGroup) {
    const rule: Record<string, unknown> = { apiGroups: [group], resources: list };
    if (names.length) rule.resourceNames = names;
    rule.verbs = verbs;
    out.push(rule);
  }
  if (urls.length) out.push({ nonResourceURLs: urls, verbs });
  return out;
}

function role(cluster: boolean): Generator {
  return (k, name) => {
    const aggregation = cluster ? str(k.flags, 'aggregation-rule') : undefined;
    const object: Record<string, unknown> = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: cluster ? 'ClusterRole' : 'Role', metadata: { name } };
    if (aggregation) {
      object.aggregationRule = { clusterRoleSelectors: [{ matchLabels: parsePairs(aggregation) }] };
    } else {
      const r = rules(k, cluster);
      if (typeof r === 'number') return r;
      object.rules = r;
    }
    return { resource: res(k, cluster ? 'clusterroles.rbac.authorization.k8s.io' : 'roles.rbac.authorization.k8s.io'), object: object as unknown as KubeObject };
  };
}

function binding(cluster: boolean): Generator {
  return (k, name) => {
    const roleName = cluster ? undefined : str(k.flags, 'role');
    const clusterRole = str(k.flags, 'clusterrole');
    if (cluster && !clusterRole) return fail(k, 'required flag(s) "clusterrole" not set');
    if (!cluster && !roleName && !clusterRole) return fail(k, 'exactly one of clusterrole or role must be specified');
    if (!cluster && roleName && clusterRole) return fail(k, 'exactly one of clusterrole or role must be specified');
    const subjects: Record<string, unknown>[] = [];
    for (const u of strings(k.flags, 'user')) subjects.push({ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: u });
    for (const g of strings(k.flags, 'group')) subjects.push({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: g });
    for (const sa of strings(k.flags, 'serviceaccount')) {
      const parts = sa.split(':');
      if (parts.length !== 2 || !parts[0] || !parts[1]) return fail(k, `serviceaccount must be <namespace>:<name>`);
      subjects.push({ kind: 'ServiceAccount', name: parts[1], namespace: parts[0] });
    }
    const object: Record<string, unknown> = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding',
      metadata: { name },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleName ? 'Role' : 'ClusterRole', name: roleName ?? clusterRole },
    };
    if (subjects.length) object.subjects = subjects;
    return { resource: res(k, cluster ? 'clusterrolebindings.rbac.authorization.k8s.io' : 'rolebindings.rbac.authorization.k8s.io'), object: object as unknown as KubeObject };
  };
}

const quota: Generator = (k, name) => {
  const spec: Record<string, unknown> = {};
  const hard = str(k.flags, 'hard');
  if (hard) spec.hard = parsePairs(hard);
  const scopes = str(k.flags, 'scopes');
  if (scopes) spec.scopes = scopes.split(',');
  return { resource: res(k, 'resourcequotas'), object: { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec, status: {} } };
};

/** `--selector` with one of `--min-available` / `--max-unavailable` (a count or a percentage). */
const poddisruptionbudget: Generator = (k, name) => {
  const minAvailable = str(k.flags, 'min-available') ?? '';
  const maxUnavailable = str(k.flags, 'max-unavailable') ?? '';
  if (!minAvailable && !maxUnavailable) return fail(k, 'one of min-available or max-unavailable must be specified');
  if (minAvailable && maxUnavailable) return fail(k, 'min-available and max-unavailable cannot be both specified');
  const countOrPercent = /^[0-9]+%?$/;
  if (minAvailable && !countOrPercent.test(minAvailable)) return fail(k, 'invalid format specified for min-available');
  if (maxUnavailable && !countOrPercent.test(maxUnavailable)) return fail(k, 'invalid format specified for max-unavailable');
  const selector = toLabelSelector(str(k.flags, 'selector') ?? '');
  if ('error' in selector) return fail(k, selector.error);
  const intOrPercent = (v: string): number | string => (v.endsWith('%') ? v : Number(v));
  const spec: Record<string, unknown> = {};
  if (minAvailable) spec.minAvailable = intOrPercent(minAvailable);
  if (maxUnavailable) spec.maxUnavailable = intOrPercent(maxUnavailable);
  spec.selector = selector;
  return { resource: res(k, 'poddisruptionbudgets.policy'), object: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec, status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 } } };
};

const priorityclass: Generator = (k, name) => {
  const object: Record<string, unknown> = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, preemptionPolicy: str(k.flags, 'preemption-policy') ?? 'PreemptLowerPriority', value: int(k.flags, 'value') ?? 0 };
  const description = str(k.flags, 'description');
  if (description) object.description = description;
  if (bool(k.flags, 'global-default')) object.globalDefault = true;
  return { resource: res(k, 'priorityclasses.scheduling.k8s.io'), object: object as unknown as KubeObject };
};

/** `--rule=host/path=service:port[,tls[=secret]]`; a trailing `*` makes the path a Prefix match. */
const ingress: Generator = (k, name) => {
  const rulesOut: Record<string, unknown>[] = [];
  const tls: Record<string, unknown>[] = [];
  for (const rule of strings(k.flags, 'rule')) {
    const m = /^([^/=,]*)(\/[^=]*)?=([^:,]+):([^,]+)(,tls(=([^,]+))?)?$/.exec(rule);
    if (!m) return fail(k, `rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
    const host = m[1] ?? '';
    let path = m[2] ?? '/';
    const pathType = path.endsWith('*') ? 'Prefix' : 'Exact';
    if (path.endsWith('*')) path = path.slice(0, -1);
    const port = m[4] ?? '';
    const backend = { service: { name: m[3], port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
    const entry: Record<string, unknown> = {};
    if (host) entry.host = host;
    entry.http = { paths: [{ backend, path, pathType }] };
    const existing = rulesOut.find((r) => r.host === (host || undefined));
    if (existing && host) ((existing.http as { paths: unknown[] }).paths).push({ backend, path, pathType });
    else rulesOut.push(entry);
    if (m[5]) {
      const t: Record<string, unknown> = {};
      if (host) t.hosts = [host];
      if (m[7]) t.secretName = m[7];
      tls.push(t);
    }
  }
  const spec: Record<string, unknown> = {};
  const cls = str(k.flags, 'class');
  if (cls) spec.ingressClassName = cls;
  const def = str(k.flags, 'default-backend');
  if (def) {
    const [svc, port = ''] = def.split(':');
    spec.defaultBackend = { service: { name: svc, port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
  }
  if (rulesOut.length) spec.rules = rulesOut;
  if (tls.length) spec.tls = tls;
  const metadata: Record<string, unknown> = { name };
  const annotations = strings(k.flags, 'annotation');
  if (annotations.length) metadata.annotations = parsePairs(annotations.join(','));
  return { resource: res(k, 'ingresses.networking.k8s.io'), object: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec, status: { loadBalancer: {} } } };
};

const GENERATORS: Record<string, Generator> = {
  deployment,
  namespace,
  job,
  cronjob,
  configmap,
  secret,
  serviceaccount,
  role: role(false),
  clusterrole: role(true),
  rolebinding: binding(false),
  clusterrolebinding: binding(true),
  quota,
  poddisruptionbudget,
  priorityclass,
  ingress,
};

const SERVICE_TYPES: Record<string, Generator> = {
  clusterip: service('ClusterIP'),
  nodeport: service('NodePort'),
  loadbalancer: service('LoadBalancer'),
  externalname: service('ExternalName'),
};

export function runCreate(k: KubectlContext): number {
  const [typed, ...args] = k.flags.positional;
  if (typed === undefined || strings(k.flags, 'filename').length > 0) {
    if (strings(k.flags, 'filename').length === 0) {
      k.err("error: must specify one of -f and -k\n\n");
      return 1;
    }
    return runApply(k, 'create');
  }
  const what = ALIASES[typed] ?? typed;
  let generator: Generator | undefined = GENERATORS[what];
  let nameArgs = args;
  let command = `create ${what}`;
  if (what === 'service') {
    const sub = args[0];
    generator = sub !== undefined ? SERVICE_TYPES[sub] : undefined;
    if (!generator) {
      k.err(sub === undefined ? 'error: unknown command "" for "kubectl create service"\n' : unknownCommandMessage(sub, 'kubectl create service', Object.keys(SERVICE_TYPES)));
      return 1;
    }
    nameArgs = args.slice(1);
    command = `create service ${sub}`;
  }
  if (what === 'token') return runCreateToken(k, args);
  if (!generator) {
    k.err(unknownCommandMessage(typed, 'kubectl create', SUBCOMMANDS));
    return 1;
  }
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  if (!checkOutputFormat(k)) return 1;
  let name: string | undefined = '';
  if (what !== 'secret') {
    const names = k.flags.rest.length > 0 ? nameArgs.slice(0, 1) : nameArgs;
    name = exactlyOneName(k, command, names);
    if (name === undefined) return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const built = generator(k, name, k.flags.rest);
  if (typeof built === 'number') return built;
  const { object, resource } = built;
  // With an explicit -n the generated object names its namespace, as kubectl's EnforceNamespace does.
  if (resource.namespaced && conn.namespaceExplicit) object.metadata.namespace = conn.namespace;
  if (dryRun === 'client') return printOutcome(k, object, resource, 'created', dryRun) ? 0 : 1;
  const r = conn.client.create(refOf(resource, conn.namespace), object, { ...dryRunQuery(dryRun), fieldManager: 'kubectl-create' });
  if (!r.ok) {
    // deployment, service, configmap and secret wrap every API error in their own words (secret without a colon).
    if (built.failedWhat === 'secret') k.err(`error: failed to create secret ${r.status.message ?? ''}\n`);
    else if (built.failedWhat) k.err(`error: failed to create ${built.failedWhat}: ${r.status.message ?? ''}\n`);
    else k.err(statusLine(r.status) + '\n');
    return 1;
  }
  return printOutcome(k, r.value, resource, 'created', dryRun) ? 0 : 1;
}
