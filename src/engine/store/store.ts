/**
 * "etcd": a revisioned key-value store with one global revision, compare-on-revision writes, range
 * by prefix and watch from a revision. Keys follow Kubernetes' layout, `/registry/<resource>/<ns>/<name>`.
 *
 * Values are deep-frozen objects shared by every reader. Keys live in per-directory maps, so a range
 * over `/registry/pods/default/` touches only that namespace's pods (no full scans on hot paths).
 */
import type { SimLoop } from '../clock';
import { deepFreeze } from '../api/meta';

export interface KeyValue<V> {
  key: string;
  value: V;
  createRevision: number;
  modRevision: number;
  /** Number of writes since creation (1 on create), as etcd's `version`. */
  version: number;
}

export type StoreEventType = 'PUT' | 'DELETE';

export interface StoreEvent<V> {
  type: StoreEventType;
  kv: KeyValue<V>;
  /** The value before this event (absent on create). */
  prevKv?: KeyValue<V>;
  revision: number;
}

export type StoreResult<V> =
  | { ok: true; kv: KeyValue<V>; revision: number }
  | { ok: false; reason: 'exists' | 'not-found' | 'conflict'; current?: KeyValue<V> };

export type WatchStart = { ok: true; cancel: () => void } | { ok: false; reason: 'compacted'; compactRevision: number };

interface Directory<V> {
  entries: Map<string, KeyValue<V>>;
  children: Map<string, Directory<V>>;
  sortedLeaves?: string[];
  sortedChildren?: string[];
}

interface Watcher<V> {
  prefix: string;
  deliver: (event: StoreEvent<V>) => void;
  cancelled: boolean;
  /** Registration order: deliveries of one event go out in it, whether a watcher is routed or not. */
  seq: number;
}

/**
 * A watcher that only cares about values whose `valueOf` is `value` (a field selector such as
 * `spec.nodeName=kind-worker`): it is visited only for events whose new or previous value has it,
 * so a write does not visit the thousands of kubelets whose node it is not on.
 */
export interface WatchRoute<V> {
  /** Identifies `valueOf`: watchers whose routes share a name are indexed together. */
  name: string;
  valueOf: (value: V) => string;
  value: string;
}

interface RouteIndex<V> {
  valueOf: (value: V) => string;
  byValue: Map<string, Set<Watcher<V>>>;
}

/** The watchers of one prefix: those that see every event, and those indexed by a route. */
interface PrefixWatchers<V> {
  plain: Set<Watcher<V>>;
  routes: Map<string, RouteIndex<V>>;
  size: number;
}

/** How many past events a watch can resume from (etcd keeps history until compaction). */
export const DEFAULT_HISTORY_LIMIT = 100_000;

export class Store<V> {
  private revisionValue = 1;
  private compactedRevision = 0;
  private readonly root: Directory<V> = { entries: new Map(), children: new Map() };
  /** Directories by path, as keys name them (directories are never removed). */
  private readonly dirs = new Map<string, Directory<V>>();
  private size = 0;
  /** Past events, oldest first, from `historyHead` on (dropped events are cut off in batches, not one splice per write). */
  private history: StoreEvent<V>[] = [];
  private historyHead = 0;
  /** Watchers by the prefix they watch, so an event only visits watchers of its key's ancestors. */
  private readonly watchers = new Map<string, PrefixWatchers<V>>();
  /** How many watched prefixes have each length, and those lengths ascending (the only slices of a key worth looking up). */
  private readonly prefixLengths = new Map<number, number>();
  private sortedLengths: number[] = [];
  private nextWatcherSeq = 0;

  constructor(
    private readonly loop: SimLoop,
    private readonly historyLimit = DEFAULT_HISTORY_LIMIT,
  ) {}

  /** The current global revision (the revision of the last write). */
  get revision(): number {
    return this.revisionValue;
  }

  get count(): number {
    return this.size;
  }

  get(key: string): KeyValue<V> | undefined {
    const { dir, leaf } = this.locate(key, false);
    return dir?.entries.get(leaf);
  }

  /**
   * All key-values under `prefix`, in key order. A prefix ending in `/` lists a directory (and its
   * subdirectories); any other prefix also matches sibling keys that merely start with it, as etcd does.
   */
  range(prefix: string, limit = Infinity): { kvs: KeyValue<V>[]; revision: number } {
    const kvs: KeyValue<V>[] = [];
    if (prefix.endsWith('/')) {
      const dir = this.findDir(prefix.slice(0, -1));
      if (dir) this.collect(dir, kvs, limit);
    } else {
      const slash = prefix.lastIndexOf('/');
      const parent = this.findDir(prefix.slice(0, slash));
      const start = prefix.slice(slash + 1);
      if (parent) {
        for (const leaf of this.leaves(parent)) if (leaf.startsWith(start) && kvs.length < limit) kvs.push(parent.entries.get(leaf) as KeyValue<V>);
        for (const child of this.childNames(parent)) if (child.startsWith(start)) this.collect(parent.children.get(child) as Directory<V>, kvs, limit);
        kvs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      }
    }
    return { kvs, revision: this.revisionValue };
  }

  /** Number of keys under a directory prefix (ending in `/`), without materialising them. */
  countPrefix(prefix: string): number {
    const dir = this.findDir(prefix.replace(/\/$/, ''));
    if (!dir) return 0;
    let n = dir.entries.size;
    for (const child of dir.children.values()) n += this.countDir(child);
    return n;
  }

  create(key: string, value: V): StoreResult<V> {
    const existing = this.get(key);
    if (existing) return { ok: false, reason: 'exists', current: existing };
    const revision = ++this.revisionValue;
    const kv: KeyValue<V> = { key, value: deepFreeze(value), createRevision: revision, modRevision: revision, version: 1 };
    this.put(kv);
    this.size++;
    this.emit({ type: 'PUT', kv, revision });
    return { ok: true, kv, revision };
  }

  /** Replaces a value; fails with `conflict` when `expectedModRevision` is given and stale. */
  update(key: string, value: V, expectedModRevision?: number): StoreResult<V> {
    const existing = this.get(key);
    if (!existing) return { ok: false, reason: 'not-found' };
    if (expectedModRevision !== undefined && existing.modRevision !== expectedModRevision) return { ok: false, reason: 'conflict', current: existing };
    const revision = ++this.revisionValue;
    const kv: KeyValue<V> = { key, value: deepFreeze(value), createRevision: existing.createRevision, modRevision: revision, version: existing.version + 1 };
    this.put(kv);
    this.emit({ type: 'PUT', kv, prevKv: existing, revision });
    return { ok: true, kv, revision };
  }

  delete(key: string, expectedModRevision?: number): StoreResult<V> {
    const existing = this.get(key);
    if (!existing) return { ok: false, reason: 'not-found' };
    if (expectedModRevision !== undefined && existing.modRevision !== expectedModRevision) return { ok: false, reason: 'conflict', current: existing };
    const revision = ++this.revisionValue;
    const { dir, leaf } = this.locate(key, false);
    if (dir) {
      dir.entries.delete(leaf);
      dir.sortedLeaves = undefined;
    }
    this.size--;
    const tombstone: KeyValue<V> = { ...existing, modRevision: revision };
    this.emit({ type: 'DELETE', kv: tombstone, prevKv: existing, revision });
    return { ok: true, kv: tombstone, revision };
  }

  /**
   * Watches keys under `prefix`, replaying history after `fromRevision` first (0 = only new events).
   * Events are delivered through the simulation loop, never synchronously inside a write.
   */
  watch(prefix: string, fromRevision: number, deliver: (event: StoreEvent<V>) => void, route?: WatchRoute<V>): WatchStart {
    if (fromRevision > 0 && fromRevision < this.compactedRevision) return { ok: false, reason: 'compacted', compactRevision: this.compactedRevision };
    const watcher: Watcher<V> = { prefix, deliver, cancelled: false, seq: ++this.nextWatcherSeq };
    if (fromRevision > 0) {
      for (const event of this.historyAfter(fromRevision)) {
        if (event.kv.key.startsWith(prefix)) this.schedule(watcher, event);
      }
    }
    let group = this.watchers.get(prefix);
    if (!group) {
      this.watchers.set(prefix, (group = { plain: new Set(), routes: new Map(), size: 0 }));
      this.countLength(prefix.length, 1);
    }
    group.size++;
    const set = route ? this.routeSet(group, route) : group.plain;
    set.add(watcher);
    return {
      ok: true,
      cancel: () => {
        if (watcher.cancelled) return;
        watcher.cancelled = true;
        set.delete(watcher);
        if (route && set.size === 0) group.routes.get(route.name)?.byValue.delete(route.value);
        group.size--;
        if (group.size === 0 && this.watchers.get(prefix) === group) {
          this.watchers.delete(prefix);
          this.countLength(prefix.length, -1);
        }
      },
    };
  }

  private routeSet(group: PrefixWatchers<V>, route: WatchRoute<V>): Set<Watcher<V>> {
    let index = group.routes.get(route.name);
    if (!index) group.routes.set(route.name, (index = { valueOf: route.valueOf, byValue: new Map() }));
    let set = index.byValue.get(route.value);
    if (!set) index.byValue.set(route.value, (set = new Set()));
    return set;
  }

  private countLength(length: number, delta: number): void {
    const n = (this.prefixLengths.get(length) ?? 0) + delta;
    if (n > 0) this.prefixLengths.set(length, n);
    else this.prefixLengths.delete(length);
    this.sortedLengths = [...this.prefixLengths.keys()].sort((a, b) => a - b);
  }

  /** Drops history up to `revision`; watches cannot resume from before it (410 Gone upstream). */
  compact(revision: number): void {
    this.compactedRevision = Math.max(this.compactedRevision, revision);
    let drop = this.historyHead;
    while (drop < this.history.length && (this.history[drop] as StoreEvent<V>).revision <= revision) drop++;
    this.dropHistoryBefore(drop);
  }

  /** Forgets the events before index `index` of the history array. */
  private dropHistoryBefore(index: number): void {
    this.historyHead = index;
    if (this.historyHead > 1024 && this.historyHead * 2 > this.history.length) {
      this.history = this.history.slice(this.historyHead);
      this.historyHead = 0;
    }
  }

  /** Serialisable contents (for snapshots). */
  dump(): { revision: number; kvs: KeyValue<V>[] } {
    return { revision: this.revisionValue, kvs: this.range('/').kvs };
  }

  /** Loads a dump into an empty store. */
  restore(dump: { revision: number; kvs: KeyValue<V>[] }): void {
    for (const kv of dump.kvs) {
      this.put({ ...kv, value: deepFreeze(kv.value) });
      this.size++;
    }
    this.revisionValue = dump.revision;
    this.compactedRevision = dump.revision;
  }

  private historyAfter(fromRevision: number): StoreEvent<V>[] {
    // History is sorted by revision: binary search for the first event newer than fromRevision.
    let lo = this.historyHead;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.history[mid] as StoreEvent<V>).revision <= fromRevision) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  private emit(event: StoreEvent<V>): void {
    this.history.push(event);
    if (this.history.length - this.historyHead > this.historyLimit) {
      const firstKept = this.history.length - this.historyLimit;
      this.compactedRevision = (this.history[firstKept - 1] as StoreEvent<V>).revision;
      this.dropHistoryBefore(firstKept);
    }
    const key = event.kv.key;
    // Every watched prefix of the key, shortest first.
    for (const length of this.sortedLengths) {
      if (length > key.length) break;
      const group = this.watchers.get(length === key.length ? key : key.slice(0, length));
      if (group) for (const watcher of this.interested(group, event)) this.schedule(watcher, event);
    }
  }

  /** The watchers of a prefix an event concerns, in registration order. */
  private interested(group: PrefixWatchers<V>, event: StoreEvent<V>): Iterable<Watcher<V>> {
    if (group.routes.size === 0) return group.plain;
    const out = [...group.plain];
    let sources = out.length > 0 ? 1 : 0;
    for (const index of group.routes.values()) {
      const now = index.valueOf(event.kv.value);
      const before = event.prevKv ? index.valueOf(event.prevKv.value) : now;
      for (const value of before === now ? [now] : [now, before]) {
        const set = index.byValue.get(value);
        if (!set) continue;
        sources++;
        for (const w of set) out.push(w);
      }
    }
    if (sources > 1) out.sort((a, b) => a.seq - b.seq);
    return out;
  }

  private schedule(watcher: Watcher<V>, event: StoreEvent<V>): void {
    this.loop.enqueue('etcd watch', () => {
      if (!watcher.cancelled) watcher.deliver(event);
    });
  }

  private put(kv: KeyValue<V>): void {
    const { dir, leaf } = this.locate(kv.key, true);
    if (!dir) return;
    if (!dir.entries.has(leaf)) dir.sortedLeaves = undefined;
    dir.entries.set(leaf, kv);
  }

  private locate(key: string, create: boolean): { dir: Directory<V> | undefined; leaf: string } {
    const slash = key.lastIndexOf('/');
    const dirPath = key.slice(0, slash);
    let dir = this.dirs.get(dirPath);
    if (!dir) {
      dir = create ? this.makeDir(dirPath) : this.findDir(dirPath);
      if (dir) this.dirs.set(dirPath, dir);
    }
    return { dir, leaf: key.slice(slash + 1) };
  }

  private findDir(path: string): Directory<V> | undefined {
    let dir: Directory<V> | undefined = this.root;
    for (const part of path.split('/')) {
      if (part === '') continue;
      dir = dir.children.get(part);
      if (!dir) return undefined;
    }
    return dir;
  }

  private makeDir(path: string): Directory<V> {
    let dir = this.root;
    for (const part of path.split('/')) {
      if (part === '') continue;
      let next = dir.children.get(part);
      if (!next) {
        next = { entries: new Map(), children: new Map() };
        dir.children.set(part, next);
        dir.sortedChildren = undefined;
      }
      dir = next;
    }
    return dir;
  }

  private leaves(dir: Directory<V>): string[] {
    dir.sortedLeaves ??= [...dir.entries.keys()].sort();
    return dir.sortedLeaves;
  }

  private childNames(dir: Directory<V>): string[] {
    dir.sortedChildren ??= [...dir.children.keys()].sort();
    return dir.sortedChildren;
  }

  /** Appends a directory's key-values in key order: a leaf `a` sorts before a subdirectory `a/...`. */
  private collect(dir: Directory<V>, out: KeyValue<V>[], limit: number): void {
    const leaves = this.leaves(dir);
    const children = this.childNames(dir);
    let i = 0;
    let j = 0;
    while ((i < leaves.length || j < children.length) && out.length < limit) {
      const leaf = leaves[i];
      const child = children[j];
      if (child === undefined || (leaf !== undefined && leaf + '/' <= child + '/')) {
        out.push(dir.entries.get(leaf as string) as KeyValue<V>);
        i++;
      } else {
        this.collect(dir.children.get(child) as Directory<V>, out, limit);
        j++;
      }
    }
  }

  private countDir(dir: Directory<V>): number {
    let n = dir.entries.size;
    for (const child of dir.children.values()) n += this.countDir(child);
    return n;
  }
}
