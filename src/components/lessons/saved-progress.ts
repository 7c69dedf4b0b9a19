/**
 * Lesson progress kept across reloads: steps done per lesson and the chosen language. The project
 * has no IndexedDB store yet, so this sits on localStorage behind these two functions; moving it to
 * IndexedDB later changes only this file.
 */
import type { Language } from '../../lessons/types';

export interface SavedProgress {
  language: Language;
  /** Steps done (the index of the first step not done) by lesson id. */
  done: Record<string, number>;
}

/** The part of `localStorage` used here (a stand-in in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'kubelab.lessons.v1';

export const EMPTY_PROGRESS: SavedProgress = { language: 'en', done: {} };

export function loadProgress(storage: Pick<KeyValueStore, 'getItem'> | undefined): SavedProgress {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return EMPTY_PROGRESS;
    const { language, done } = raw as Partial<SavedProgress>;
    const counts = Object.entries(typeof done === 'object' && done !== null ? done : {}).filter((e): e is [string, number] => Number.isInteger(e[1]) && e[1] >= 0);
    return { language: language === 'ko' ? 'ko' : 'en', done: Object.fromEntries(counts) };
  } catch {
    return EMPTY_PROGRESS; // unreadable or blocked storage: start fresh
  }
}

export function saveProgress(storage: Pick<KeyValueStore, 'setItem'> | undefined, progress: SavedProgress): void {
  try {
    storage?.setItem(KEY, JSON.stringify(progress));
  } catch {
    // Storage full or blocked (private mode): progress lasts for this page only.
  }
}
