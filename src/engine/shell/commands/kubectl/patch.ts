/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`: sends the patch (YAML or JSON,
 * converted to JSON as kubectl does) and prints `kind/name patched`, or `patched (no change)`.
 */
import type { KubeObject } from '../../../api/meta';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { parseYamlStream } from '../../../kubectl/yaml/parse';
import { parseTargets } from './get';
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, OUTPUT_FLAG, printOutcome, refOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';
import { readManifestSources, resourceFor } from './apply';

export const PATCH_FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'subresource', type: 'string' },
  { name: 'field-manager', type: 'string' },
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
];

/** yaml.ToJSON: the patch text as a JSON value, or kubectl's parse error. */
export function parsePatch(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    const y = parseYamlStream(text);
    if (!y.ok) return { error: `unable to parse "${text}": ${y.message}` };
    return { value: y.documents[0] ?? null };
  }
}

export function runPatch(k: KubectlContext): number {
  const type = str(k.flags, 'type') ?? 'strategic';
  if (!['json', 'merge', 'strategic'].includes(type)) {
    k.err(`error: --type must be one of [json merge strategic], not "${type}"\n`);
    return 1;
  }
  let text = str(k.flags, 'patch');
  const file = str(k.flags, 'patch-file');
  if (text !== undefined && file !== undefined) {
    k.err('error: --patch and --patch-file are mutually exclusive\n');
    return 1;
  }
  if (file !== undefined) {
    text = k.shell.machine.fs.read(k.shell.machine.fs.resolve(k.shell.cwd, file));
    if (text === undefined) {
      k.err(`error: unable to read patch file: open ${file}: no such file or directory\n`);
      return 1;
    }
  }
  if (text === undefined || text === '') {
    k.err('error: must specify --patch or --patch-file containing the contents of the patch\n');
    return 1;
  }
  const parsed = parsePatch(text);
  if ('error' in parsed) {
    k.err(`error: ${parsed.error}\n`);
    return 1;
  }
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  const conn = requireConnection(k);
  if (!conn) return 1;
  const items: { resource: ReturnType<typeof resourceFor>; name: string; namespace?: string }[] = [];
  if ((k.flags.values.get('filename') as string[] | undefined)?.length) {
    const docs = readManifestSources(k);
    if (!docs) return 1;
    for (const d of docs) items.push({ resource: resourceFor(k, d.object), name: String(d.object.metadata.name), namespace: d.object.metadata.namespace });
  } else {
    const targets = parseTargets(k, k.flags.positional);
    if ('error' in targets) {
      k.err(targets.error + '\n');
      return 1;
    }
    for (const t of targets) {
      if (t.names.length === 0) {
        k.err('error: resource(s) were provided, but no name was specified\n');
        return 1;
      }
      for (const name of t.names) items.push({ resource: t.resource, name });
    }
  }
  if (items.length === 0) {
    k.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
    return 1;
  }
  let code = 0;
  for (const item of items) {
    if (!item.resource) continue;
    const ref = { ...refOf(item.resource, item.namespace ?? conn.namespace), name: item.name, subresource: str(k.flags, 'subresource') };
    const before = conn.client.get({ ...ref, subresource: undefined });
    if (!before.ok) {
      k.err(statusLine(before.status) + '\n');
      code = 1;
      continue;
    }
    // UNVERIFIED: kubectl applies client-side dry-run patches locally; here the server's dry run does it.
    if (bool(k.flags, 'local')) {
      k.err('error: --local is not available in the lab\n');
      return 1;
    }
    const r = conn.client.patch(ref, type as 'json' | 'merge' | 'strategic', parsed.value, { ...(dryRun === 'none' ? {} : dryRunQuery('server')), fieldManager: 'kubectl-patch' });
    if (!r.ok) {
      k.err(statusLine(r.status) + '\n');
      code = 1;
      continue;
    }
    const unchanged = JSON.stringify(comparable(r.value)) === JSON.stringify(comparable(before.value));
    if (!printOutcome(k, r.value, item.resource, unchanged ? 'patched (no change)' : 'patched', dryRun)) return 1;
  }
  return code;
}

/** The object without the fields every write touches, to tell a real change from none. */
function comparable(o: KubeObject): unknown {
  const { resourceVersion: _rv, generation: _g, managedFields: _m, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}
