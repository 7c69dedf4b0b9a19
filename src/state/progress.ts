/** Lesson progress across lessons (steps done, the language), saved with the lab. */
import { create } from 'zustand';
import type { Language } from '../lessons/types';
import { EMPTY_PROGRESS, type SavedProgress } from '../storage/records';

export interface ProgressState {
  progress: SavedProgress;
  setDone(lessonId: string, steps: number): void;
  setLanguage(language: Language): void;
}

export const useProgress = create<ProgressState>()((set) => ({
  progress: EMPTY_PROGRESS,
  setDone: (lessonId, steps) => set((s) => (s.progress.done[lessonId] === steps ? s : { progress: { ...s.progress, done: { ...s.progress.done, [lessonId]: steps } } })),
  setLanguage: (language) => set((s) => ({ progress: { ...s.progress, language } })),
}));
