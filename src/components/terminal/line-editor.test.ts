import { describe, expect, it } from 'vitest';
import { editLine, emptyLine, keyFromData, submitLine, type LineKey } from './line-editor';

function type(keys: LineKey[], start = emptyLine()) {
  return keys.reduce(editLine, start);
}

describe('line editor', () => {
  it('inserts at the cursor and deletes around it', () => {
    const s = type([{ kind: 'insert', text: 'kubectl get' }, { kind: 'home' }, { kind: 'insert', text: '# ' }, { kind: 'end' }, { kind: 'backspace' }]);
    expect(s.text).toBe('# kubectl ge');
    expect(s.cursor).toBe(12);
  });

  it('walks history with up/down and restores the draft', () => {
    let s = emptyLine(['kubectl get pods', 'kubectl get nodes']);
    s = type([{ kind: 'insert', text: 'kub' }, { kind: 'up' }], s);
    expect(s.text).toBe('kubectl get nodes');
    s = type([{ kind: 'up' }, { kind: 'up' }], s);
    expect(s.text).toBe('kubectl get pods');
    s = type([{ kind: 'down' }, { kind: 'down' }], s);
    expect(s.text).toBe('kub');
  });

  it('kills words and lines like readline', () => {
    expect(type([{ kind: 'insert', text: 'kubectl get pods' }, { kind: 'killWord' }]).text).toBe('kubectl get ');
    expect(type([{ kind: 'insert', text: 'abc' }, { kind: 'left' }, { kind: 'killLine' }]).text).toBe('c');
  });

  it('records submitted lines once', () => {
    const first = submitLine(type([{ kind: 'insert', text: 'ls' }]));
    const second = submitLine(type([{ kind: 'insert', text: 'ls' }], first.next));
    expect(first.line).toBe('ls');
    expect(second.next.history).toEqual(['ls']);
  });

  it('decodes terminal input', () => {
    expect(keyFromData('\r')).toBe('enter');
    expect(keyFromData('\x1b[A')).toEqual({ kind: 'up' });
    expect(keyFromData('\x03')).toBe('interrupt');
    expect(keyFromData('abc')).toEqual({ kind: 'insert', text: 'abc' });
  });
});
