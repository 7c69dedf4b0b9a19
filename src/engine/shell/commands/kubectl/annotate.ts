/** `kubectl annotate TYPE NAME key=value key2-`: adds, changes (with --overwrite) or removes annotations. */
import { kindPrefix } from '../../../client/discovery';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { parseTargets } from './get';
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, dryRunSuffix, OUTPUT_FLAG, refOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const ANNOTATE_FLAGS: FlagSpec[] = [
  { name: 'overwrite', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'resource-version', type: 'string' },
  { name: 'list', type: 'bool' },
  { name: 'local', type: 'bool' },
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
];

export function runAnnotate(k: KubectlContext): number {
  const args = k.flags.positional;
  // Like kubectl's GetResourcesAndPairs: any argument with `=` or a trailing `-` is an annotation change.
  const changes = args.filter((a) => a.includes('=') || a.endsWith('-'));
  const targetArgs = args.filter((a) => !changes.includes(a));
  if (changes.length === 0 && !bool(k.flags, 'list')) {
    k.err("error: at least one annotation update is required\nSee 'kubectl annotate -h' for help and examples\n");
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
  let code = 0;
  for (const t of targets) {
    let names = t.names;
    if (names.length === 0) {
      const selector = str(k.flags, 'selector');
      if (!selector && !bool(k.flags, 'all')) {
        k.err('error: resource(s) were provided, but no name was specified\n');
        return 1;
      }
      const list = conn.client.list(refOf(t.resource, conn.namespace), selector ? { labelSelector: selector } : {});
      names = list.ok ? list.value.items.map((i) => String(i.metadata.name)) : [];
    }
    for (const name of names) {
      const ref = { ...refOf(t.resource, conn.namespace), name };
      const current = conn.client.get(ref);
      if (!current.ok) {
        k.err(statusLine(current.status) + '\n');
        code = 1;
        continue;
      }
      if (bool(k.flags, 'list')) {
        for (const [key, v] of Object.entries(current.value.metadata.annotations ?? {})) k.out(`${key}=${v}\n`);
        continue;
      }
      const annotations: Record<string, string | null> = {};
      const conflicts: string[] = [];
      for (const change of changes) {
        if (change.endsWith('-') && !change.includes('=')) {
          annotations[change.slice(0, -1)] = null;
          continue;
        }
        const eq = change.indexOf('=');
        const key = change.slice(0, eq);
        const value = change.slice(eq + 1);
        const existing = current.value.metadata.annotations?.[key];
        if (existing !== undefined && existing !== value && !bool(k.flags, 'overwrite')) conflicts.push(`'${key}' already has a value (${existing}), and --overwrite is false`);
        annotations[key] = value;
      }
      if (conflicts.length > 0) {
        k.err(`error: ${conflicts.join('\n')}\n`);
        code = 1;
        continue;
      }
      if (dryRun !== 'client') {
        const r = conn.client.patch(ref, 'merge', { metadata: { annotations } }, { ...dryRunQuery(dryRun), fieldManager: 'kubectl-annotate' });
        if (!r.ok) {
          k.err(statusLine(r.status) + '\n');
          code = 1;
          continue;
        }
      }
      k.out(`${kindPrefix(t.resource)}/${name} annotated${dryRunSuffix(dryRun)}\n`);
    }
  }
  return code;
}
