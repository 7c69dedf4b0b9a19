/**
 * Shared informer (client-go's reflector + indexer): lists a resource, then watches from the list's
 * resourceVersion, keeping a local cache and calling handlers. Re-lists when the watch is lost
 * (a 410 Gone after compaction), as client-go does.
 */
import type { KubeObject } from '../api/meta';
import type { Client, ResourceRef } from './client';
import type { WatchEvent } from '../types';

export interface EventHandler<T extends KubeObject = KubeObject> {
  onAdd?(object: T): void;
  onUpdate?(previous: T, current: T): void;
  onDelete?(object: T): void;
}

/** `namespace/name`, or `name` for cluster-scoped objects (client-go's MetaNamespaceKeyFunc). */
export function objectKey(object: KubeObject): string {
  const ns = object.metadata.namespace;
  return ns ? `${ns}/${String(object.metadata.name)}` : String(object.metadata.name);
}

export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new Map<string, T>();
  /** The cache split by namespace (client-go's namespace index), in the cache's own order. */
  private readonly byNamespace = new Map<string, Map<string, T>>();
  private readonly handlers: EventHandler<T>[] = [];
  private stopWatch: (() => void) | undefined;
  private synced = false;

  constructor(
    private readonly client: Client,
    readonly ref: ResourceRef,
    private readonly query: Record<string, string> = {},
  ) {}

  addHandler(handler: EventHandler<T>): () => void {
    this.handlers.push(handler);
    // Late handlers see the current cache as adds, like client-go's AddEventHandler.
    if (this.synced) for (const o of this.cache.values()) handler.onAdd?.(o);
    return () => {
      const i = this.handlers.indexOf(handler);
      if (i >= 0) this.handlers.splice(i, 1);
    };
  }

  hasSynced(): boolean {
    return this.synced;
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  /** The cached objects of one namespace, in the order `list()` gives them. */
  listNamespace(namespace: string): T[] {
    return [...(this.byNamespace.get(namespace)?.values() ?? [])];
  }

  private put(key: string, object: T): void {
    this.cache.set(key, object);
    const ns = object.metadata.namespace ?? '';
    let inNs = this.byNamespace.get(ns);
    if (!inNs) this.byNamespace.set(ns, (inNs = new Map<string, T>()));
    inNs.set(key, object);
  }

  private remove(key: string, object: T): void {
    this.cache.delete(key);
    const ns = object.metadata.namespace ?? '';
    const inNs = this.byNamespace.get(ns);
    inNs?.delete(key);
    if (inNs?.size === 0) this.byNamespace.delete(ns);
  }

  start(): void {
    if (this.stopWatch) return;
    const listed = this.client.list(this.ref, this.query);
    if (!listed.ok) return;
    const seen = new Set<string>();
    for (const item of listed.value.items as T[]) {
      const key = objectKey(item);
      seen.add(key);
      const previous = this.cache.get(key);
      this.put(key, item);
      for (const h of this.handlers) {
        if (previous) h.onUpdate?.(previous, item);
        else h.onAdd?.(item);
      }
    }
    for (const [key, old] of [...this.cache]) {
      if (seen.has(key)) continue;
      this.remove(key, old);
      for (const h of this.handlers) h.onDelete?.(old);
    }
    this.synced = true;
    this.stopWatch = this.client.watch(this.ref, { ...this.query, resourceVersion: listed.value.metadata.resourceVersion }, (e) => this.onEvent(e));
  }

  stop(): void {
    this.stopWatch?.();
    this.stopWatch = undefined;
  }

  private onEvent(event: WatchEvent): void {
    if (event.type === 'ERROR') {
      // The watch ended (e.g. history compacted): list again and resume.
      this.stop();
      this.start();
      return;
    }
    if (event.type === 'BOOKMARK') return;
    const object = event.object as T;
    const key = objectKey(object);
    const previous = this.cache.get(key);
    if (event.type === 'DELETED') {
      this.remove(key, previous ?? object);
      for (const h of this.handlers) h.onDelete?.(object);
      return;
    }
    this.put(key, object);
    for (const h of this.handlers) {
      if (previous) h.onUpdate?.(previous, object);
      else h.onAdd?.(object);
    }
  }
}
