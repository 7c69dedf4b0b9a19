/**
 * The three walks structured-merge-diff makes over objects, for the built-in types' schema
 * (schema.ts): the field set an applied configuration names (ToFieldSet), what changed between two
 * objects (Compare: added, modified, removed), and an applied configuration merged onto the live
 * object (Merge), plus removing fields a manager gave up.
 */
import { deepCopy, isRecord } from '../../api/meta';
import { FieldSet } from './fieldpath';
import { isAtomicMap, keyElement, listTypeOf } from './schema';

type Json = unknown;

interface Item {
  pe: string;
  value: Json;
}

/** The path elements of a list's items, or undefined for an atomic list (and items without keys). */
function listItems(list: readonly Json[], fields: readonly string[]): Item[] | undefined {
  const t = listTypeOf(fields);
  if (t.type === 'atomic') return undefined;
  const items: Item[] = [];
  for (const value of list) {
    const pe = t.type === 'set' ? `v:${JSON.stringify(value)}` : keyElement(value, t.keys);
    if (pe === undefined) return undefined;
    items.push({ pe, value });
  }
  return items;
}

const fieldName = (pe: string) => pe.slice(2);

function isEmptyContainer(v: Json): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (isRecord(v) && Object.keys(v).length === 0);
}

/** typed.ToFieldSet: every scalar, list item and map entry of the configuration; atomic values whole. */
export function toFieldSet(object: Json): FieldSet {
  const set = new FieldSet();
  const walk = (v: Json, path: string[], fields: string[]) => {
    if (Array.isArray(v)) {
      const items = listItems(v, fields);
      if (!items) return void set.insert(path);
      for (const it of items) {
        set.insert([...path, it.pe]);
        walk(it.value, [...path, it.pe], fields);
      }
    } else if (isRecord(v)) {
      if (path.length > 0 && isAtomicMap(fields)) return void set.insert(path);
      for (const [k, child] of Object.entries(v)) {
        const p = [...path, `f:${k}`];
        if (child === null || (isRecord(child) && Object.keys(child).length === 0)) set.insert(p);
        walk(child, p, [...fields, k]);
      }
    } else if (path.length > 0) {
      set.insert(path);
    }
  };
  walk(object, [], []);
  return set;
}

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

function equal(a: Json, b: Json): boolean {
  // Scalars (nearly every leaf) compare as their JSON would.
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isRecord(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** typed.Compare: `undefined` is an absent field; `null` is a present one. */
export function compare(lhs: Json, rhs: Json): Comparison {
  return new Comparer().run(lhs, rhs);
}

/** One walk of Compare, with one path and one field-name stack; a path is copied only when recorded. */
class Comparer {
  private readonly c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  private readonly path: string[] = [];
  private readonly fields: string[] = [];

  run(lhs: Json, rhs: Json): Comparison {
    this.walk(lhs, rhs);
    return this.c;
  }

  private leaf(l: Json, r: Json): void {
    if (l === undefined && r === undefined) return;
    if (l === undefined) this.c.added.insert(this.path);
    else if (r === undefined) this.c.removed.insert(this.path);
    else if (!equal(l, r)) this.c.modified.insert(this.path);
  }

  private walk(l: Json, r: Json): void {
    const isList = Array.isArray(l) || Array.isArray(r);
    const isMap = !isList && (isRecord(l) || isRecord(r));
    if (!isList && !isMap) return this.leaf(l, r);
    if (isEmptyContainer(l) && isEmptyContainer(r)) return this.leaf(l, r);
    const path = this.path;
    if (isList) {
      const li = Array.isArray(l) ? listItems(l, this.fields) : [];
      const ri = Array.isArray(r) ? listItems(r, this.fields) : [];
      if (!li || !ri || (l !== undefined && l !== null && !Array.isArray(l)) || (r !== undefined && r !== null && !Array.isArray(r))) return this.leaf(l, r);
      const lm = new Map(li.map((it) => [it.pe, it.value]));
      const rm = new Map(ri.map((it) => [it.pe, it.value]));
      for (const [pe, lv] of lm) this.item(pe, lv, rm.get(pe));
      for (const [pe, rv] of rm) if (!lm.has(pe)) this.item(pe, undefined, rv);
    } else {
      if (path.length > 0 && isAtomicMap(this.fields)) return this.leaf(l, r);
      if ((l !== undefined && l !== null && !isRecord(l)) || (r !== undefined && r !== null && !isRecord(r))) return this.leaf(l, r);
      const lo = isRecord(l) ? l : {};
      const ro = isRecord(r) ? r : {};
      for (const k of Object.keys(lo)) this.field(k, lo[k], ro[k]);
      for (const k of Object.keys(ro)) if (!Object.prototype.hasOwnProperty.call(lo, k)) this.field(k, undefined, ro[k]);
    }
    if (path.length === 0) return;
    if (l === undefined) this.c.added.insert(path);
    else if (r === undefined) this.c.removed.insert(path);
  }

  private item(pe: string, l: Json, r: Json): void {
    this.path.push(pe);
    this.walk(l, r);
    this.path.pop();
  }

  private field(k: string, l: Json, r: Json): void {
    this.path.push(`f:${k}`);
    this.fields.push(k);
    this.walk(l, r);
    this.fields.pop();
    this.path.pop();
  }
}

/** typed.Merge: the configuration's values win; associative lists and sets merge item by item. */
export function merge(live: Json, config: Json, fields: string[] = []): Json {
  if (config === undefined) return deepCopy(live);
  if (Array.isArray(config) && Array.isArray(live)) {
    const li = listItems(live, fields);
    const ri = listItems(config, fields);
    if (!li || !ri) return deepCopy(config);
    const fromConfig = new Map(ri.map((it) => [it.pe, it.value]));
    const out: Json[] = li.map((it) => (fromConfig.has(it.pe) ? merge(it.value, fromConfig.get(it.pe), fields) : deepCopy(it.value)));
    const seen = new Set(li.map((it) => it.pe));
    for (const it of ri) if (!seen.has(it.pe)) out.push(deepCopy(it.value));
    return out;
  }
  if (isRecord(config) && isRecord(live) && !(fields.length > 0 && isAtomicMap(fields))) {
    const out: Record<string, Json> = { ...deepCopy(live) };
    for (const [k, v] of Object.entries(config)) out[k] = merge(live[k], v, [...fields, k]);
    return out;
  }
  return deepCopy(config);
}

/** Removes the field, list item or map entry at `path` (in place); a missing path is no error. */
export function removePath(object: Json, path: readonly string[], fields: string[] = []): void {
  const [pe, ...rest] = path;
  if (pe === undefined) return;
  if (isRecord(object) && pe.startsWith('f:')) {
    const name = fieldName(pe);
    if (rest.length === 0) delete object[name];
    else removePath(object[name], rest, [...fields, name]);
    return;
  }
  if (Array.isArray(object)) {
    const items = listItems(object, fields);
    const index = items ? items.findIndex((it) => it.pe === pe) : -1;
    if (index < 0) return;
    if (rest.length === 0) object.splice(index, 1);
    else removePath(object[index], rest, fields);
  }
}
