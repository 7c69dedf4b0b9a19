/** The header's light/dark switch: one button whose label names the theme it switches to. */
import { useTheme } from '../../state/theme';

export function ThemeToggle() {
  const theme = useTheme((s) => s.theme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="theme-toggle" onClick={() => useTheme.getState().toggle()} aria-label={`Use ${next} theme`} title={`Use ${next} theme`}>
      {theme === 'dark' ? '☀' : '☾'}
    </button>
  );
}
