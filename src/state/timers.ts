/** The engine's pending timed transitions, as last sent. */
import { create } from 'zustand';
import type { ClusterTimer } from '../engine';

export interface TimersState {
  timers: readonly ClusterTimer[];
  set(timers: readonly ClusterTimer[]): void;
}

/** `Kind/namespace/name` (no namespace for cluster-scoped kinds). */
export function objectKey(object: { kind: string; namespace?: string | undefined; name: string }): string {
  return `${object.kind}/${object.namespace ?? ''}/${object.name}`;
}

export const useTimers = create<TimersState>()((set) => ({
  timers: [],
  set: (timers) => set({ timers }),
}));

/** A countdown as `4:59` or `37s`, never negative. */
export function countdownText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}` : `${s}s`;
}
