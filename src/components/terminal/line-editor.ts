/**
 * The terminal's line editing, as pure state transitions: typing, backspace, delete, cursor moves,
 * Home/End, history with Up/Down, Ctrl-U/Ctrl-K/Ctrl-W. The React component only renders it.
 */

export interface LineState {
  text: string;
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

/** Maps xterm's raw input data to an editing key (escape sequences for arrows, Home, End, Delete). */
export function keyFromData(data: string): LineKey | 'enter' | 'interrupt' | 'clear' | undefined {
  switch (data) {
    case '\r':
      return 'enter';
    case '\x03':
      return 'interrupt';
    case '\x0c':
      return 'clear';
    case '\x7f':
    case '\b':
      return { kind: 'backspace' };
    case '\x1b[3~':
      return { kind: 'delete' };
    case '\x1b[D':
      return { kind: 'left' };
    case '\x1b[C':
      return { kind: 'right' };
    case '\x1b[A':
      return { kind: 'up' };
    case '\x1b[B':
      return { kind: 'down' };
    case '\x1b[H':
    case '\x01':
      return { kind: 'home' };
    case '\x1b[F':
    case '\x05':
      return { kind: 'end' };
    case '\x15':
      return { kind: 'killLine' };
    case '\x0b':
      return { kind: 'killToEnd' };
    case '\x17':
      return { kind: 'killWord' };
  }
  if (data.startsWith('\x1b')) return undefined;
  // Pasted text: keep printable characters and newlines handled by the caller.
  const printable = [...data].filter((c) => c === '\t' || c === '\n' || (c >= ' ' && c !== '\x7f')).join('');
  return printable ? { kind: 'insert', text: printable } : undefined;
}
