/**
 * `kubectl taint nodes NAME key=value:Effect` (add) and `key:Effect-` / `key-` (remove): patches
 * spec.taints and prints `node/NAME tainted` or `untainted` (`modified` when both).
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { parseTargets } from './get';
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, dryRunSuffix, OUTPUT_FLAG } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const TAINT_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'validate', type: 'string' },
  { name: 'field-manager', type: 'string' },
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
];

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** parseTaints: `key=value:Effect` to add, `key[:Effect]-` to remove. */
function parseSpecs(specs: string[]): { add: Taint[]; remove: { key: string; effect?: string }[] } | { error: string } {
  const add: Taint[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const colon = body.indexOf(':');
      // `key=value:Effect-` removes by key and effect too: the value does not matter (checked against kubectl v1.34).
      const key = (colon < 0 ? body : body.slice(0, colon)).split('=')[0] ?? '';
      const effect = colon < 0 ? undefined : body.slice(colon + 1);
      if (effect !== undefined && !EFFECTS.includes(effect)) return { error: `invalid taint effect: ${effect}, unsupported taint effect` };
      remove.push({ key, effect });
      continue;
    }
    const colon = spec.lastIndexOf(':');
    if (colon < 0) return { error: `invalid taint spec: ${spec}, unknown taint spec: ${spec}` };
    const kv = spec.slice(0, colon);
    const effect = spec.slice(colon + 1);
    if (!EFFECTS.includes(effect)) return { error: `invalid taint effect: ${effect}, unsupported taint effect` };
    const eq = kv.indexOf('=');
    const key = eq < 0 ? kv : kv.slice(0, eq);
    if (!/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key)) return { error: `invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')` };
    const t: Taint = { key, effect };
    if (eq >= 0) t.value = kv.slice(eq + 1);
    add.push(t);
  }
  return { add, remove };
}

export function runTaint(k: KubectlContext): number {
  const args = k.flags.positional;
  const specs = args.filter((a, i) => i > 0 && (a.includes(':') || a.endsWith('-') || a.includes('=')));
  const targetArgs = args.filter((a) => !specs.includes(a));
  if (targetArgs.length === 0 || (targetArgs.length < 2 && !bool(k.flags, 'all') && !str(k.flags, 'selector') && !targetArgs[0]?.includes('/'))) {
    k.err("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples\n");
    return 1;
  }
  if (specs.length === 0) {
    k.err("error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples\n");
    return 1;
  }
  const parsed = parseSpecs(specs);
  if ('error' in parsed) {
    k.err(`error: ${parsed.error}\n`);
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
  const nodes: KubeObject[] = [];
  for (const t of targets) {
    if (t.resource.kind !== 'Node') {
      k.err(`error: invalid resource type ${t.resource.resource}, only nodes are supported\n`);
      return 1;
    }
    if (t.names.length === 0) {
      const selector = str(k.flags, 'selector');
      const list = conn.client.list({ group: '', version: 'v1', resource: 'nodes' }, selector ? { labelSelector: selector } : {});
      if (list.ok) nodes.push(...list.value.items);
      continue;
    }
    for (const name of t.names) {
      const r = conn.client.get({ group: '', version: 'v1', resource: 'nodes', name });
      if (!r.ok) {
        k.err(statusLine(r.status) + '\n');
        return 1;
      }
      nodes.push(r.value);
    }
  }
  let code = 0;
  for (const node of nodes) {
    const name = String(node.metadata.name);
    const spec = isRecord(node.spec) ? node.spec : {};
    const current: Taint[] = (Array.isArray(spec.taints) ? spec.taints : []).filter(isRecord).map((t) => t as unknown as Taint);
    let next = current.map((t) => ({ ...t }));
    for (const r of parsed.remove) {
      const before = next.length;
      next = next.filter((t) => !(t.key === r.key && (r.effect === undefined || t.effect === r.effect)));
      if (next.length === before) {
        k.err(`error: taint ${JSON.stringify(r.effect ? `${r.key}:${r.effect}` : r.key)} not found\n`);
        return 1;
      }
    }
    for (const a of parsed.add) {
      const same = next.findIndex((t) => t.key === a.key && t.effect === a.effect);
      if (same >= 0) {
        if (!bool(k.flags, 'overwrite')) {
          k.err(`error: node ${name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false\n`);
          return 1;
        }
        next[same] = a;
      } else next.push(a);
    }
    const operation = parsed.add.length > 0 && parsed.remove.length > 0 ? 'modified' : parsed.add.length > 0 ? 'tainted' : 'untainted';
    if (dryRun !== 'client') {
      const r = conn.client.patch({ group: '', version: 'v1', resource: 'nodes', name }, 'strategic', { spec: { taints: next.length ? next : null } }, { ...dryRunQuery(dryRun), fieldManager: 'kubectl-taint' });
      if (!r.ok) {
        k.err(statusLine(r.status) + '\n');
        code = 1;
        continue;
      }
    }
    k.out(`node/${name} ${operation}${dryRunSuffix(dryRun)}\n`);
  }
  return code;
}
