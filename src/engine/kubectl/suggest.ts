/** cobra's "Did you mean this?" suggestions: Levenshtein distance ≤ 2, or a typed prefix. */

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

export function suggestionsFor(typed: string, commands: readonly string[], minimumDistance = 2): string[] {
  const lower = typed.toLowerCase();
  return commands.filter((c) => levenshtein(lower, c.toLowerCase()) <= minimumDistance || c.toLowerCase().startsWith(lower));
}

/** `unknown command "gte" for "kubectl"` plus cobra's suggestion block. */
export function unknownCommandMessage(typed: string, parent: string, commands: readonly string[]): string {
  const suggestions = suggestionsFor(typed, commands);
  const block = suggestions.length ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}` : '\n';
  return `error: unknown command "${typed}" for "${parent}"${block}`;
}
