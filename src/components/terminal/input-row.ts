/**
 * The terminal's bottom row as a pure function: whatever the running program printed without a line
 * break yet, then the prompt (only when no command is running), then the line being typed, with the
 * cursor put back where the line editor has it. Redrawn whole after every output chunk, so output
 * never garbles what the user is typing.
 */
import { displayWidth, type LineState } from './line-editor';

export interface InputRow {
  /** Output after the last line break (a program's own prompt such as `/ # `, or `printf` text). */
  partial: string;
  prompt: string;
  busy: boolean;
  line: LineState;
}

/** Terminal output that rewrites the current row as `row`. */
export function drawInputRow(row: InputRow): string {
  const back = displayWidth(row.line.text.slice(row.line.cursor));
  return `\r\x1b[K${row.partial}${row.busy ? '' : row.prompt}${row.line.text}${back > 0 ? `\x1b[${back}D` : ''}`;
}

/** The unfinished last row after `chunk` is printed. */
export function partialAfter(partial: string, chunk: string): string {
  const lastBreak = chunk.lastIndexOf('\n');
  return lastBreak < 0 ? partial + chunk : chunk.slice(lastBreak + 1);
}
