/** Which object the inspector shows, and what the engine answered about it. */
import { create } from 'zustand';
import type { InspectTarget, Inspection } from '../engine/protocol';

export interface InspectorState {
  target: InspectTarget | undefined;
  inspection: Inspection | undefined;
  select(target: InspectTarget | undefined): void;
  answered(inspection: Inspection): void;
}

export const sameTarget = (a: InspectTarget | undefined, b: InspectTarget | undefined): boolean => a?.kind === b?.kind && a?.namespace === b?.namespace && a?.name === b?.name;

export const useInspector = create<InspectorState>()((set, get) => ({
  target: undefined,
  inspection: undefined,
  select: (target) => set({ target, inspection: sameTarget(target, get().inspection?.target) ? get().inspection : undefined }),
  // A late answer about an object no longer selected is dropped.
  answered: (inspection) => {
    if (sameTarget(inspection.target, get().target)) set({ inspection });
  },
}));
