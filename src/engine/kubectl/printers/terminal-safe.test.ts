import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-safe';

describe('terminalSafe', () => {
  it('keeps text, layout characters and colours as they are', () => {
    expect(terminalSafe('plain\ttext\r\nline\b')).toBe('plain\ttext\r\nline\b');
    expect(terminalSafe('\x1b[1;31mred\x1b[0m \x1b[38:5:208mx\x1b[m')).toBe('\x1b[1;31mred\x1b[0m \x1b[38:5:208mx\x1b[m');
  });

  it('shows every other control in caret form', () => {
    expect(terminalSafe('\x1b]0;title\x07')).toBe('^[]0;title^G');
    expect(terminalSafe('\x1b[2J\x1b[H\x1b[?1049h')).toBe('^[[2J^[[H^[[?1049h');
    expect(terminalSafe('\x1bPq\x1b\\')).toBe('^[Pq^[\\');
    expect(terminalSafe('nul\x00 del\x7f c1\x9b')).toBe('nul^@ del^? c1M-^[');
  });
});
