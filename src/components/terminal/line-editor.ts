/**
 * The terminal's line editing as pure state transitions, readline style: typing and pasting,
 * Backspace / Delete, Left / Right, Home / End (also Ctrl-A / Ctrl-E), history with Up / Down,
 * Ctrl-U / Ctrl-K / Ctrl-W, Enter, Ctrl-C and Ctrl-L. `handleInput` turns xterm's raw input into the
 * next state plus effects (what to draw, what to send); the React component only carries them out.
 *
 * Caveats: the redraw moves the cursor within one screen row, so a line longer than the terminal is
 * wide redraws imperfectly; Tab is reserved for completion and ignored for now.
 */

export interface LineState {
  text: string;
  /** Cursor position, in UTF-16 code units of `text`. */
  cursor: number;
  history: readonly string[];
  /** Position in history while browsing (history.length = the line being typed). */
  historyIndex: number;
  /** The line being typed before browsing history started. */
  draft: string;
}

export type LineKey =
  | { kind: 'insert'; text: string }
  | { kind: 'backspace' }
  | { kind: 'delete' }
  | { kind: 'left' }
  | { kind: 'right' }
  | { kind: 'home' }
  | { kind: 'end' }
  | { kind: 'up' }
  | { kind: 'down' }
  | { kind: 'killLine' }
  | { kind: 'killToEnd' }
  | { kind: 'killWord' };

/** Keys that act on the terminal rather than on the line. */
export type ControlKey = 'enter' | 'interrupt' | 'clear';

/** What the terminal must do after an input. */
export type LineEffect =
  /** Write this to the terminal (echo, cursor moves). */
  | { kind: 'write'; data: string }
  /** Send this line to the shell (Enter). */
  | { kind: 'submit'; line: string }
  /** Ctrl-C: the typed line is dropped; the running program, if any, gets SIGINT. */
  | { kind: 'interrupt' }
  /** Ctrl-L: clear the screen, keeping the line being typed. */
  | { kind: 'clearScreen' };

export function emptyLine(history: readonly string[] = []): LineState {
  return { text: '', cursor: 0, history, historyIndex: history.length, draft: '' };
}

export function editLine(state: LineState, key: LineKey): LineState {
  const { text, cursor } = state;
  switch (key.kind) {
    case 'insert':
      return { ...state, text: text.slice(0, cursor) + key.text + text.slice(cursor), cursor: cursor + key.text.length };
    case 'backspace':
      return cursor === 0 ? state : { ...state, text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 };
    case 'delete':
      return cursor >= text.length ? state : { ...state, text: text.slice(0, cursor) + text.slice(cursor + 1) };
    case 'left':
      return { ...state, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { ...state, cursor: Math.min(text.length, cursor + 1) };
    case 'home':
      return { ...state, cursor: 0 };
    case 'end':
      return { ...state, cursor: text.length };
    case 'killLine':
      return { ...state, text: text.slice(cursor), cursor: 0 };
    case 'killToEnd':
      return { ...state, text: text.slice(0, cursor) };
    case 'killWord': {
      const before = text.slice(0, cursor).replace(/\S+\s*$/, '');
      return { ...state, text: before + text.slice(cursor), cursor: before.length };
    }
    case 'up': {
      if (state.historyIndex === 0) return state;
      const index = state.historyIndex - 1;
      const draft = state.historyIndex === state.history.length ? text : state.draft;
      const line = state.history[index] ?? '';
      return { ...state, historyIndex: index, draft, text: line, cursor: line.length };
    }
    case 'down': {
      if (state.historyIndex >= state.history.length) return state;
      const index = state.historyIndex + 1;
      const line = index === state.history.length ? state.draft : (state.history[index] ?? '');
      return { ...state, historyIndex: index, text: line, cursor: line.length };
    }
  }
}

/** After Enter: the submitted line goes to history (unless blank or a repeat of the last). */
export function submitLine(state: LineState): { line: string; next: LineState } {
  const line = state.text;
  const last = state.history[state.history.length - 1];
  const history = line.trim() === '' || line === last ? state.history : [...state.history, line];
  return { line, next: emptyLine(history) };
}

const SINGLE_KEYS: Readonly<Record<string, LineKey | ControlKey>> = {
  '\r': 'enter',
  '\x03': 'interrupt',
  '\x0c': 'clear',
  '\x7f': { kind: 'backspace' },
  '\b': { kind: 'backspace' },
  '\x1b[3~': { kind: 'delete' },
  '\x1b[D': { kind: 'left' },
  '\x1b[C': { kind: 'right' },
  '\x1b[A': { kind: 'up' },
  '\x1b[B': { kind: 'down' },
  '\x1b[H': { kind: 'home' },
  '\x1bOH': { kind: 'home' },
  '\x01': { kind: 'home' },
  '\x1b[F': { kind: 'end' },
  '\x1bOF': { kind: 'end' },
  '\x05': { kind: 'end' },
  '\x15': { kind: 'killLine' },
  '\x0b': { kind: 'killToEnd' },
  '\x17': { kind: 'killWord' },
};

/** Maps one key's worth of xterm input (a character, a control code, an escape sequence) to a key. */
export function keyFromData(data: string): LineKey | ControlKey | undefined {
  const known = SINGLE_KEYS[data];
  if (known !== undefined) return known;
  if (data.startsWith('\x1b')) return undefined; // other escape sequences (F-keys, Alt-...) do nothing
  const printable = [...data].filter((c) => c >= ' ' && c !== '\x7f').join('');
  return printable ? { kind: 'insert', text: printable } : undefined;
}

/** Columns a string takes on screen: East Asian wide characters (Hangul, CJK, fullwidth) take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

const cursorLeft = (columns: number) => (columns > 0 ? `\x1b[${columns}D` : '');

/** The terminal output that turns the line as drawn for `before` into the line of `after`. */
export function redraw(before: LineState, after: LineState): string {
  if (before.text === after.text && before.cursor === after.cursor) return '';
  const back = displayWidth(after.text.slice(after.cursor));
  return `${cursorLeft(displayWidth(before.text.slice(0, before.cursor)))}\x1b[K${after.text}${cursorLeft(back)}`;
}

/**
 * Applies raw terminal input: one key, or pasted text, where each line break submits the line so
 * far (as a real terminal does) and the rest stays typed.
 */
export function handleInput(state: LineState, data: string): { state: LineState; effects: LineEffect[] } {
  const isPaste = data.length > 1 && !data.startsWith('\x1b') && /[\r\n]/.test(data);
  if (isPaste) return handlePaste(state, data);
  const key = keyFromData(data);
  if (key === undefined) return { state, effects: [] };
  if (key === 'enter') {
    const { line, next } = submitLine(state);
    return { state: next, effects: [{ kind: 'submit', line }] };
  }
  if (key === 'interrupt') {
    return { state: emptyLine(state.history), effects: [{ kind: 'write', data: '^C\r\n' }, { kind: 'interrupt' }] };
  }
  if (key === 'clear') return { state, effects: [{ kind: 'clearScreen' }] };
  const next = editLine(state, key);
  const output = redraw(state, next);
  return { state: next, effects: output ? [{ kind: 'write', data: output }] : [] };
}

function handlePaste(state: LineState, data: string): { state: LineState; effects: LineEffect[] } {
  const parts = data.replace(/\t/g, ' ').split(/\r\n|\r|\n/);
  const rest = parts.pop() ?? '';
  let current = state;
  const effects: LineEffect[] = [];
  for (const part of parts) {
    const typed = part ? editLine(current, { kind: 'insert', text: keyText(part) }) : current;
    const { line, next } = submitLine({ ...typed, cursor: typed.text.length });
    effects.push({ kind: 'submit', line });
    current = next;
  }
  const typed = rest ? editLine(current, { kind: 'insert', text: keyText(rest) }) : current;
  const output = redraw({ ...current, text: '', cursor: 0 }, typed);
  if (output) effects.push({ kind: 'write', data: output });
  return { state: typed, effects };
}

function keyText(text: string): string {
  const key = keyFromData(text);
  return typeof key === 'object' && key.kind === 'insert' ? key.text : '';
}
