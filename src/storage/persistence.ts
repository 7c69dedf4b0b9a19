/**
 * Saving the lab in this browser: loads what an earlier visit saved and writes each part as it
 * changes. Only one tab saves: the first to hold the Web Lock `kubelab-lab`; another tab of the
 * lab runs unsaved (and says so) until the learner moves the lab to it, which takes the lock over
 * and reloads, so that tab continues from what the other one saved last.
 */
import type { SavedLab } from '../engine/protocol';
import { openRecords, type RecordStore } from './idb';
import {
  decodeLab,
  decodeProgress,
  decodeWorkspace,
  encodeLab,
  encodeProgress,
  encodeWorkspace,
  LEGACY_PROGRESS_KEY,
  migrateLegacyProgress,
  type SavedProgress,
  type SavedWorkspace,
} from './records';

export const LOCK_NAME = 'kubelab-lab';

/** Whether this tab saves, and if not, why. */
export type SaveMode = 'saving' | 'other-tab' | 'taken-over' | 'unavailable';

export interface LoadedLab {
  lab: SavedLab | undefined;
  workspace: SavedWorkspace | undefined;
  progress: SavedProgress | undefined;
  /** What was saved but could not be kept, in words for the learner. */
  dropped: string[];
}

/** The browser facilities used, passed in so tests can give fakes (or leave one out). */
export interface PersistenceEnvironment {
  indexedDB: IDBFactory | undefined;
  locks: LockRequester | undefined;
  localStorage: Pick<Storage, 'getItem' | 'removeItem'> | undefined;
  /** Take the lab over from another tab (the learner asked to). */
  takeOver: boolean;
}

type PartKey = 'lab' | 'workspace' | 'lessons';

/** The one call of the Web Locks API used (`navigator.locks` has it). */
export interface LockRequester {
  request(name: string, options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown>;
}

/** Holds the lock for the page's life; `lost` settles when another tab takes it over. */
function acquireLock(locks: LockRequester, steal: boolean): Promise<{ owned: boolean; lost: Promise<void> }> {
  return new Promise((resolve) => {
    let markLost = () => undefined as void;
    const lost = new Promise<void>((r) => (markLost = r));
    locks
      .request(LOCK_NAME, steal ? { steal: true } : { ifAvailable: true }, (lock) => {
        resolve({ owned: lock !== null, lost });
        return lock ? new Promise<void>(() => undefined) : undefined;
      })
      .catch(() => markLost()); // AbortError: stolen by another tab
  });
}

export class LabPersistence {
  private readonly latest = new Map<PartKey, unknown>();
  private readonly writing = new Set<PartKey>();
  private readonly listeners = new Set<(mode: SaveMode, savedAt: number | undefined) => void>();
  private savedAt: number | undefined;

  private constructor(
    private readonly records: RecordStore | undefined,
    private modeNow: SaveMode,
    private readonly env: PersistenceEnvironment,
    private readonly wallNow: () => number,
  ) {}

  /** Opens the store and settles which tab saves; never throws (a browser that refuses storage just runs unsaved). */
  static async open(env: PersistenceEnvironment, wallNow: () => number = () => Date.now()): Promise<LabPersistence> {
    let records: RecordStore | undefined;
    try {
      records = env.indexedDB ? await openRecords(env.indexedDB) : undefined;
    } catch {
      records = undefined;
    }
    if (!records) return new LabPersistence(undefined, 'unavailable', env, wallNow);
    // Without Web Locks (very old browsers) this tab simply saves.
    const lock = env.locks ? await acquireLock(env.locks, env.takeOver) : { owned: true, lost: new Promise<void>(() => undefined) };
    const persistence = new LabPersistence(records, lock.owned ? 'saving' : 'other-tab', env, wallNow);
    void lock.lost.then(() => persistence.setMode('taken-over'));
    return persistence;
  }

  get mode(): SaveMode {
    return this.modeNow;
  }

  onChange(listener: (mode: SaveMode, savedAt: number | undefined) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async load(): Promise<LoadedLab> {
    const records = this.records;
    if (!records) return { lab: undefined, workspace: undefined, progress: undefined, dropped: [] };
    const read = (key: PartKey) => records.get(key).catch(() => undefined);
    const lab = decodeLab(await read('lab'));
    const workspace = decodeWorkspace(await read('workspace'));
    const lessons = decodeProgress(await read('lessons'));
    let progress = lessons.value;
    if (!progress && this.modeNow === 'saving') {
      // Progress saved by a kubelab from before IndexedDB: carried over once.
      progress = migrateLegacyProgress(this.env.localStorage?.getItem(LEGACY_PROGRESS_KEY) ?? null);
      if (progress) {
        this.saveProgress(progress);
        this.env.localStorage?.removeItem(LEGACY_PROGRESS_KEY);
      }
    }
    return { lab: lab.value, workspace: workspace.value, progress, dropped: [...lab.dropped, ...workspace.dropped, ...lessons.dropped] };
  }

  saveLab(lab: SavedLab): void {
    this.save('lab', encodeLab(lab));
  }

  saveWorkspace(workspace: SavedWorkspace): void {
    this.save('workspace', encodeWorkspace(workspace));
  }

  saveProgress(progress: SavedProgress): void {
    this.save('lessons', encodeProgress(progress));
  }

  /** Resolves once every write asked for so far has committed (for tests and before a reload). */
  async settled(): Promise<void> {
    while (this.writing.size > 0) await new Promise((r) => setTimeout(r, 5));
  }

  /** One write per part at a time; a newer value asked for meanwhile replaces the queued one. */
  private save(key: PartKey, value: unknown): void {
    if (this.modeNow !== 'saving' || !this.records) return;
    this.latest.set(key, value);
    if (!this.writing.has(key)) void this.flush(key);
  }

  private async flush(key: PartKey): Promise<void> {
    const records = this.records;
    this.writing.add(key);
    try {
      while (records && this.latest.has(key) && this.modeNow === 'saving') {
        const value = this.latest.get(key);
        this.latest.delete(key);
        try {
          await records.put(key, value);
          this.savedAt = this.wallNow();
          this.emit();
        } catch {
          // Quota exceeded or storage taken away: the lab runs on unsaved, and the page says so.
          this.setMode('unavailable');
        }
      }
    } finally {
      this.writing.delete(key);
    }
  }

  private setMode(mode: SaveMode): void {
    this.modeNow = mode;
    this.latest.clear();
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.modeNow, this.savedAt);
  }
}
