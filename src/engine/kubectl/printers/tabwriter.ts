/**
 * Go's text/tabwriter, which kubectl uses for every aligned output. Text is split into lines and
 * tab-terminated cells; a column's width is set per *block* of consecutive lines that have a cell in
 * that column (a line with fewer cells ends the block), as max(cell width + padding, minwidth).
 * The text after a line's last tab is not aligned.
 */

export interface TabWriterOptions {
  minWidth: number;
  tabWidth: number;
  padding: number;
  /** Display width of a cell; Go counts runes. */
  cellWidth?: (text: string) => number;
}

/** kubectl describe: `tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)`. */
export const DESCRIBE_TABWRITER: TabWriterOptions = { minWidth: 0, tabWidth: 8, padding: 2 };
/** kubectl get: `printers.GetNewTabWriter` = `tabwriter.NewWriter(out, 6, 4, 3, ' ', 0)`. */
export const GET_TABWRITER: TabWriterOptions = { minWidth: 6, tabWidth: 4, padding: 3 };

function runeCount(text: string): number {
  return [...text].length;
}

export function formatTabbed(input: string, options: TabWriterOptions): string {
  const width = options.cellWidth ?? runeCount;
  const lines = input.split('\n');
  // A trailing newline leaves an empty last line, which Go never prints.
  const endsWithNewline = lines[lines.length - 1] === '';
  if (endsWithNewline) lines.pop();
  const cells = lines.map((line) => line.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const line = cells[i] as string[];
      let text = '';
      line.forEach((cell, j) => {
        text += cell;
        if (j < widths.length && j < line.length - 1) text += ' '.repeat(Math.max(0, (widths[j] as number) - width(cell)));
      });
      out.push(text);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= (cells[current] as string[]).length - 1) continue;
      writeLines(start, current);
      start = current;
      let w = options.minWidth;
      let end = current;
      for (; end < line1; end++) {
        const line = cells[end] as string[];
        if (column >= line.length - 1) break;
        w = Math.max(w, width(line[column] as string) + options.padding);
      }
      widths.push(w);
      format(start, end);
      widths.pop();
      start = end;
      current = end - 1;
    }
    writeLines(start, line1);
  };

  format(0, cells.length);
  return out.join('\n') + (endsWithNewline ? '\n' : '');
}

/**
 * kubectl's PrefixWriter over a tabwriter: `write(level, text)` indents by two spaces per level;
 * `flush()` aligns what was written so far on its own (as describe does before its Events table).
 */
export class PrefixWriter {
  private buffer = '';
  private done = '';

  constructor(private readonly options: TabWriterOptions = DESCRIBE_TABWRITER) {}

  write(level: number, text: string): void {
    this.buffer += '  '.repeat(level) + text;
  }

  flush(): void {
    this.done += formatTabbed(this.buffer, this.options);
    this.buffer = '';
  }

  toString(): string {
    return this.done + formatTabbed(this.buffer, this.options);
  }
}
