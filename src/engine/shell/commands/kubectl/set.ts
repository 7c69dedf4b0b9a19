/**
 * `kubectl set image|env|resources`: changes the containers of a pod template (or a pod) with a
 * JSON patch and prints `deployment.apps/web image updated`.
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import { kindPrefix } from '../../../client/discovery';
import { bool, str, strings, type FlagSpec } from '../../../kubectl/flags';
import { unknownCommandMessage } from '../../../kubectl/suggest';
import { parseTargets } from './get';
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, OUTPUT_FLAG, parsePairs, printOutcome, refOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const SET_FLAGS: FlagSpec[] = [
  { name: 'containers', short: 'c', type: 'string' },
  { name: 'env', short: 'e', type: 'stringArray' },
  { name: 'list', type: 'bool' },
  { name: 'resolve', type: 'bool' },
  { name: 'from', type: 'string' },
  { name: 'prefix', type: 'string' },
  { name: 'keys', type: 'stringArray' },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'limits', type: 'string' },
  { name: 'requests', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'local', type: 'bool' },
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
];

const SUBCOMMANDS = ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'];

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (isRecord(v) ? v : {});

/** Where the pod spec lives in each workload kind. */
export function podSpecPath(kind: string): string[] | undefined {
  if (kind === 'Pod') return ['spec'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  if (['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job', 'ReplicationController', 'PodTemplate'].includes(kind)) return kind === 'PodTemplate' ? ['template', 'spec'] : ['spec', 'template', 'spec'];
  return undefined;
}

function at(object: unknown, path: string[]): Obj {
  let v: unknown = object;
  for (const p of path) v = rec(v)[p];
  return rec(v);
}

interface Change {
  /** JSON patch operations for this object; empty when nothing changes. */
  ops: unknown[];
  error?: string;
}

type Mutator = (object: KubeObject, path: string[]) => Change;

function eachObject(k: KubectlContext, args: string[], mutate: Mutator, verb: string): number {
  const conn = requireConnection(k);
  if (!conn) return 1;
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  const parsed = parseTargets(k, args);
  if ('error' in parsed) {
    k.err(parsed.error + '\n');
    return 1;
  }
  let code = 0;
  for (const p of parsed) {
    let names = p.names;
    if (names.length === 0) {
      const selector = str(k.flags, 'selector');
      if (!selector && !bool(k.flags, 'all')) {
        k.err('error: resource(s) were provided, but no name was specified\n');
        return 1;
      }
      const list = conn.client.list(refOf(p.resource, conn.namespace), selector ? { labelSelector: selector } : {});
      names = list.ok ? list.value.items.map((i) => String(i.metadata.name)) : [];
    }
    for (const name of names) {
      const ref = { ...refOf(p.resource, conn.namespace), name };
      const current = conn.client.get(ref);
      if (!current.ok) {
        k.err(statusLine(current.status) + '\n');
        code = 1;
        continue;
      }
      const path = podSpecPath(current.value.kind || p.resource.kind);
      if (!path) {
        k.err(`error: ${kindPrefix(p.resource)}/${name} ${current.value.kind || p.resource.kind} is not supported\n`);
        code = 1;
        continue;
      }
      const change = mutate(current.value, path);
      if (change.error) {
        k.err(`error: ${change.error}\n`);
        code = 1;
        continue;
      }
      let result = current.value;
      if (change.ops.length > 0 && dryRun !== 'client') {
        const r = conn.client.patch(ref, 'json', change.ops, { ...dryRunQuery(dryRun), fieldManager: 'kubectl-set' });
        if (!r.ok) {
          k.err(`error: failed to patch ${verb}: ${statusLine(r.status).replace(/^Error from server \(\w+\): /, '')}\n`);
          code = 1;
          continue;
        }
        result = r.value;
      }
      if (!printOutcome(k, result, p.resource, `${verb} updated`, dryRun)) return 1;
    }
  }
  return code;
}

function selectedContainers(k: KubectlContext, spec: Obj): { index: number; c: Obj; list: 'containers' | 'initContainers' }[] {
  const selector = str(k.flags, 'containers') ?? '*';
  const out: { index: number; c: Obj; list: 'containers' | 'initContainers' }[] = [];
  for (const list of ['initContainers', 'containers'] as const) {
    (Array.isArray(spec[list]) ? (spec[list] as unknown[]) : []).forEach((c, index) => {
      const name = String(rec(c).name);
      if (selector === '*' || selector.split(',').includes(name)) out.push({ index, c: rec(c), list });
    });
  }
  return out;
}

function setImage(k: KubectlContext): number {
  const args = k.flags.positional.slice(1);
  // `container=image` pairs: images may hold `/` (registry.k8s.io/...), resources never hold `=`.
  const pairs = args.filter((a) => a.includes('='));
  const targets = args.filter((a) => !pairs.includes(a));
  if (pairs.length === 0) {
    k.err("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples\n");
    return 1;
  }
  return eachObject(
    k,
    targets,
    (object, path) => {
      const spec = at(object, path);
      const ops: unknown[] = [];
      for (const pair of pairs) {
        const eq = pair.indexOf('=');
        const name = pair.slice(0, eq);
        const image = pair.slice(eq + 1);
        let found = false;
        for (const list of ['initContainers', 'containers'] as const) {
          const containers = Array.isArray(spec[list]) ? (spec[list] as unknown[]) : [];
          containers.forEach((c, i) => {
            if (name !== '*' && rec(c).name !== name) return;
            found = true;
            if (rec(c).image !== image) ops.push({ op: 'replace', path: `/${[...path, list, String(i), 'image'].join('/')}`, value: image });
          });
        }
        if (!found) return { ops: [], error: `unable to find container named "${name}"` };
      }
      return { ops };
    },
    'image',
  );
}

function setEnv(k: KubectlContext): number {
  const args = k.flags.positional.slice(1);
  const envArgs = [...args.filter((a) => /^[A-Za-z_][A-Za-z0-9_.-]*(=|-$)/.test(a) && !a.includes('/')), ...strings(k.flags, 'env')];
  const targets = args.filter((a) => !envArgs.includes(a));
  const list = bool(k.flags, 'list');
  if (envArgs.length === 0 && !list && !str(k.flags, 'from')) {
    k.err('error: at least one environment variable must be provided\n');
    return 1;
  }
  if (list) {
    const conn = requireConnection(k);
    if (!conn) return 1;
    const parsed = parseTargets(k, targets);
    if ('error' in parsed) {
      k.err(parsed.error + '\n');
      return 1;
    }
    for (const p of parsed) {
      for (const name of p.names) {
        const r = conn.client.get({ ...refOf(p.resource, conn.namespace), name });
        if (!r.ok) {
          k.err(statusLine(r.status) + '\n');
          return 1;
        }
        const path = podSpecPath(r.value.kind) ?? ['spec'];
        for (const { c } of selectedContainers(k, at(r.value, path))) {
          k.out(`# ${p.resource.kind} ${name}, container ${String(c.name)}\n`);
          for (const e of Array.isArray(c.env) ? c.env.map(rec) : []) {
            if (typeof e.value === 'string') k.out(`${String(e.name)}=${e.value}\n`);
            else if (isRecord(e.valueFrom)) {
              const from = e.valueFrom;
              const ref = rec(from.configMapKeyRef ?? from.secretKeyRef ?? from.fieldRef ?? from.resourceFieldRef);
              const kind = from.configMapKeyRef ? 'configmap' : from.secretKeyRef ? 'secret' : from.fieldRef ? 'field path' : 'resource';
              const what = from.fieldRef ? String(ref.fieldPath) : from.resourceFieldRef ? String(ref.resource) : `${String(ref.name)}, key ${String(ref.key)}`;
              k.out(`# ${String(e.name)} from ${kind} ${what}\n`);
            } else k.out(`${String(e.name)}=\n`);
          }
        }
      }
    }
    return 0;
  }
  const sets: { name: string; value: string }[] = [];
  const removes: string[] = [];
  for (const e of envArgs) {
    if (e.endsWith('-') && !e.includes('=')) removes.push(e.slice(0, -1));
    else {
      const eq = e.indexOf('=');
      sets.push({ name: e.slice(0, eq), value: e.slice(eq + 1) });
    }
  }
  return eachObject(
    k,
    targets,
    (object, path) => {
      const ops: unknown[] = [];
      for (const { index, c, list } of selectedContainers(k, at(object, path))) {
        const env = (Array.isArray(c.env) ? c.env.map(rec) : []).map((e) => ({ ...e }));
        const before = JSON.stringify(env);
        for (const s of sets) {
          const existing = env.find((e) => e.name === s.name);
          if (existing) {
            delete existing.valueFrom;
            existing.value = s.value;
          } else env.push({ name: s.name, value: s.value });
        }
        const kept = env.filter((e) => !removes.includes(String(e.name)));
        if (JSON.stringify(kept) === before) continue;
        const p = `/${[...path, list, String(index), 'env'].join('/')}`;
        ops.push(kept.length > 0 ? { op: 'add', path: p, value: kept } : { op: 'remove', path: p });
      }
      return { ops };
    },
    'env',
  );
}

function setResources(k: KubectlContext): number {
  const limits = str(k.flags, 'limits');
  const requests = str(k.flags, 'requests');
  if (!limits && !requests) {
    k.err('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n');
    return 1;
  }
  return eachObject(
    k,
    k.flags.positional.slice(1),
    (object, path) => {
      const ops: unknown[] = [];
      const containers = selectedContainers(k, at(object, path)).filter((c) => c.list === 'containers');
      if (containers.length === 0) return { ops, error: `unable to find container named ${str(k.flags, 'containers') ?? ''}` };
      for (const { index, c } of containers) {
        const resources = { ...rec(c.resources) };
        if (limits) resources.limits = { ...rec(resources.limits), ...parsePairs(limits) };
        if (requests) resources.requests = { ...rec(resources.requests), ...parsePairs(requests) };
        ops.push({ op: 'add', path: `/${[...path, 'containers', String(index), 'resources'].join('/')}`, value: resources });
      }
      return { ops };
    },
    'resource requirements',
  );
}

export function runSet(k: KubectlContext): number {
  const sub = k.flags.positional[0];
  if (sub === undefined) {
    k.out('Change fields of existing workloads without editing their manifests.\n\nAvailable Commands:\n  env              Add, change or remove environment variables of a pod template\n  image            Switch the image of containers in a pod template\n  resources        Change the requests and limits of containers in a pod template\n  selector         Replace the selector of a resource\n  serviceaccount   Change the service account of a pod template\n  subject          Change the users, groups or service accounts of a role binding\n\nUsage:\n  kubectl set SUBCOMMAND [options]\n\nUse "kubectl set <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
    return 0;
  }
  if (sub === 'image') return setImage(k);
  if (sub === 'env') return setEnv(k);
  if (sub === 'resources') return setResources(k);
  if (SUBCOMMANDS.includes(sub)) {
    k.err(`error: kubectl set ${sub} is not available in the lab yet\n`);
    return 1;
  }
  k.err(unknownCommandMessage(sub, 'kubectl set', SUBCOMMANDS));
  return 1;
}
