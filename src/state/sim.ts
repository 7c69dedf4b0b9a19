/** What the UI shows about the simulation itself: readiness, virtual time, speed, pause state, the shell prompt, errors. */
import { create } from 'zustand';

export interface SimState {
  ready: boolean;
  /** Virtual time, ms since the Unix epoch. */
  nowMs: number;
  speed: number;
  paused: boolean;
  /** The terminal's prompt for the next line (`$ `, or `> ` inside a here-document). */
  prompt: string;
  /** True while a command runs in the terminal; typed lines then go to it. */
  busy: boolean;
  /** The last engine error, shown until the next one. */
  error: string | undefined;
  setReady(prompt: string, nowMs: number): void;
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
  setReady: (prompt, nowMs) => set({ ready: true, prompt, busy: false, nowMs }),
  setClock: (nowMs, speed, paused) => set({ nowMs, speed, paused }),
  setPrompt: (prompt, busy) => set({ prompt, busy }),
  setError: (error) => set({ error }),
}));
