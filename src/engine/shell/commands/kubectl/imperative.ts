/**
 * kubectl's imperative verbs learners type most: `run`, `scale` and `label` (the `create`
 * generators live in create.ts), building the same objects kubectl builds and printing what it prints.
 */
import type { KubeObject } from '../../../api/meta';
import { text } from '../../../api/meta';
import { kindPrefix } from '../../../client/discovery';
import { bool, int, str, strings, type FlagSpec } from '../../../kubectl/flags';
import { parseTargets } from './get';
import { requireConnection, statusLine, type KubectlContext } from './context';
import { attachToNewPod } from './attach';
import { parseDuration } from './wait';
import type { VerbResult } from './index';
import { applyOverrides, checkOutputFormat, DRY_RUN_FLAG, dryRunOf, dryRunQuery, dryRunSuffix, OVERRIDE_FLAGS, printOutcome } from './common';

export const RUN_FLAGS: FlagSpec[] = [
  { name: 'image', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'env', type: 'stringArray' },
  { name: 'command', type: 'bool' },
  DRY_RUN_FLAG,
  { name: 'output', short: 'o', type: 'string' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'rm', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'pod-running-timeout', type: 'string' },
  ...OVERRIDE_FLAGS,
];

function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const [k, v = ''] = part.split('=');
    out[k ?? ''] = v;
  }
  return out;
}

export function runRun(k: KubectlContext): VerbResult {
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
  const interactive = bool(k.flags, 'stdin') || bool(k.flags, 'tty');
  if (bool(k.flags, 'rm') && !interactive) {
    k.err('error: --rm should only be used for attached containers\n');
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const container: Record<string, unknown> = { name, image, resources: {} };
  // -i keeps the container's stdin open for one attach, -t gives it a terminal (as kubectl sets them).
  if (bool(k.flags, 'stdin')) {
    container.stdin = true;
    container.stdinOnce = true;
  }
  if (bool(k.flags, 'tty')) container.tty = true;
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
  const generated: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: str(k.flags, 'labels') ? parseLabels(str(k.flags, 'labels') ?? '') : { run: name } },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
  const pod = applyOverrides(k, generated);
  if (!pod) return 1;
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  if (!checkOutputFormat(k)) return 1;
  const pods = { kind: 'Pod', group: '' };
  if (dryRun === 'client') return printOutcome(k, pod, pods, 'created', dryRun) ? 0 : 1;
  const r = conn.client.create({ group: '', version: 'v1', resource: 'pods', namespace: conn.namespace }, pod, { ...dryRunQuery(dryRun), fieldManager: 'kubectl-run' });
  if (!r.ok) {
    k.err(statusLine(r.status) + '\n');
    return 1;
  }
  // `run -i/-t`: no "created" line; the terminal attaches to the new pod (attach.ts) and --rm deletes it after.
  if (interactive && dryRun === 'none') {
    const timeoutMs = parseDuration(str(k.flags, 'pod-running-timeout') ?? '1m0s') ?? 60_000;
    return attachToNewPod(k, name, conn.namespace, { stdin: bool(k.flags, 'stdin'), tty: bool(k.flags, 'tty'), quiet: bool(k.flags, 'quiet'), remove: bool(k.flags, 'rm'), restartPolicy: restart, timeoutMs });
  }
  return printOutcome(k, r.value, pods, 'created', dryRun) ? 0 : 1;
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
  let scaled = 0;
  for (const t of targets) {
    let names = t.names;
    // -l / --all pick the objects by listing them, as kubectl's resource builder does.
    const selector = str(k.flags, 'selector');
    if (names.length === 0 && !selector && !bool(k.flags, 'all')) {
      k.err('error: resource(s) were provided, but no name was specified\n');
      return 1;
    }
    if (names.length === 0) {
      const list = conn.client.list({ group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace: t.resource.namespaced ? conn.namespace : undefined }, selector ? { labelSelector: selector } : {});
      names = list.ok ? list.value.items.map((i) => String(i.metadata.name)) : [];
    }
    for (const name of names) {
      scaled++;
      const r = conn.client.patch({ group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace: conn.namespace, name, subresource: 'scale' }, 'merge', { spec: { replicas } });
      if (!r.ok) {
        k.err(statusLine(r.status) + '\n');
        status = 1;
      } else k.out(`${kindPrefix(t.resource)}/${name} scaled\n`);
    }
  }
  if (scaled === 0 && status === 0) {
    k.err('error: no objects passed to scale\n');
    return 1;
  }
  return status;
}

export const LABEL_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'list', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  DRY_RUN_FLAG,
];

/** `kubectl label TYPE NAME key=value key2-`: adds, changes (with --overwrite) or removes labels. */
export function runLabel(k: KubectlContext): number {
  const args = k.flags.positional;
  // Like kubectl's GetResourcesAndPairs: any argument with `=` or a trailing `-` is a label change (keys may hold a `/`).
  const changes = args.filter((a) => a.includes('=') || a.endsWith('-'));
  const targetArgs = args.filter((a) => !changes.includes(a));
  const listing = bool(k.flags, 'list');
  if (changes.length === 0 && !listing) {
    k.err("error: at least one label update is required\nSee 'kubectl label -h' for help and examples\n");
    return 1;
  }
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  const conn = requireConnection(k);
  if (!conn) return 1;
  const targets = parseTargets(k, targetArgs);
  if ('error' in targets) {
    k.err(targets.error + '\n');
    return 1;
  }
  let status = 0;
  for (const t of targets) {
    let names = t.names;
    if (names.length === 0) {
      const selector = str(k.flags, 'selector');
      if (!selector && !bool(k.flags, 'all')) {
        k.err('error: resource(s) were provided, but no name was specified\n');
        return 1;
      }
      const list = conn.client.list({ group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace: t.resource.namespaced ? conn.namespace : undefined }, selector ? { labelSelector: selector } : {});
      names = list.ok ? list.value.items.map((i) => String(i.metadata.name)) : [];
    }
    for (const name of names) {
      const ref = { group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace: t.resource.namespaced ? conn.namespace : undefined, name };
      const current = conn.client.get(ref);
      if (!current.ok) {
        k.err(statusLine(current.status) + '\n');
        status = 1;
        continue;
      }
      if (listing) {
        k.out(`Listing labels for ${t.resource.kind}.${t.resource.group}/${name}:\n`);
        for (const [key, v] of Object.entries(current.value.metadata.labels ?? {})) k.out(` ${key}=${v}\n`);
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
      if (dryRun === 'client') {
        k.out(`${kindPrefix(t.resource)}/${text(name)} labeled (dry run)\n`);
        continue;
      }
      const r = conn.client.patch(ref, 'merge', { metadata: { labels } }, { ...dryRunQuery(dryRun), fieldManager: 'kubectl-label' });
      if (!r.ok) {
        k.err(statusLine(r.status) + '\n');
        status = 1;
        continue;
      }
      const unchanged = r.value.metadata.resourceVersion === current.value.metadata.resourceVersion;
      // updateDataChangeMsg: a change that shrank the labels (without --overwrite) reads "unlabeled".
      const shrank = Object.keys(r.value.metadata.labels ?? {}).length < Object.keys(current.value.metadata.labels ?? {}).length;
      const msg = unchanged ? 'not labeled' : shrank && !bool(k.flags, 'overwrite') ? 'unlabeled' : 'labeled';
      if (str(k.flags, 'output') === 'name') k.out(`${kindPrefix(t.resource)}/${text(name)}\n`);
      else k.out(`${kindPrefix(t.resource)}/${text(name)} ${msg}${dryRunSuffix(dryRun)}\n`);
    }
  }
  return status;
}
