/** The running lesson as the worker last checked it, and the language lessons are shown in. */
import { create } from 'zustand';
import type { LessonStepStatus } from '../engine/protocol';
import type { Language } from '../lessons/types';

export interface LessonState {
  /** The lesson whose checks the worker runs, if any. */
  lessonId: string | undefined;
  /** Index of the first step not done (the step count when the lesson is complete). */
  current: number;
  steps: LessonStepStatus[];
  language: Language;
  /** A lesson started: nothing is known about its checks until the worker reports. */
  started(lessonId: string, current: number): void;
  setProgress(lessonId: string, current: number, steps: LessonStepStatus[]): void;
  stopped(): void;
  setLanguage(language: Language): void;
}

export const useLesson = create<LessonState>()((set, get) => ({
  lessonId: undefined,
  current: 0,
  steps: [],
  language: 'en',
  started: (lessonId, current) => set({ lessonId, current, steps: [] }),
  setProgress(lessonId, current, steps) {
    // A report still in flight from the lesson before is dropped.
    if (get().lessonId === lessonId) set({ current, steps });
  },
  stopped: () => set({ lessonId: undefined, current: 0, steps: [] }),
  setLanguage: (language) => set({ language }),
}));
