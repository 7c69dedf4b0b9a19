/**
 * A small line diff (longest common subsequence) for readable test failures: `-` real, `+` ours.
 * Unchanged lines further than `context` from a change are left out.
 */
export function unifiedDiff(real: string, ours: string, context = 3): string {
  const a = real.split('\n');
  const b = ours.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      row[j] = a[i] === b[j] ? ((lcs[i + 1] as number[])[j + 1] as number) + 1 : Math.max((lcs[i + 1] as number[])[j] as number, row[j + 1] as number);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < m && (i === n || ((lcs[i] as number[])[j + 1] as number) >= ((lcs[i + 1] as number[])[j] as number))) {
      out.push(`+ ${b[j]}`);
      j++;
    } else {
      out.push(`- ${a[i]}`);
      i++;
    }
  }
  const changed = out.map((l) => !l.startsWith('  '));
  const near = (i: number) => changed.slice(Math.max(0, i - context), i + context + 1).some(Boolean);
  const kept: string[] = [];
  out.forEach((line, i) => {
    if (near(i)) kept.push(line);
    else if (kept[kept.length - 1] !== '  ...') kept.push('  ...');
  });
  return kept.join('\n');
}
