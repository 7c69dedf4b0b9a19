/**
 * Parser for the small POSIX sh subset container scripts use (`sh -c '...'` in busybox/alpine pods):
 * simple commands with assignments, `;` `&&` `||` `|` and newlines, `while`/`until` loops, `for`
 * loops and `if`. Words keep their quoting so expansion can follow sh's rules.
 */

/** One piece of a word: literal text, or text that undergoes expansion (unquoted or in double quotes). */
export interface WordPart {
  text: string;
  quote: 'none' | 'single' | 'double';
}
export type Word = WordPart[];

export type Node =
  | { kind: 'simple'; assigns: { name: string; value: Word }[]; words: Word[]; redirects: { op: string; target: Word }[] }
  | { kind: 'loop'; until: boolean; cond: ListNode; body: ListNode }
  | { kind: 'for'; name: string; items: Word[]; body: ListNode }
  | { kind: 'if'; branches: { cond: ListNode; body: ListNode }[]; otherwise?: ListNode }
  | { kind: 'pipeline'; commands: Node[]; negate: boolean };

export interface ListNode {
  items: { node: Node; op: ';' | '&&' | '||' }[];
}

type Token = { kind: 'word'; word: Word; raw: string } | { kind: 'op'; op: string };

export class ShSyntaxError extends Error {}

/** Splits a script into words and operators, keeping quotes and `$(...)` / `$((...))` intact. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';') {
      out.push({ kind: 'op', op: ';' });
      i++;
      continue;
    }
    if (c === '&' || c === '|') {
      const two = src.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        out.push({ kind: 'op', op: two });
        i += 2;
      } else {
        out.push({ kind: 'op', op: c });
        i++;
      }
      continue;
    }
    const redir = /^(\d?)(>>|>&|>|<)(\d?)/.exec(src.slice(i));
    if (redir && (c === '>' || c === '<' || /[<>]/.test(src[i + 1] ?? ''))) {
      // Redirections become operators: `2>/dev/null` → `2>` + word; `>&2` / `2>&1` → `1>&2` / `2>&1`.
      const fd = redir[1] || (redir[2] === '<' ? '0' : '1');
      if (redir[2] === '>&') {
        out.push({ kind: 'op', op: `${fd}>&${redir[3] || '1'}` });
        i += redir[0].length;
      } else {
        out.push({ kind: 'op', op: `${fd}${redir[2] as string}` });
        i += (redir[1] ?? '').length + (redir[2] as string).length;
      }
      continue;
    }
    const word: Word = [];
    const start = i;
    let plain = '';
    const flush = () => {
      if (plain) word.push({ text: plain, quote: 'none' });
      plain = '';
    };
    while (i < src.length && !' \t\n;&|<>'.includes(src[i] as string) && !(/\d/.test(src[i] as string) && i === start && /[<>]/.test(src[i + 1] ?? ''))) {
      const ch = src[i] as string;
      if (ch === "'") {
        flush();
        const end = src.indexOf("'", i + 1);
        if (end < 0) throw new ShSyntaxError('unterminated quoted string');
        word.push({ text: src.slice(i + 1, end), quote: 'single' });
        i = end + 1;
      } else if (ch === '"') {
        flush();
        let j = i + 1;
        let s = '';
        while (j < src.length && src[j] !== '"') {
          if (src[j] === '\\' && j + 1 < src.length && '"\\$`'.includes(src[j + 1] as string)) {
            s += src[j + 1];
            j += 2;
          } else if (src[j] === '$' && src[j + 1] === '(') {
            const end = matchParen(src, j + 1);
            s += src.slice(j, end + 1);
            j = end + 1;
          } else {
            s += src[j];
            j++;
          }
        }
        if (j >= src.length) throw new ShSyntaxError('unterminated quoted string');
        word.push({ text: s, quote: 'double' });
        i = j + 1;
      } else if (ch === '\\' && i + 1 < src.length) {
        flush();
        word.push({ text: src[i + 1] as string, quote: 'single' });
        i += 2;
      } else if (ch === '$' && src[i + 1] === '(') {
        const end = matchParen(src, i + 1);
        plain += src.slice(i, end + 1);
        i = end + 1;
      } else {
        plain += ch;
        i++;
      }
    }
    flush();
    out.push({ kind: 'word', word, raw: src.slice(start, i) });
  }
  return out;
}

function matchParen(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    if (src[j] === '(') depth++;
    else if (src[j] === ')') {
      depth--;
      if (depth === 0) return j;
    }
  }
  throw new ShSyntaxError("unexpected end of file (expecting \")\")");
}

const RESERVED = new Set(['do', 'done', 'then', 'fi', 'else', 'elif', 'in']);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peekWord(): string | undefined {
    const t = this.tokens[this.pos];
    return t && t.kind === 'word' ? t.raw : undefined;
  }

  private skipSeparators(): void {
    while (this.tokens[this.pos]?.kind === 'op' && (this.tokens[this.pos] as { op: string }).op === ';') this.pos++;
  }

  private expectWord(w: string): void {
    this.skipSeparators();
    if (this.peekWord() !== w) throw new ShSyntaxError(`syntax error: unexpected ${this.peekWord() ? `"${this.peekWord()}"` : 'end of file'} (expecting "${w}")`);
    this.pos++;
  }

  /** A list up to one of the terminator keywords (or the end). */
  list(terminators: string[]): ListNode {
    const items: ListNode['items'] = [];
    for (;;) {
      this.skipSeparators();
      const w = this.peekWord();
      if (this.pos >= this.tokens.length || (w !== undefined && terminators.includes(w))) break;
      const node = this.pipeline();
      const t = this.tokens[this.pos];
      let op: ';' | '&&' | '||' = ';';
      if (t?.kind === 'op' && (t.op === '&&' || t.op === '||' || t.op === ';' || t.op === '&')) {
        op = t.op === '&' ? ';' : t.op;
        this.pos++;
      }
      items.push({ node, op });
    }
    return { items };
  }

  private pipeline(): Node {
    let negate = false;
    if (this.peekWord() === '!') {
      negate = true;
      this.pos++;
    }
    const commands = [this.command()];
    while (this.tokens[this.pos]?.kind === 'op' && (this.tokens[this.pos] as { op: string }).op === '|') {
      this.pos++;
      this.skipSeparators();
      commands.push(this.command());
    }
    return commands.length === 1 && !negate ? (commands[0] as Node) : { kind: 'pipeline', commands, negate };
  }

  private command(): Node {
    const w = this.peekWord();
    if (w === 'while' || w === 'until') {
      this.pos++;
      const cond = this.list(['do']);
      this.expectWord('do');
      const body = this.list(['done']);
      this.expectWord('done');
      return { kind: 'loop', until: w === 'until', cond, body };
    }
    if (w === 'for') {
      this.pos++;
      const name = this.peekWord() ?? '';
      this.pos++;
      const items: Word[] = [];
      this.skipSeparators();
      if (this.peekWord() === 'in') {
        this.pos++;
        while (this.tokens[this.pos]?.kind === 'word') {
          items.push((this.tokens[this.pos] as { word: Word }).word);
          this.pos++;
        }
      }
      this.expectWord('do');
      const body = this.list(['done']);
      this.expectWord('done');
      return { kind: 'for', name, items, body };
    }
    if (w === 'if') {
      this.pos++;
      const branches: { cond: ListNode; body: ListNode }[] = [];
      let otherwise: ListNode | undefined;
      for (;;) {
        const cond = this.list(['then']);
        this.expectWord('then');
        const body = this.list(['elif', 'else', 'fi']);
        branches.push({ cond, body });
        const next = this.peekWord();
        this.pos++;
        if (next === 'elif') continue;
        if (next === 'else') {
          otherwise = this.list(['fi']);
          this.expectWord('fi');
        } else if (next !== 'fi') throw new ShSyntaxError('syntax error: unexpected end of file (expecting "fi")');
        break;
      }
      return { kind: 'if', branches, otherwise };
    }
    if (w !== undefined && RESERVED.has(w)) throw new ShSyntaxError(`syntax error: unexpected "${w}"`);
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirects: { op: string; target: Word }[] = [];
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos] as Token;
      if (t.kind === 'op') {
        if (/^\d>&\d$/.test(t.op)) {
          // fd duplication: both streams end up in the container log anyway.
          this.pos++;
          continue;
        }
        if (/^\d(>>|>|<)$/.test(t.op)) {
          // Redirection: skip the target word; `> /dev/null` and `> file` both just lose the output here.
          const target = this.tokens[this.pos + 1];
          this.pos += 2;
          redirects.push({ op: t.op, target: target?.kind === 'word' ? target.word : [] });
          continue;
        }
        break;
      }
      const m = words.length === 0 ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(t.raw) : null;
      if (m && t.word[0]?.quote === 'none') {
        const first = t.word[0];
        assigns.push({ name: m[1] as string, value: [{ text: first.text.slice(m[0].length), quote: 'none' }, ...t.word.slice(1)] });
      } else {
        words.push(t.word);
      }
      this.pos++;
    }
    return { kind: 'simple', assigns, words, redirects };
  }
}

/** Parses a script; throws ShSyntaxError with busybox-like wording on malformed input. */
export function parseScript(src: string): ListNode {
  const p = new Parser(tokenize(src));
  const list = p.list([]);
  return list;
}

/** A word from plain argv text (an exec-form command), taken literally. */
export function literalWord(text: string): Word {
  return [{ text, quote: 'single' }];
}
