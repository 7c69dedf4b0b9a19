/**
 * kubectl's imperative verbs learners type most: `run`, `create deployment|namespace`, `scale` and
 * `label`, building the same objects kubectl builds and printing what it prints.
 */
import type { KubeObject } from '../../../api/meta';
import { text } from '../../../api/meta';
import { kindPrefix } from '../../../client/discovery';
import { bool, int, str, strings, type FlagSpec } from '../../../kubectl/flags';
import { parseTargets } from './get';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const RUN_FLAGS: FlagSpec[] = [
  { name: 'image', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'env', type: 'stringArray' },
  { name: 'command', type: 'bool' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'rm', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
];

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [k, v = ''] = part.split('=');
    out[k ?? ''] = v;
  }
  return out;
}

export function runRun(k: KubectlContext): number {
  const [name] = k.flags.positional;
  const image = str(k.flags, 'image');
  if (!name) {
    k.err('error: NAME is required for run\nSee \'kubectl run -h\' for help and examples\n');
    return 1;
  }
  if (!image) {
    k.err('error: --image is required\n');
    return 1;
  }
  if (bool(k.flags, 'stdin') || bool(k.flags, 'tty')) {
    k.err('error: interactive pods (-i/-t) are not available in the lab yet; run the pod, then use kubectl commands on it\n');
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const container: Record<string, unknown> = { name, image, resources: {} };
  const rest = k.flags.rest;
  if (rest.length) {
    if (bool(k.flags, 'command')) container.command = rest;
    else container.args = rest;
  }
  const port = str(k.flags, 'port');
  if (port) container.ports = [{ containerPort: Number(port) }];
  const env = strings(k.flags, 'env');
  if (env.length) container.env = env.map((e) => ({ name: e.split('=')[0], value: e.slice(e.indexOf('=') + 1) }));
  const policy = str(k.flags, 'image-pull-policy');
  if (policy) container.imagePullPolicy = policy;
  const restart = str(k.flags, 'restart') ?? 'Always';
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: str(k.flags, 'labels') ? parseLabels(str(k.flags, 'labels') ?? '') : { run: name } },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
  };
  const dryRun = str(k.flags, 'dry-run');
  if (dryRun === 'client') {
    k.out(`pod/${name} created (dry run)\n`);
    return 0;
  }
  const r = conn.client.create({ group: '', version: 'v1', resource: 'pods', namespace: conn.namespace }, pod, dryRun === 'server' ? { dryRun: 'All' } : {});
  if (!r.ok) {
    k.err(statusLine(r.status) + '\n');
    return 1;
  }
  k.out(`pod/${name} created${dryRun === 'server' ? ' (server dry run)' : ''}\n`);
  return 0;
}

export const CREATE_DEPLOYMENT_FLAGS: FlagSpec[] = [
  { name: 'image', type: 'stringArray' },
  { name: 'replicas', short: 'r', type: 'int' },
  { name: 'port', type: 'int' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'save-config', type: 'bool' },
];

/** `kubectl create deployment NAME --image=...` and `kubectl create namespace NAME`. */
export function runCreateResource(k: KubectlContext, what: string): number {
  const [name] = k.flags.positional.slice(1);
  if (!name) {
    k.err('error: exactly one NAME is required, got 0\nSee \'kubectl create ' + what + ' -h\' for help and examples\n');
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  let ref;
  let body: KubeObject;
  if (what === 'namespace' || what === 'ns') {
    ref = { group: '', version: 'v1', resource: 'namespaces' };
    body = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
  } else {
    const images = strings(k.flags, 'image');
    if (images.length === 0) {
      k.err('error: required flag(s) "image" not set\n');
      return 1;
    }
    // Container names come from the image's last path segment, without tag or digest.
    const containers = images.map((image) => {
      const base = (image.split('/').pop() ?? image).split(/[:@]/)[0] ?? image;
      const c: Record<string, unknown> = { name: base.replace(/[^a-z0-9-]/g, '-'), image, resources: {} };
      const port = int(k.flags, 'port');
      if (port !== undefined) c.ports = [{ containerPort: port }];
      return c;
    });
    ref = { group: 'apps', version: 'v1', resource: 'deployments', namespace: conn.namespace };
    body = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels: { app: name } },
      spec: { replicas: int(k.flags, 'replicas') ?? 1, selector: { matchLabels: { app: name } }, strategy: {}, template: { metadata: { labels: { app: name } }, spec: { containers } } },
    };
  }
  const r = conn.client.create(ref, body);
  if (!r.ok) {
    if (r.status.reason === 'AlreadyExists') k.err(`error: failed to create ${body.kind.toLowerCase()}: ${r.status.message ?? ''}\n`);
    else k.err(statusLine(r.status) + '\n');
    return 1;
  }
  k.out(`${body.kind === 'Namespace' ? 'namespace' : 'deployment.apps'}/${name} created\n`);
  return 0;
}

export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int' },
  { name: 'current-replicas', type: 'int' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
];

export function runScale(k: KubectlContext): number {
  const replicas = int(k.flags, 'replicas');
  if (replicas === undefined) {
    k.err('error: required flag(s) "replicas" not set\n');
    return 1;
  }
  if (replicas < 0) {
    k.err('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const targets = parseTargets(k, k.flags.positional);
  if ('error' in targets) {
    k.err(targets.error + '\n');
    return 1;
  }
  let status = 0;
  for (const t of targets) {
    for (const name of t.names) {
      const r = conn.client.patch({ group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace: conn.namespace, name, subresource: 'scale' }, 'merge', { spec: { replicas } });
      if (!r.ok) {
        k.err(statusLine(r.status) + '\n');
        status = 1;
      } else k.out(`${kindPrefix(t.resource)}/${name} scaled\n`);
    }
  }
  return status;
}

export const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
];

/** `kubectl label TYPE NAME key=value key2-`: adds, changes (with --overwrite) or removes labels. */
export function runLabel(k: KubectlContext): number {
  const args = k.flags.positional;
  const changes = args.filter((a) => a.includes('=') || a.endsWith('-'));
  const targetArgs = args.filter((a) => !changes.includes(a));
  if (changes.length === 0) {
    k.err('error: at least one label update is required\n');
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const targets = parseTargets(k, targetArgs);
  if ('error' in targets) {
    k.err(targets.error + '\n');
    return 1;
  }
  let status = 0;
  for (const t of targets) {
    for (const name of t.names) {
      const ref = { group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace: t.resource.namespaced ? conn.namespace : undefined, name };
      const current = conn.client.get(ref);
      if (!current.ok) {
        k.err(statusLine(current.status) + '\n');
        status = 1;
        continue;
      }
      const labels: Record<string, string | null> = {};
      let failed = false;
      for (const change of changes) {
        if (change.endsWith('-') && !change.includes('=')) {
          labels[change.slice(0, -1)] = null;
          continue;
        }
        const [key = '', value = ''] = change.split('=');
        const existing = current.value.metadata.labels?.[key];
        if (existing !== undefined && existing !== value && !bool(k.flags, 'overwrite')) {
          k.err(`error: '${key}' already has a value (${existing}), and --overwrite is false\n`);
          failed = true;
          break;
        }
        labels[key] = value;
      }
      if (failed) {
        status = 1;
        continue;
      }
      const r = conn.client.patch(ref, 'merge', { metadata: { labels } });
      if (!r.ok) {
        k.err(statusLine(r.status) + '\n');
        status = 1;
        continue;
      }
      const unchanged = r.value.metadata.resourceVersion === current.value.metadata.resourceVersion;
      k.out(`${kindPrefix(t.resource)}/${text(name)} ${unchanged ? 'not labeled' : 'labeled'}\n`);
    }
  }
  return status;
}
