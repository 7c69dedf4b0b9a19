/** The terminal's line history (Up / Down), kept outside the component so it is saved and restored with the lab. */
import { create } from 'zustand';

export const useTerminalHistory = create<{ lines: readonly string[] }>()(() => ({ lines: [] }));
