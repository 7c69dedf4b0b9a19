/** Whether this tab saves the lab, when it last did, and what a restore could not keep. */
import { create } from 'zustand';
import type { SaveMode } from '../storage/persistence';

export interface SaveStatusState {
  mode: SaveMode | 'loading';
  /** Wall time (ms) of the last committed write. */
  savedAt: number | undefined;
  /** What the saved lab held but could not be restored, in words for the learner. */
  dropped: string[];
  dismissDropped(): void;
}

export const useSaveStatus = create<SaveStatusState>()((set) => ({
  mode: 'loading',
  savedAt: undefined,
  dropped: [],
  dismissDropped: () => set({ dropped: [] }),
}));
