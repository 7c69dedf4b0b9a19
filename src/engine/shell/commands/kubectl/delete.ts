/** `kubectl delete TYPE NAME...` / `-f FILE`: deletes, then waits (in virtual time) until the objects are gone. */
import { kindPrefix, type ApiResource } from '../../../client/discovery';
import { bool, int, str, strings, type FlagSpec } from '../../../kubectl/flags';
import { parseTargets } from './get';
import { readManifestSources, resourceFor } from './apply';
import { requireConnection, statusLine, type KubectlContext } from './context';
import type { VerbResult } from './index';
import { waitUntilGone } from './wait-for-deletion';
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, dryRunSuffix } from './common';

export const DELETE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'all', type: 'bool' },
  { name: 'grace-period', type: 'int' },
  { name: 'force', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'wait', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'cascade', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  DRY_RUN_FLAG,
];

interface Target {
  resource: ApiResource;
  namespace: string | undefined;
  name: string;
}

export function runDelete(k: KubectlContext): VerbResult {
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  const conn = requireConnection(k);
  if (!conn) return 1;
  const targets: Target[] = [];
  let status = 0;
  if (strings(k.flags, 'filename').length > 0) {
    const docs = readManifestSources(k);
    if (!docs) return 1;
    for (const d of docs) {
      const r = resourceFor(k, d.object);
      if (!r) continue;
      targets.push({ resource: r, namespace: r.namespaced ? (d.object.metadata.namespace ?? conn.namespace) : undefined, name: String(d.object.metadata.name) });
    }
  } else {
    if (k.flags.positional.length === 0) {
      k.err("error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
      return 1;
    }
    const parsed = parseTargets(k, k.flags.positional);
    if ('error' in parsed) {
      k.err(parsed.error + '\n');
      return 1;
    }
    const selector = str(k.flags, 'selector');
    for (const p of parsed) {
      const namespace = p.resource.namespaced ? conn.namespace : undefined;
      if (p.names.length) for (const name of p.names) targets.push({ resource: p.resource, namespace, name });
      else if (selector !== undefined || bool(k.flags, 'all')) {
        const list = conn.client.list({ group: p.resource.group, version: p.resource.version, resource: p.resource.resource, namespace }, selector ? { labelSelector: selector } : {});
        if (list.ok) for (const item of list.value.items) targets.push({ resource: p.resource, namespace, name: String(item.metadata.name) });
      } else {
        k.err('error: resource(s) were provided, but no name was specified\n');
        return 1;
      }
    }
    if (targets.length === 0) {
      k.err(conn.namespace && parsed.some((p) => p.resource.namespaced) ? `No resources found\n` : 'No resources found\n');
      return 0;
    }
  }
  const force = bool(k.flags, 'force');
  const grace = bool(k.flags, 'now') ? 1 : int(k.flags, 'grace-period');
  const cascade = str(k.flags, 'cascade') ?? 'background';
  const propagationPolicy = cascade === 'orphan' ? 'Orphan' : cascade === 'foreground' ? 'Foreground' : 'Background';
  const options: Record<string, unknown> = { propagationPolicy };
  if (force && grace === 0) {
    options.gracePeriodSeconds = 0;
    k.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  } else if (grace !== undefined && grace >= 0) options.gracePeriodSeconds = grace === 0 ? 1 : grace;
  const deleted: { ref: { group: string; version: string; resource: string; namespace?: string; name: string }; uid: string }[] = [];
  for (const t of targets) {
    const ref = { group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace: t.namespace, name: t.name };
    // A client dry run only checks the object exists; a server dry run asks the server to go through the motions.
    const r = dryRun === 'client' ? conn.client.get(ref) : conn.client.delete(ref, options, dryRunQuery(dryRun));
    if (!r.ok) {
      if (r.code === 404 && bool(k.flags, 'ignore-not-found')) continue;
      k.err(statusLine(r.status) + '\n');
      status = 1;
      continue;
    }
    const where = t.namespace !== undefined ? ` from ${t.namespace} namespace` : '';
    const verb = force && grace === 0 ? 'force deleted' : 'deleted';
    k.out(str(k.flags, 'output') === 'name' ? `${kindPrefix(t.resource)}/${t.name}\n` : `${t.resource.kind.toLowerCase()}${t.resource.group ? '.' + t.resource.group : ''} "${t.name}" ${verb}${where}${dryRunSuffix(dryRun)}\n`);
    if (dryRun !== 'none') continue;
    deleted.push({ ref, uid: String(r.value.metadata.uid) });
  }
  // kubectl waits (--wait=true) until every deleted object is really gone.
  const wait = k.flags.values.get('wait') !== false && !(force && grace === 0);
  if (!wait || deleted.length === 0) return status;
  return waitUntilGone(conn.client, deleted, status);
}
