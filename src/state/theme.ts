/**
 * The page's colour theme. The first visit follows the system's `prefers-color-scheme`; a choice made
 * with the header's toggle is remembered in localStorage (a display preference, not lab state, so it
 * lives outside the saved cluster). Applying it sets `data-theme` on <html>, which App.css keys on.
 */
import { create } from 'zustand';

import { initialTheme, type ThemeName } from './theme-choice';

export type { ThemeName } from './theme-choice';

const STORAGE_KEY = 'kubelab.theme';

function readStored(): string | null {
  try {
    return window.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null; // storage can be disabled; the theme then lasts for the visit only
  }
}

function prefersLight(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: light)').matches;
}

function apply(theme: ThemeName): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.theme = theme;
}

export interface ThemeState {
  theme: ThemeName;
  setTheme(theme: ThemeName): void;
  toggle(): void;
}

export const useTheme = create<ThemeState>()((set, get) => {
  const theme = initialTheme(readStored(), prefersLight());
  apply(theme);
  const setTheme = (next: ThemeName) => {
    apply(next);
    try {
      window.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered; still applied
    }
    set({ theme: next });
  };
  return { theme, setTheme, toggle: () => setTheme(get().theme === 'dark' ? 'light' : 'dark') };
});

/** xterm.js colours for each theme, matching App.css's terminal background and text. */
export const TERMINAL_THEMES = {
  dark: { background: '#0d1117', foreground: '#d1d9e0', cursor: '#4c9aff', selectionBackground: '#264f78' },
  light: {
    background: '#ffffff',
    foreground: '#1f2328',
    cursor: '#0969da',
    cursorAccent: '#ffffff',
    selectionBackground: '#b6e3ff',
    // xterm's default ANSI colours are tuned for dark backgrounds; these stay readable on white.
    black: '#24292f',
    red: '#cf222e',
    green: '#116329',
    yellow: '#7d4e00',
    blue: '#0969da',
    magenta: '#8250df',
    cyan: '#1b7c83',
    white: '#6e7781',
    brightBlack: '#57606a',
    brightRed: '#a40e26',
    brightGreen: '#1a7f37',
    brightYellow: '#633c01',
    brightBlue: '#218bff',
    brightMagenta: '#a475f9',
    brightCyan: '#3192aa',
    brightWhite: '#8c959f',
  },
} as const;

/** Monaco theme names defined in src/components/editor/monaco/setup.ts. */
export const EDITOR_THEMES: Record<ThemeName, string> = { dark: 'kubelab-dark', light: 'kubelab-light' };
