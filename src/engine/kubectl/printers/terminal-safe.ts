/**
 * What container output may do to the lab's terminal. Real kubectl copies a container's log bytes to
 * the terminal as they are, so a log could retitle the terminal, clear it, move its cursor, switch
 * screens or (OSC 52) write the clipboard. The lab keeps colours and styles (SGR, `ESC [ ... m`) and
 * the ordinary layout characters (tab, newline, carriage return, backspace), and shows every other
 * control character in `cat -v`'s caret form (`^[`, `^G`, `M-^[`), the way kubectl's own describe
 * escapes ESC. See docs/reliability.md.
 */

// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const SGR = /^\x1b\[[0-9;:]*m/;

function caret(code: number): string {
  if (code === 0x7f) return '^?';
  if (code >= 0x80) return `M-^${String.fromCharCode(code - 0x80 + 64)}`;
  return `^${String.fromCharCode(code + 64)}`;
}

function isControl(code: number): boolean {
  if (code === 0x09 || code === 0x0a || code === 0x0d || code === 0x08) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

export function terminalSafe(text: string): string {
  // Most logs have no control characters at all.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (!/[\x00-\x07\x0b\x0c\x0e-\x1f\x7f-\x9f]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x1b) {
      const sgr = SGR.exec(text.slice(i, i + 64));
      if (sgr) {
        out += sgr[0];
        i += sgr[0].length - 1;
        continue;
      }
    }
    out += isControl(code) ? caret(code) : text[i];
  }
  return out;
}
