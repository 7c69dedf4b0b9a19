import { describe, expect, it } from 'vitest';
import { drawInputRow, partialAfter } from './input-row';
import { editLine, emptyLine } from './line-editor';

describe('terminal input row', () => {
  const typed = editLine(editLine(emptyLine(), { kind: 'insert', text: 'kubectl get' }), { kind: 'left' });

  it('shows the prompt and the typed line when the shell is idle', () => {
    expect(drawInputRow({ partial: '', prompt: '$ ', busy: false, line: typed })).toBe('\r\x1b[K$ kubectl get\x1b[1D');
  });

  it('shows no prompt while a command runs, after what the program printed on this row', () => {
    expect(drawInputRow({ partial: '/ # ', prompt: '$ ', busy: true, line: emptyLine() })).toBe('\r\x1b[K/ # ');
  });

  it('tracks the unfinished last row of the output', () => {
    expect(partialAfter('', 'NAME\nnginx')).toBe('nginx');
    expect(partialAfter('ngi', 'nx')).toBe('nginx');
    expect(partialAfter('abc', 'done\n')).toBe('');
  });
});
