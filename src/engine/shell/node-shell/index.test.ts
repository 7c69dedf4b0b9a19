import { describe, expect, it } from 'vitest';
import { shellQuote } from './index';

describe('shellQuote (docker exec rebuilding its argument list)', () => {
  it('leaves plain words alone', () => {
    expect(shellQuote('/var/lib/kubelet/config.yaml')).toBe('/var/lib/kubelet/config.yaml');
    expect(shellQuote('-E')).toBe('-E');
  });
  it('quotes shell operators so a quoted | or ; reaches the command', () => {
    expect(shellQuote('a|b')).toBe(`'a|b'`);
    expect(shellQuote('x;y')).toBe(`'x;y'`);
    expect(shellQuote('*.yaml')).toBe(`'*.yaml'`);
    expect(shellQuote('')).toBe(`''`);
  });
  it('escapes single quotes', () => {
    expect(shellQuote(`it's`)).toBe(`'it'\\''s'`);
  });
});
