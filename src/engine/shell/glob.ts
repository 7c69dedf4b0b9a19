/**
 * Pathname expansion (`*.yaml`, `/etc/kubernetes/manifests/*`, `pod-?.txt`, `[ab]*`) against a
 * virtual filesystem, as bash does it by default: names starting with `.` match only a pattern
 * that starts with `.`, matches come back sorted, and a pattern that matches nothing stays as it is.
 */
import type { VirtualFileSystem } from './filesystem';

/** One character of a word after expansion; `active` when it was unquoted literal text (so `*` is a wildcard). */
export interface GlobChar {
  ch: string;
  active: boolean;
}

const WILDCARDS = new Set(['*', '?', '[']);

export function hasWildcard(chars: GlobChar[]): boolean {
  return chars.some((c) => c.active && WILDCARDS.has(c.ch));
}

/** The regular expression for one path segment of a pattern. */
function segmentRegex(chars: GlobChar[]): RegExp {
  let source = '';
  for (let i = 0; i < chars.length; i++) {
    const { ch, active } = chars[i] as GlobChar;
    if (active && ch === '*') source += '.*';
    else if (active && ch === '?') source += '.';
    else if (active && ch === '[') {
      const close = chars.findIndex((c, j) => j > i + 1 && c.ch === ']');
      if (close < 0) {
        source += '\\[';
        continue;
      }
      const body = chars
        .slice(i + 1, close)
        .map((c) => c.ch)
        .join('');
      source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** The paths a pattern matches, sorted; undefined when it has no wildcard or matches nothing. */
export function expandGlob(chars: GlobChar[], fs: VirtualFileSystem, cwd: string): string[] | undefined {
  if (!hasWildcard(chars)) return undefined;
  const segments: GlobChar[][] = [[]];
  for (const c of chars) {
    if (c.ch === '/') segments.push([]);
    else (segments[segments.length - 1] as GlobChar[]).push(c);
  }
  // Each candidate: the text shown (as typed, with matched names) and where it is.
  let candidates: string[] = [chars[0]?.ch === '/' ? '/' : ''];
  if (chars[0]?.ch === '/') segments.shift();
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    const join = (base: string, name: string) => (base === '' || base.endsWith('/') ? base + name : `${base}/${name}`);
    if (!hasWildcard(segment)) {
      const name = segment.map((c) => c.ch).join('');
      candidates = candidates.map((base) => (last && name === '' ? `${base}/` : join(base, name)));
      return;
    }
    const regex = segmentRegex(segment);
    const dotted = segment[0]?.ch === '.';
    candidates = candidates.flatMap((base) => {
      const dir = fs.resolve(cwd, base === '' ? '.' : base);
      if (!fs.isDir(dir)) return [];
      return fs
        .list(dir)
        .filter((name) => regex.test(name) && (dotted || !name.startsWith('.')))
        .sort()
        .map((name) => join(base, name));
    });
  });
  const found = candidates.filter((p) => fs.exists(fs.resolve(cwd, p)));
  return found.length ? found : undefined;
}
