/** Saving and loading the lab against a real IndexedDB implementation (fake-indexeddb) and a fake Web Locks manager. */
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { LabPersistence, type PersistenceEnvironment } from './persistence';
import { openRecords } from './idb';
import { LEGACY_PROGRESS_KEY } from './records';
import type { SavedLab } from '../engine/protocol';

/** Web Locks as the browser runs them for one origin: exclusive, `ifAvailable`, `steal`. */
function fakeLocks() {
  const held = new Map<string, (error: Error) => void>();
  return {
    request(name: string, options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> {
      return new Promise((resolve, reject) => {
        if (held.has(name) && !options.steal) {
          resolve(callback(null));
          return;
        }
        held.get(name)?.(new DOMException('stolen', 'AbortError'));
        held.set(name, reject);
        void Promise.resolve(callback({ name, mode: 'exclusive' })).then(resolve);
      });
    },
  };
}

function environment(indexedDB: IDBFactory, locks = fakeLocks(), storage = new Map<string, string>()): PersistenceEnvironment {
  return {
    indexedDB,
    locks,
    localStorage: { getItem: (k) => storage.get(k) ?? null, removeItem: (k) => void storage.delete(k) },
    takeOver: false,
  };
}

const LAB: SavedLab = {
  snapshot: { version: 1, seed: 1, nowMs: 5, files: { dirs: [], files: [] }, clusters: [] },
  terminal: { cwd: '/tmp', env: { A: '1' }, aliases: { k: 'kubectl' }, history: ['ls'] },
  lesson: { lessonId: '01-cluster-tour', current: 2, typed: ['kubectl get nodes'] },
};

describe('lab persistence', () => {
  it('loads what an earlier page saved: lab, editor tabs and lesson progress', async () => {
    const db = new IDBFactory();
    const first = await LabPersistence.open(environment(db));
    expect(first.mode).toBe('saving');
    first.saveLab(LAB);
    first.saveWorkspace({ tabs: [{ title: 'pod.yaml', path: '/home/learner/pod.yaml', text: 'kind: Pod\n', savedText: '' }], active: 0, terminalHistory: ['kubectl get pods'] });
    first.saveProgress({ language: 'ko', done: { '01-cluster-tour': 2 } });
    await first.settled();

    const second = await LabPersistence.open(environment(db));
    const loaded = await second.load();
    expect(loaded).toEqual({
      lab: LAB,
      workspace: { tabs: [{ title: 'pod.yaml', path: '/home/learner/pod.yaml', text: 'kind: Pod\n', savedText: '' }], active: 0, terminalHistory: ['kubectl get pods'] },
      progress: { language: 'ko', done: { '01-cluster-tour': 2 } },
      dropped: [],
    });
  });

  it('lets only the first tab save, until another tab takes the lab over', async () => {
    const db = new IDBFactory();
    const locks = fakeLocks();
    const first = await LabPersistence.open(environment(db, locks));
    const second = await LabPersistence.open(environment(db, locks));
    expect([first.mode, second.mode]).toEqual(['saving', 'other-tab']);
    second.saveProgress({ language: 'ko', done: {} });
    await second.settled();
    expect((await (await LabPersistence.open(environment(db))).load()).progress).toBeUndefined();

    const modes: string[] = [];
    first.onChange((mode) => modes.push(mode));
    const third = await LabPersistence.open({ ...environment(db, locks), takeOver: true });
    await new Promise((r) => setTimeout(r, 0));
    expect([first.mode, third.mode]).toEqual(['taken-over', 'saving']);
    expect(modes).toEqual(['taken-over']);
    first.saveProgress({ language: 'ko', done: { a: 1 } }); // ignored: no longer this tab's to save
    third.saveProgress({ language: 'en', done: { b: 1 } });
    await Promise.all([first.settled(), third.settled()]);
    expect((await (await LabPersistence.open(environment(db))).load()).progress).toEqual({ language: 'en', done: { b: 1 } });
  });

  it('keeps what it can of damaged or newer records and says what it dropped', async () => {
    const db = new IDBFactory();
    const records = await openRecords(db);
    await records.put('lab', { format: 1, snapshot: LAB.snapshot, terminal: 'garbage' });
    await records.put('workspace', { format: 1, tabs: [{ title: 'a.yaml', text: 'x' }, { title: 3 }], active: 9, terminalHistory: ['ls'] });
    await records.put('lessons', { format: 7, language: 'ko', done: {} });
    records.close();
    const loaded = await (await LabPersistence.open(environment(db))).load();
    expect(loaded.lab?.snapshot).toEqual(LAB.snapshot);
    expect(loaded.lab?.terminal).toBeUndefined(); // the engine opens a fresh login shell instead
    expect(loaded.workspace).toEqual({ tabs: [{ title: 'a.yaml', path: undefined, text: 'x', savedText: undefined }], active: 0, terminalHistory: ['ls'] });
    expect(loaded.progress).toBeUndefined();
    expect(loaded.dropped).toEqual([
      "the terminal's working directory, variables and aliases (unreadable)",
      '1 editor tab(s) (unreadable)',
      'the saved lesson progress (saved by a newer kubelab, format 7)',
    ]);
  });

  it('carries lesson progress over from the localStorage of earlier versions, once', async () => {
    const db = new IDBFactory();
    const storage = new Map([[LEGACY_PROGRESS_KEY, JSON.stringify({ language: 'ko', done: { '02-kind-hands-on': 4, bad: -1 } })]]);
    const persistence = await LabPersistence.open(environment(db, fakeLocks(), storage));
    expect((await persistence.load()).progress).toEqual({ language: 'ko', done: { '02-kind-hands-on': 4 } });
    await persistence.settled();
    expect(storage.has(LEGACY_PROGRESS_KEY)).toBe(false);
    expect((await (await LabPersistence.open(environment(db))).load()).progress).toEqual({ language: 'ko', done: { '02-kind-hands-on': 4 } });
  });

  it('runs unsaved where the browser has no IndexedDB', async () => {
    const persistence = await LabPersistence.open({ indexedDB: undefined, locks: undefined, localStorage: undefined, takeOver: false });
    expect(persistence.mode).toBe('unavailable');
    persistence.saveLab(LAB);
    expect(await persistence.load()).toEqual({ lab: undefined, workspace: undefined, progress: undefined, dropped: [] });
  });
});
