import { describe, expect, it } from 'vitest';
import { initialTheme } from './theme-choice';

describe('initialTheme', () => {
  it('keeps a remembered choice over the system preference', () => {
    expect(initialTheme('light', false)).toBe('light');
    expect(initialTheme('dark', true)).toBe('dark');
  });
  it('follows the system preference on a first visit, and ignores junk in storage', () => {
    expect(initialTheme(null, true)).toBe('light');
    expect(initialTheme(null, false)).toBe('dark');
    expect(initialTheme('solarized', true)).toBe('light');
  });
});
