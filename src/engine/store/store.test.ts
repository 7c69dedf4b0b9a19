import { describe, expect, it } from 'vitest';
import { SimLoop } from '../clock';
import { Store, type StoreEvent } from './store';

describe('Store (etcd semantics)', () => {
  it('keeps one global revision and compares on revision', () => {
    const store = new Store<{ v: number }>(new SimLoop(0));
    const a = store.create('/registry/pods/default/a', { v: 1 });
    expect(a.ok && a.revision).toBe(2);
    expect(store.create('/registry/pods/default/a', { v: 2 }).ok).toBe(false);
    const stale = store.update('/registry/pods/default/a', { v: 3 }, 1);
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    expect(store.get('/registry/pods/default/a')?.value.v).toBe(1);
    const fresh = store.update('/registry/pods/default/a', { v: 3 }, 2);
    expect(fresh.ok && fresh.kv.version).toBe(2);
  });

  it('ranges by prefix in key order without crossing into sibling names', () => {
    const store = new Store<number>(new SimLoop(0));
    for (const k of ['/registry/pods/default/b', '/registry/pods/kube-system/x', '/registry/pods/default/a', '/registry/podtemplates/default/t']) store.create(k, 1);
    expect(store.range('/registry/pods/').kvs.map((kv) => kv.key)).toEqual(['/registry/pods/default/a', '/registry/pods/default/b', '/registry/pods/kube-system/x']);
    expect(store.range('/registry/pods/default/').kvs).toHaveLength(2);
  });

  it('replays history to a watch from a revision, in order, through the loop', () => {
    const loop = new SimLoop(0);
    const store = new Store<number>(loop);
    store.create('/registry/a/1', 1);
    const second = store.create('/registry/a/2', 2);
    store.delete('/registry/a/1');
    const seen: string[] = [];
    const from = second.ok ? second.revision - 1 : 0;
    store.watch('/registry/a/', from, (e: StoreEvent<number>) => seen.push(`${e.type} ${e.kv.key} ${e.revision}`));
    expect(seen).toEqual([]);
    loop.drainTasks();
    expect(seen).toEqual(['PUT /registry/a/2 3', 'DELETE /registry/a/1 4']);
  });
});

describe('Store watch dispatch', () => {
  it('delivers to directory, single-key and partial-name watchers only', () => {
    const loop = new SimLoop(0);
    const store = new Store<number>(loop);
    const seen: string[] = [];
    for (const prefix of ['/registry/', '/registry/pods/default/', '/registry/pods/default/web', '/registry/pods/default/we', '/registry/pods/kube-system/', '/registry/pods/default/web-2']) {
      store.watch(prefix, 0, (e) => seen.push(`${prefix} <- ${e.kv.key}`));
    }
    store.create('/registry/pods/default/web', 1);
    loop.drainTasks();
    expect(seen.sort()).toEqual(['/registry/ <- /registry/pods/default/web', '/registry/pods/default/ <- /registry/pods/default/web', '/registry/pods/default/we <- /registry/pods/default/web', '/registry/pods/default/web <- /registry/pods/default/web']);
  });
});

describe('Store routed watches', () => {
  it('visits a routed watcher only for values it routes on (new or previous), in registration order with the others', () => {
    const loop = new SimLoop(0);
    const store = new Store<{ node: string }>(loop);
    const seen: string[] = [];
    const route = (value: string) => ({ name: 'node', valueOf: (v: { node: string }) => v.node, value });
    store.watch('/registry/pods/', 0, (e) => seen.push(`a:${e.kv.value.node}`), route('a'));
    store.watch('/registry/pods/', 0, (e) => seen.push(`all:${e.kv.value.node}`));
    const cancelB = store.watch('/registry/pods/', 0, (e) => seen.push(`b:${e.kv.value.node}`), route('b'));
    if (!cancelB.ok) throw new Error('watch refused');
    store.create('/registry/pods/default/p', { node: 'a' });
    store.update('/registry/pods/default/p', { node: 'b' });
    store.create('/registry/pods/default/q', { node: 'c' });
    loop.drainTasks();
    expect(seen).toEqual(['a:a', 'all:a', 'a:b', 'all:b', 'b:b', 'all:c']);
    seen.length = 0;
    cancelB.cancel();
    store.delete('/registry/pods/default/p');
    loop.drainTasks();
    expect(seen).toEqual(['all:b']);
  });
});

describe('Store history limit', () => {
  it('keeps the last historyLimit events resumable and answers compacted before them', () => {
    const loop = new SimLoop(0);
    const store = new Store<number>(loop, 3000);
    store.create('/registry/a/x', 0);
    for (let i = 0; i < 10_000; i++) store.update('/registry/a/x', i);
    store.create('/registry/a/y', 0);
    for (let i = 0; i < 10_000; i++) store.update('/registry/a/x', i);
    const last = store.revision;
    expect(store.watch('/registry/a/', last - 3000 - 1, () => undefined)).toMatchObject({ ok: false, reason: 'compacted', compactRevision: last - 3000 });
    const seen: number[] = [];
    expect(store.watch('/registry/a/', last - 3000, (e) => seen.push(e.revision)).ok).toBe(true);
    loop.drainTasks();
    expect(seen).toHaveLength(3000);
    expect(seen[0]).toBe(last - 2999);
  });
});
