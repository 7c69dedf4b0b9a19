import { describe, expect, it } from 'vitest';
import { goQuote } from './go-quote';

describe('goQuote (strconv.Quote)', () => {
  it('escapes as Go does', () => {
    expect(goQuote('nginx')).toBe('"nginx"');
    expect(goQuote('a\x1b[31mred')).toBe('"a\\x1b[31mred"');
    expect(goQuote('tab\there\n"q"\\')).toBe('"tab\\there\\n\\"q\\"\\\\"');
    expect(goQuote('\x00\x7f')).toBe('"\\x00\\x7f"');
    expect(goQuote('한글 ok')).toBe('"한글 ok"');
    expect(goQuote('\u200b')).toBe('"\\u200b"');
  });
});
