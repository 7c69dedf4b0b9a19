/**
 * Field sets as structured-merge-diff keeps them (sigs.k8s.io/structured-merge-diff/v4 fieldpath):
 * a tree of path elements, each node either a member of the set itself, a parent of members, or
 * both. Path elements are kept serialized as FieldsV1 writes them: `f:<field>`, `k:<key json>` for
 * an item of an associative list, `v:<value json>` for an item of a set, `i:<index>`.
 */

/** One node of a field set; the root's `member` is never set. */
export class FieldSet {
  member = false;
  readonly children = new Map<string, FieldSet>();

  static of(paths: readonly (readonly string[])[]): FieldSet {
    const set = new FieldSet();
    for (const p of paths) set.insert(p);
    return set;
  }

  insert(path: readonly string[]): void {
    const [pe, ...rest] = path;
    if (pe === undefined) return;
    let next = this.children.get(pe);
    if (!next) {
      next = new FieldSet();
      this.children.set(pe, next);
    }
    if (rest.length === 0) next.member = true;
    else next.insert(rest);
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

  union(other: FieldSet): FieldSet {
    return FieldSet.of([...this.paths(), ...other.paths()]);
  }

  difference(other: FieldSet): FieldSet {
    return FieldSet.of(this.paths().filter((p) => !other.has(p)));
  }

  intersection(other: FieldSet): FieldSet {
    return FieldSet.of(this.paths().filter((p) => other.has(p)));
  }

  /** Without the members at or below any path of `other` (Set.RecursiveDifference's use for reset fields). */
  withoutSubtrees(other: FieldSet): FieldSet {
    return FieldSet.of(this.paths().filter((p) => !p.some((_, i) => other.has(p.slice(0, i + 1)))));
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
