/**
 * Who owns which fields of an object (metadata.managedFields), kept as kube-apiserver's field
 * manager keeps it (k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager and structured-merge-diff's
 * merge.Updater): every create, update and non-apply patch is an `Update` by the request's manager,
 * owning what it added or changed; an apply patch is an `Apply` owning exactly what its
 * configuration names, failing on fields another manager owns with a different value unless forced,
 * and removing the fields it stopped naming that nobody else owns.
 */
import { isRecord } from '../../api/meta';
import { decodeFieldsV1, encodeFieldsV1, FieldSet, pathString, sortedElements } from './fieldpath';
import { compare, merge, removePath, toFieldSet, type Comparison } from './typed';

export type Operation = 'Apply' | 'Update';

/** One manager's fields (a metav1.ManagedFieldsEntry, decoded). */
export interface ManagerFields {
  manager: string;
  operation: Operation;
  apiVersion: string;
  subresource?: string;
  time?: string;
  set: FieldSet;
}

/** BuildManagerIdentifier: appliers are one manager whatever the apiVersion; time never counts. */
function identity(m: Pick<ManagerFields, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  return JSON.stringify([m.manager, m.operation, m.operation === 'Apply' ? '' : m.apiVersion, m.subresource ?? '']);
}

export type Managers = Map<string, ManagerFields>;

/** Decoded entries of stored (frozen) objects, with their identity: most writes leave most entries as they were. */
const decodedEntries = new WeakMap<object, { id: string; m: ManagerFields }>();

export function decodeManagedFields(entries: unknown): Managers {
  const managers: Managers = new Map();
  if (!Array.isArray(entries)) return managers;
  for (const e of entries) {
    const known = isRecord(e) && Object.isFrozen(e) ? decodedEntries.get(e) : undefined;
    if (known) {
      managers.set(known.id, known.m);
      continue;
    }
    if (!isRecord(e) || typeof e.manager !== 'string' || (e.operation !== 'Apply' && e.operation !== 'Update')) continue;
    const m: ManagerFields = { manager: e.manager, operation: e.operation, apiVersion: typeof e.apiVersion === 'string' ? e.apiVersion : '', set: decodeFieldsV1(e.fieldsV1) };
    if (typeof e.subresource === 'string' && e.subresource) m.subresource = e.subresource;
    if (typeof e.time === 'string') m.time = e.time;
    const id = identity(m);
    managers.set(id, m);
    if (Object.isFrozen(e) && isEncoded(e, m)) {
      decodedEntries.set(e, { id, m });
      encodedEntries.set(m, e);
    }
  }
  return managers;
}

/** The entries encodeManagedFields wrote, by the decoded manager they came back as (an unchanged manager is written back as that same entry). */
const encodedEntries = new WeakMap<ManagerFields, Record<string, unknown>>();

/** Whether `e` is exactly what encodeManagedFields writes for `m`. */
function isEncoded(e: Record<string, unknown>, m: ManagerFields): boolean {
  const keys = ['manager', 'operation', 'apiVersion', ...(m.time !== undefined ? ['time'] : []), 'fieldsType', 'fieldsV1', ...(m.subresource ? ['subresource'] : [])];
  const actual = Object.keys(e);
  return e.fieldsType === 'FieldsV1' && e.apiVersion === m.apiVersion && e.fieldsV1 === encodeFieldsV1(m.set) && actual.length === keys.length && actual.every((k, i) => k === keys[i]);
}

/** The entries in the order kube-apiserver writes them: Apply before Update, then by time and manager. */
export function encodeManagedFields(managers: Managers): Record<string, unknown>[] {
  const list = [...managers.values()].filter((m) => !m.set.isEmpty());
  list.sort((p, q) => {
    if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1;
    const pt = p.time ?? '';
    const qt = q.time ?? '';
    if (pt !== qt) return pt < qt ? -1 : 1;
    if (p.manager !== q.manager) return p.manager < q.manager ? -1 : 1;
    if (p.apiVersion !== q.apiVersion) return p.apiVersion < q.apiVersion ? -1 : 1;
    return (p.subresource ?? '') < (q.subresource ?? '') ? -1 : (p.subresource ?? '') > (q.subresource ?? '') ? 1 : 0;
  });
  return list.map((m) => {
    const written = encodedEntries.get(m);
    if (written) return written;
    const e: Record<string, unknown> = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion };
    if (m.time !== undefined) e.time = m.time;
    e.fieldsType = 'FieldsV1';
    e.fieldsV1 = encodeFieldsV1(m.set);
    if (m.subresource) e.subresource = m.subresource;
    return e;
  });
}

/** What one write is: who makes it, at which version, on which subresource, and what it may not own. */
export interface WriteContext {
  manager: string;
  apiVersion: string;
  subresource?: string;
  nowIso: string;
  /** Reset fields of the strategy (status on the main resource), never owned. */
  ignored: FieldSet;
}

/** Fields no manager owns: kube-apiserver strips them before tracking (stripMeta). */
const STRIPPED = FieldSet.of([
  ['f:apiVersion'], ['f:kind'],
  ...['name', 'namespace', 'creationTimestamp', 'selfLink', 'uid', 'clusterName', 'generation', 'managedFields', 'resourceVersion'].map((f) => ['f:metadata', `f:${f}`]),
]);

function filtered(c: Comparison, ignored: FieldSet): Comparison {
  const drop = (s: FieldSet) => s.withoutSubtrees(ignored).difference(STRIPPED);
  return { added: drop(c.added), modified: drop(c.modified), removed: drop(c.removed) };
}

function withoutManagedFields(object: unknown): unknown {
  if (!isRecord(object) || !isRecord(object.metadata)) return object;
  const { managedFields: _m, ...metadata } = object.metadata;
  return { ...object, metadata };
}

/**
 * Updater.update: takes the changed fields away from every other manager (or reports them as
 * conflicts when not forced) and forgets removed fields everywhere.
 */
function settle(managers: Managers, self: string, c: Comparison, force: boolean): { managers: Managers } | { conflicts: ManagerFields[] } {
  const changed = c.modified.union(c.added);
  const conflicts: ManagerFields[] = [];
  const next: Managers = new Map();
  for (const [id, m] of managers) {
    if (id === self) {
      next.set(id, m);
      continue;
    }
    const conflict = m.set.intersection(changed);
    if (!conflict.isEmpty()) conflicts.push({ ...m, set: conflict });
    const set = m.set.difference(conflict).difference(c.removed);
    if (!set.isEmpty()) next.set(id, set === m.set ? m : { ...m, set });
  }
  if (!force && conflicts.length) return { conflicts };
  return { managers: next };
}

/** An `Update` (create, update, non-apply patch): the manager owns what it added or changed. */
export function trackUpdate(managers: Managers, live: unknown, next: unknown, ctx: WriteContext): Managers {
  const c = filtered(compare(withoutManagedFields(live), withoutManagedFields(next)), ctx.ignored);
  const settled = settle(managers, '', c, true);
  const result = 'managers' in settled ? settled.managers : managers;
  const owned = c.modified.union(c.added);
  if (owned.isEmpty()) return result;
  const self: ManagerFields = { manager: ctx.manager, operation: 'Update', apiVersion: ctx.apiVersion, set: owned, time: ctx.nowIso };
  if (ctx.subresource) self.subresource = ctx.subresource;
  const id = identity(self);
  const previous = result.get(id);
  if (previous) self.set = previous.set.union(owned);
  result.set(id, self);
  return result;
}

export interface Conflict {
  manager: ManagerFields;
  path: string[];
}

export type ApplyResult = { object: Record<string, unknown>; managers: Managers } | { conflicts: Conflict[] };

/** An `Apply`: merges the configuration, prunes what the manager gave up, and owns what it names. */
export function trackApply(managers: Managers, live: Record<string, unknown>, config: Record<string, unknown>, ctx: WriteContext, force: boolean): ApplyResult {
  const bare = withoutManagedFields(live) as Record<string, unknown>;
  const newSet = toFieldSet(config).withoutSubtrees(ctx.ignored).difference(STRIPPED);
  const self: ManagerFields = { manager: ctx.manager, operation: 'Apply', apiVersion: ctx.apiVersion, set: newSet };
  if (ctx.subresource) self.subresource = ctx.subresource;
  const id = identity(self);
  const last = managers.get(id);
  const merged = merge(bare, config) as Record<string, unknown>;
  const withSelf: Managers = new Map(managers);
  withSelf.set(id, self);
  if (last) prune(merged, last.set.difference(newSet), withSelf);
  const c = filtered(compare(bare, merged), ctx.ignored);
  const settled = settle(withSelf, id, c, force);
  if ('conflicts' in settled) return { conflicts: settled.conflicts.flatMap((m) => iterate(m.set).map((path) => ({ manager: m, path }))) };
  const changed = !c.added.isEmpty() || !c.modified.isEmpty() || !c.removed.isEmpty();
  if (changed) self.time = ctx.nowIso;
  else if (last?.time) self.time = last.time;
  return { object: merged, managers: settled.managers };
}

/** Removes the given-up fields nobody else owns, deepest first so an item goes after its fields. */
function prune(object: Record<string, unknown>, givenUp: FieldSet, managers: Managers): void {
  const owners = [...managers.values()];
  const paths = givenUp.paths().sort((a, b) => b.length - a.length);
  for (const p of paths) {
    if (owners.some((m) => m.set.touches(p))) continue;
    removePath(object, p);
  }
}

/** Set.Iterate's order: a node's members, then its children's. */
function iterate(set: FieldSet, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  const keys = sortedElements([...set.children.keys()]);
  for (const pe of keys) if ((set.children.get(pe) as FieldSet).member) out.push([...prefix, pe]);
  for (const pe of keys) out.push(...iterate(set.children.get(pe) as FieldSet, [...prefix, pe]));
  return out;
}

function printManager(m: ManagerFields): string {
  if (m.operation === 'Update') return `${JSON.stringify(m.manager)} using ${m.apiVersion}`;
  return m.subresource ? `${JSON.stringify(m.manager)} with subresource ${JSON.stringify(m.subresource)}` : JSON.stringify(m.manager);
}

/** internal.NewConflictError's message and causes. */
export function conflictStatus(conflicts: readonly Conflict[]): { message: string; causes: { reason: string; message: string; field: string }[] } {
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: pathString(c.path) }));
  const [only] = conflicts;
  if (conflicts.length === 1 && only) return { message: `Apply failed with 1 conflict: conflict with ${printManager(only.manager)}: ${pathString(only.path)}`, causes };
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const key = printManager(c.manager);
    byManager.set(key, [...(byManager.get(key) ?? []), pathString(c.path)]);
  }
  const lines: string[] = [];
  for (const key of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${key}:`);
    for (const p of byManager.get(key) ?? []) lines.push(`- ${p}`);
  }
  return { message: `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`, causes };
}
