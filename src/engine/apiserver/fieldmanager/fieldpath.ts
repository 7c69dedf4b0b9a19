/**
 * Field sets as structured-merge-diff keeps them (sigs.k8s.io/structured-merge-diff/v4 fieldpath):
 * a tree of path elements, each node either a member of the set itself, a parent of members, or
 * both. Path elements are kept serialized as FieldsV1 writes them: `f:<field>`, `k:<key json>` for
 * an item of an associative list, `v:<value json>` for an item of a set, `i:<index>`.
 */

/**
 * One node of a field set; the root's `member` is never set. A set is built by `insert` and never
 * changed afterwards: the set operations share unchanged subtrees between their inputs and results.
 * Every node but the root has a member at or below it.
 */
export class FieldSet {
  member = false;
  readonly children = new Map<string, FieldSet>();

  static of(paths: readonly (readonly string[])[]): FieldSet {
    const set = new FieldSet();
    for (const p of paths) set.insert(p);
    return set;
  }

  insert(path: readonly string[]): void {
    let node: FieldSet | undefined;
    for (const pe of path) {
      const parent: FieldSet = node ?? this;
      node = parent.children.get(pe);
      if (!node) {
        node = new FieldSet();
        parent.children.set(pe, node);
      }
    }
    if (node) node.member = true;
  }

  /** The node at `path`, if the set has members there or below. */
  child(path: readonly string[]): FieldSet | undefined {
    const [pe, ...rest] = path;
    if (pe === undefined) return this;
    return this.children.get(pe)?.child(rest);
  }

  has(path: readonly string[]): boolean {
    return path.length > 0 && this.child(path)?.member === true;
  }

  /** True when `path` or anything below it is a member. */
  touches(path: readonly string[]): boolean {
    const node = this.child(path);
    return node !== undefined && (node.member || !node.isEmpty());
  }

  isEmpty(): boolean {
    for (const c of this.children.values()) if (c.member || !c.isEmpty()) return false;
    return true;
  }

  /** Every member path, parents before children, siblings in FieldsV1 order. */
  paths(prefix: string[] = []): string[][] {
    const out: string[][] = [];
    for (const pe of sortedElements([...this.children.keys()])) {
      const c = this.children.get(pe) as FieldSet;
      const p = [...prefix, pe];
      if (c.member) out.push(p);
      out.push(...c.paths(p));
    }
    return out;
  }

  /** Both sets' members; this very set when `other` adds nothing to it. */
  union(other: FieldSet): FieldSet {
    if (other.children.size === 0 && (this.member || !other.member)) return this;
    if (this.children.size === 0 && (other.member || !this.member)) return other;
    let out: FieldSet | undefined;
    const changed = (): FieldSet => {
      if (!out) {
        out = new FieldSet();
        out.member = this.member;
        for (const [k, v] of this.children) out.children.set(k, v);
      }
      return out;
    };
    if (other.member && !this.member) changed().member = true;
    for (const [pe, o] of other.children) {
      const c = this.children.get(pe);
      const merged = c ? c.union(o) : o;
      if (merged !== c) changed().children.set(pe, merged);
    }
    return out ?? this;
  }

  /** The members of this set that are not members of `other`. */
  difference(other: FieldSet): FieldSet {
    if (other.children.size === 0) return this;
    return this.filtered((c, o) => (o ? c.difference(o) : c), (c, o) => c.member && !o?.member, other);
  }

  /** The members of this set that are also members of `other`. */
  intersection(other: FieldSet): FieldSet {
    if (other.children.size === 0) return other;
    return this.filtered((c, o) => (o ? c.intersection(o) : EMPTY), (c, o) => c.member && o?.member === true, other);
  }

  /** Without the members at or below any path of `other` (Set.RecursiveDifference's use for reset fields). */
  withoutSubtrees(other: FieldSet): FieldSet {
    if (other.children.size === 0) return this;
    return this.filtered((c, o) => (o?.member ? EMPTY : o ? c.withoutSubtrees(o) : c), (c, o) => c.member && !o?.member, other);
  }

  /**
   * A new root holding, for each child, `below(child, other's child)` and membership `keep(...)`,
   * leaving out children left with no members. Unchanged subtrees are shared: sets are never
   * changed once built.
   */
  private filtered(below: (c: FieldSet, o: FieldSet | undefined) => FieldSet, keep: (c: FieldSet, o: FieldSet | undefined) => boolean, other: FieldSet): FieldSet {
    const out = new FieldSet();
    let same = true;
    for (const [pe, c] of this.children) {
      const o = other.children.get(pe);
      const sub = below(c, o);
      const member = keep(c, o);
      if (sub === c && member === c.member) {
        out.children.set(pe, c);
        continue;
      }
      same = false;
      if (!member && sub.children.size === 0) continue;
      if (sub.member === member) out.children.set(pe, sub);
      else {
        const node = new FieldSet();
        node.member = member;
        for (const [k, v] of sub.children) node.children.set(k, v);
        out.children.set(pe, node);
      }
    }
    return same ? this : out;
  }

  /** FieldsV1: `{"f:spec":{"f:replicas":{}}}`, with `.` for a member that also has children. */
  toFieldsV1(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (this.member && this.children.size > 0) out['.'] = {};
    for (const pe of sortedElements([...this.children.keys()])) out[pe] = (this.children.get(pe) as FieldSet).toFieldsV1();
    return out;
  }

  static fromFieldsV1(value: unknown): FieldSet {
    const set = new FieldSet();
    const walk = (node: unknown, path: string[]) => {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) return;
      const entries = Object.entries(node as Record<string, unknown>);
      if (path.length > 0 && (entries.length === 0 || entries.some(([k]) => k === '.'))) set.insert(path);
      for (const [k, v] of entries) if (k !== '.') walk(v, [...path, k]);
    };
    walk(value, []);
    return set;
  }
}

const EMPTY = new FieldSet();

/**
 * Decoded FieldsV1, remembered: a heartbeat rewrites the same managedFields thousands of times a
 * minute. Stored objects are frozen, so their values are remembered by identity; the copies a
 * patch or an update carries, by their JSON (a few thousand distinct ones at most). Each set
 * remembers a frozen FieldsV1 value, so an unchanged set is written back as that same value.
 */
const byIdentity = new WeakMap<object, FieldSet>();
const byText = new Map<string, FieldSet>();
const BY_TEXT_LIMIT = 4096;
const encoded = new WeakMap<FieldSet, Record<string, unknown>>();

function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFrozen(v);
    Object.freeze(value);
  }
  return value;
}

/** FieldSet.fromFieldsV1, remembered. */
export function decodeFieldsV1(value: unknown): FieldSet {
  if (typeof value !== 'object' || value === null) return FieldSet.fromFieldsV1(value);
  const frozen = Object.isFrozen(value);
  let set = frozen ? byIdentity.get(value) : undefined;
  if (set) return set;
  const text = JSON.stringify(value);
  set = byText.get(text);
  if (!set) {
    set = FieldSet.fromFieldsV1(value);
    // Oldest first out: a Map iterates in insertion order.
    if (byText.size >= BY_TEXT_LIMIT) byText.delete(byText.keys().next().value as string);
    byText.set(text, set);
    encoded.set(set, deepFrozen(JSON.parse(text) as Record<string, unknown>));
  }
  if (frozen) byIdentity.set(value, set);
  return set;
}

/** set.toFieldsV1(), frozen, the same value each time for the same set. */
export function encodeFieldsV1(set: FieldSet): Record<string, unknown> {
  let value = encoded.get(set);
  if (!value) {
    value = deepFrozen(set.toFieldsV1());
    encoded.set(set, value);
  }
  return value;
}

const KIND_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

/** PathElement.Compare: field names first (byte order), then keys, values, indexes. */
export function sortedElements(elements: string[]): string[] {
  return elements.sort((a, b) => {
    const ka = KIND_ORDER[a[0] ?? 'f'] ?? 0;
    const kb = KIND_ORDER[b[0] ?? 'f'] ?? 0;
    if (ka !== kb) return ka - kb;
    if (a[0] === 'i') return Number(a.slice(2)) - Number(b.slice(2));
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** fieldpath.Path.String(): `.spec.template.spec.containers[name="web"].image`. */
export function pathString(path: readonly string[]): string {
  return path
    .map((pe) => {
      const body = pe.slice(2);
      if (pe.startsWith('f:')) return `.${body}`;
      if (pe.startsWith('i:')) return `[${body}]`;
      if (pe.startsWith('v:')) return `[=${body}]`;
      const key = JSON.parse(body) as Record<string, unknown>;
      return `[${Object.entries(key).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
    })
    .join('');
}
