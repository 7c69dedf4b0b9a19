/** Which theme a visit starts in (pure, so it is unit-tested without a DOM). */
export type ThemeName = 'dark' | 'light';

/** The remembered choice, else the system's preference, else dark. */
export function initialTheme(stored: string | null, prefersLight: boolean): ThemeName {
  if (stored === 'dark' || stored === 'light') return stored;
  return prefersLight ? 'light' : 'dark';
}
