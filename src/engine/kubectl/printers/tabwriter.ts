/**
 * Go's text/tabwriter (and liggitt/tabwriter, its fork kubectl get uses), which lays out every
 * aligned kubectl output. Text is split into lines and cells; a cell is *terminated* by a tab, so
 * the text after a line's last tab is not part of any column. A column is a run of consecutive
 * lines that all have a terminated cell at that index: its width is the widest cell + padding
 * (at least minWidth), and a line without that cell ends the run. Nested columns are laid out
 * inside the run of the column to their left.
 *
 * Caveats: `\v` terminates a cell like `\t`; `\f` ends the line and flushes, so the lines after it
 * start new columns. Escape sequences (`\xff`), HTML filtering and the fork's RememberWidths flag
 * (widths carried across flushes while watching) are not modelled: kubectl get prints each
 * resource group in one flush and resets remembered widths between groups.
 */

export interface TabWriterOptions {
  minWidth: number;
  tabWidth: number;
  padding: number;
  /** Display width of a cell; Go counts runes (code points). */
  cellWidth?: (text: string) => number;
}

/** kubectl describe: `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)` (pkg/describe tabbedString). */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, tabWidth: 8, padding: 2 };
/** kubectl get: cli-runtime `printers.GetNewTabWriter` = `NewWriter(out, 6, 4, 3, ' ', RememberWidths)`. */
export const GET_TABWRITER: TabWriterOptions = { minWidth: 6, tabWidth: 4, padding: 3 };

function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Aligns one flushed segment (no form feeds inside). */
function formatSegment(lines: readonly string[][], options: TabWriterOptions, out: string[]): void {
  const width = options.cellWidth ?? runeCount;
  const widths: number[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i] as string[];
      let text = '';
      for (let j = 0; j < line.length; j++) {
        const cell = line[j] as string;
        text += cell;
        // Only terminated cells are padded; the last cell of a line never is.
        if (j < widths.length && j < line.length - 1) text += ' '.repeat(Math.max(0, (widths[j] as number) - width(cell)));
      }
      out.push(text);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    let current = line0;
    while (current < line1) {
      if (column >= (lines[current] as string[]).length - 1) {
        current++;
        continue;
      }
      writeLines(start, current);
      start = current;
      let w = options.minWidth;
      let end = current;
      for (; end < line1; end++) {
        const line = lines[end] as string[];
        if (column >= line.length - 1) break;
        w = Math.max(w, width(line[column] as string) + options.padding);
      }
      widths.push(w);
      format(start, end);
      widths.pop();
      start = end;
      current = end + 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
}

/** Runs `input` through a tabwriter and flushes it. A missing final newline stays missing. */
export function formatTabbed(input: string, options: TabWriterOptions): string {
  const out: string[] = [];
  const rawLines = input.split(/\n|\f/);
  const separators = [...input.matchAll(/\n|\f/g)].map((m) => m[0]);
  let segment: string[][] = [];
  rawLines.forEach((raw, i) => {
    const isLast = i === rawLines.length - 1;
    if (isLast && raw === '') return; // text ended with a line break
    segment.push(raw.split(/\t|\v/));
    if (separators[i] === '\f') {
      formatSegment(segment, options, out);
      segment = [];
    }
  });
  formatSegment(segment, options, out);
  const endsWithBreak = separators.length > 0 && rawLines[rawLines.length - 1] === '';
  return out.join('\n') + (endsWithBreak ? '\n' : '');
}

/** kubectl's terminal escaping (cli-runtime printers.WriteEscaped): ESC and CR are made visible. */
export function escapeTerminal(text: string): string {
  return text.replaceAll(String.fromCharCode(27), '^[').replaceAll('\r', '\\r');
}

/**
 * kubectl describe's PrefixWriter over a tabwriter: `write(level, text)` indents by two spaces per
 * level and escapes terminal control characters; `flush()` aligns what was written so far on its
 * own, as DescribeEvents does before the events table.
 */
export class PrefixWriter {
  private buffer = '';
  private done = '';

  constructor(private readonly options: TabWriterOptions = DESCRIBE_TABWRITER) {}

  write(level: number, text: string): void {
    this.buffer += escapeTerminal('  '.repeat(Math.max(0, level)) + text);
  }

  /** fmt.Sprintln of one value: the text and a newline, without indentation. */
  writeLine(text = ''): void {
    this.buffer += escapeTerminal(text + '\n');
  }

  flush(): void {
    this.done += formatTabbed(this.buffer, this.options);
    this.buffer = '';
  }

  toString(): string {
    return this.done + formatTabbed(this.buffer, this.options);
  }

  /** What kubectl's PrefixWriter puts in a plain buffer, with no tabwriter after it: tabs stay tabs (rollout history's pod templates). */
  toRawString(): string {
    return this.done + this.buffer;
  }
}
