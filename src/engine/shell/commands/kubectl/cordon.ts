/** `kubectl cordon|uncordon NODE`: sets or clears spec.unschedulable (`node/x cordoned`, `already cordoned`). */
import { str, type FlagSpec } from '../../../kubectl/flags';
import { parseTargets } from './get';
import { DRY_RUN_FLAG, dryRunOf, dryRunQuery, dryRunSuffix } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const CORDON_FLAGS: FlagSpec[] = [{ name: 'selector', short: 'l', type: 'string' }, DRY_RUN_FLAG];

/** Marks one node (un)schedulable; returns false on an API error (already printed). */
export function setUnschedulable(k: KubectlContext, name: string, desired: boolean, dryRun: 'none' | 'client' | 'server'): boolean {
  const conn = requireConnection(k);
  if (!conn) return false;
  const ref = { group: '', version: 'v1', resource: 'nodes', name };
  const node = conn.client.get(ref);
  if (!node.ok) {
    k.err(statusLine(node.status) + '\n');
    return false;
  }
  const spec = (node.value.spec ?? {}) as { unschedulable?: boolean };
  const word = desired ? 'cordoned' : 'uncordoned';
  if ((spec.unschedulable === true) === desired) {
    k.out(`node/${name} already ${word}\n`);
    return true;
  }
  if (dryRun !== 'client') {
    const r = conn.client.patch(ref, 'strategic', { spec: { unschedulable: desired ? true : null } }, dryRunQuery(dryRun));
    if (!r.ok) {
      k.err(statusLine(r.status) + '\n');
      return false;
    }
  }
  k.out(`node/${name} ${word}${dryRunSuffix(dryRun)}\n`);
  return true;
}

export function runCordon(k: KubectlContext, desired: boolean): number {
  const verb = desired ? 'cordon' : 'uncordon';
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  const selector = str(k.flags, 'selector');
  if (k.flags.positional.length === 0 && !selector) {
    k.err(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  let names: string[];
  if (k.flags.positional.length === 0) {
    const list = conn.client.list({ group: '', version: 'v1', resource: 'nodes' }, selector ? { labelSelector: selector } : {});
    names = list.ok ? list.value.items.map((n) => String(n.metadata.name)) : [];
  } else {
    // kubectl reads each argument as a node name, or TYPE/NAME (ResourceNames("nodes", args...)).
    const args = k.flags.positional.map((arg) => (arg.includes('/') ? arg : `nodes/${arg}`));
    const parsed = parseTargets(k, args);
    if ('error' in parsed) {
      k.err(parsed.error + '\n');
      return 1;
    }
    names = parsed.flatMap((p) => p.names);
  }
  let code = 0;
  for (const name of names) if (!setUnschedulable(k, name, desired, dryRun)) code = 1;
  return code;
}
