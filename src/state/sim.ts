/** Simulation status the UI shows: virtual time, speed, pause state, prompt, errors. */
import { create } from 'zustand';

export interface SimState {
  ready: boolean;
  nowMs: number;
  speed: number;
  paused: boolean;
  prompt: string;
  busy: boolean;
  error: string | undefined;
  setReady(prompt: string): void;
  setClock(nowMs: number, speed: number, paused: boolean): void;
  setPrompt(prompt: string, busy: boolean): void;
  setError(message: string): void;
}

export const useSim = create<SimState>()((set) => ({
  ready: false,
  nowMs: 0,
  speed: 1,
  paused: false,
  prompt: '$ ',
  busy: false,
  error: undefined,
  setReady: (prompt) => set({ ready: true, prompt }),
  setClock: (nowMs, speed, paused) => set({ nowMs, speed, paused }),
  setPrompt: (prompt, busy) => set({ prompt, busy }),
  setError: (error) => set({ error }),
}));
