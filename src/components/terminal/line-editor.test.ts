import { describe, expect, it } from 'vitest';
import { displayWidth, editLine, emptyLine, handleInput, keyFromData, redraw, submitLine, type LineKey, type LineState } from './line-editor';

function press(keys: LineKey[], start = emptyLine()): LineState {
  return keys.reduce(editLine, start);
}

/** Feeds raw terminal input one chunk at a time, collecting the effects. */
function feed(chunks: string[], start = emptyLine()) {
  let state = start;
  const effects = [];
  for (const chunk of chunks) {
    const result = handleInput(state, chunk);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}

describe('line editor: editing', () => {
  it('inserts at the cursor and deletes on either side of it', () => {
    const s = press([{ kind: 'insert', text: 'kubectl get' }, { kind: 'home' }, { kind: 'insert', text: '# ' }, { kind: 'end' }, { kind: 'backspace' }]);
    expect([s.text, s.cursor]).toEqual(['# kubectl ge', 12]);
    const d = press([{ kind: 'insert', text: 'abc' }, { kind: 'home' }, { kind: 'delete' }]);
    expect([d.text, d.cursor]).toEqual(['bc', 0]);
  });

  it('moves left and right within the line only', () => {
    const s = press([{ kind: 'insert', text: 'ab' }, { kind: 'left' }, { kind: 'left' }, { kind: 'left' }]);
    expect(s.cursor).toBe(0);
    expect(press([{ kind: 'right' }, { kind: 'right' }, { kind: 'right' }], s).cursor).toBe(2);
    expect(press([{ kind: 'backspace' }], s)).toBe(s); // nothing before the cursor
  });

  it('walks history with up/down and restores the draft', () => {
    let s = emptyLine(['kubectl get pods', 'kubectl get nodes']);
    s = press([{ kind: 'insert', text: 'kub' }, { kind: 'up' }], s);
    expect([s.text, s.cursor]).toEqual(['kubectl get nodes', 17]);
    s = press([{ kind: 'up' }, { kind: 'up' }], s);
    expect(s.text).toBe('kubectl get pods');
    s = press([{ kind: 'down' }, { kind: 'down' }, { kind: 'down' }], s);
    expect(s.text).toBe('kub');
  });

  it('kills words and lines like readline', () => {
    expect(press([{ kind: 'insert', text: 'kubectl get pods' }, { kind: 'killWord' }]).text).toBe('kubectl get ');
    expect(press([{ kind: 'insert', text: 'abc' }, { kind: 'left' }, { kind: 'killLine' }]).text).toBe('c');
    expect(press([{ kind: 'insert', text: 'abc' }, { kind: 'left' }, { kind: 'killToEnd' }]).text).toBe('ab');
  });

  it('records submitted lines in history once, skipping blank lines', () => {
    const first = submitLine(press([{ kind: 'insert', text: 'ls' }]));
    const second = submitLine(press([{ kind: 'insert', text: 'ls' }], first.next));
    const blank = submitLine(press([{ kind: 'insert', text: '   ' }], second.next));
    expect(first.line).toBe('ls');
    expect(blank.next.history).toEqual(['ls']);
    expect(blank.next.text).toBe('');
  });
});

describe('line editor: terminal input', () => {
  it('decodes keys, control codes and escape sequences', () => {
    expect(keyFromData('\r')).toBe('enter');
    expect(keyFromData('\x03')).toBe('interrupt');
    expect(keyFromData('\x0c')).toBe('clear');
    expect(keyFromData('\x1b[A')).toEqual({ kind: 'up' });
    expect(keyFromData('\x1bOH')).toEqual({ kind: 'home' });
    expect(keyFromData('\x05')).toEqual({ kind: 'end' });
    expect(keyFromData('\x1b[15~')).toBeUndefined(); // F5
    expect(keyFromData('\t')).toBeUndefined(); // reserved for completion
    expect(keyFromData('파드')).toEqual({ kind: 'insert', text: '파드' });
  });

  it('submits the typed line on Enter and starts an empty one', () => {
    const { state, effects } = feed(['k', 'g', 'e', 't', '\x7f', '\r']);
    expect(effects.filter((e) => e.kind === 'submit')).toEqual([{ kind: 'submit', line: 'kge' }]);
    expect([state.text, state.history]).toEqual(['', ['kge']]);
  });

  it('drops the line and interrupts on Ctrl-C, keeping history', () => {
    const { state, effects } = feed(['sleep 30', '\r', 'oops', '\x03']);
    expect(effects.slice(-2)).toEqual([{ kind: 'write', data: '^C\r\n' }, { kind: 'interrupt' }]);
    expect([state.text, state.history]).toEqual(['', ['sleep 30']]);
  });

  it('clears the screen on Ctrl-L without losing the typed text', () => {
    const { state, effects } = feed(['kubectl', '\x0c']);
    expect(effects.at(-1)).toEqual({ kind: 'clearScreen' });
    expect(state.text).toBe('kubectl');
  });

  it('submits every line of a multi-line paste and keeps the rest typed', () => {
    const { state, effects } = feed(['echo ', 'one\ntwo\r\nthr']);
    expect(effects.filter((e) => e.kind === 'submit').map((e) => (e.kind === 'submit' ? e.line : ''))).toEqual(['echo one', 'two']);
    expect([state.text, state.cursor]).toEqual(['thr', 3]);
  });
});

describe('line editor: drawing', () => {
  it('redraws from the old cursor and puts the cursor back', () => {
    const before = press([{ kind: 'insert', text: 'abcd' }, { kind: 'left' }]);
    const after = editLine(before, { kind: 'insert', text: 'X' });
    expect(redraw(before, after)).toBe('\x1b[3D\x1b[KabcXd\x1b[1D');
    expect(redraw(after, after)).toBe('');
  });

  it('counts Korean as two columns', () => {
    expect(displayWidth('kubectl')).toBe(7);
    expect(displayWidth('파드 a')).toBe(6);
    const before = press([{ kind: 'insert', text: '파드' }]);
    expect(redraw(before, editLine(before, { kind: 'left' }))).toBe('\x1b[4D\x1b[K파드\x1b[2D');
  });
});
