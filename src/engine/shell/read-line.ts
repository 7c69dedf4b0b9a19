/**
 * Line-level helpers of the shell: the `read` builtin's splitting of one input line into
 * variables, and how a command typed over several lines is kept as one history entry.
 */

/**
 * `read [-r] [NAME...]`: takes one line from `input` (moving its position on) and splits it at
 * blanks into NAMEs, the last one taking the rest (REPLY without names). Status 1 at the end of the
 * input, also when a last line without its newline was still read.
 */
export function readLine(args: string[], input: { text: string; pos: number } | undefined, dialect: 'bash' | 'busybox'): { status: number; values: [string, string][]; error?: string } {
  const raw = args.includes('-r');
  const names = args.filter((a) => !a.startsWith('-'));
  const bad = names.find((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
  if (bad !== undefined) return { status: 1, values: [], error: dialect === 'busybox' ? `sh: read: '${bad}': bad variable name\n` : `bash: read: \`${bad}': not a valid identifier\n` };
  if (!input || input.pos >= input.text.length) return { status: 1, values: (names.length ? names : ['REPLY']).map((n) => [n, '']) };
  const end = input.text.indexOf('\n', input.pos);
  let line = input.text.slice(input.pos, end < 0 ? input.text.length : end);
  input.pos = end < 0 ? input.text.length : end + 1;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const values: [string, string][] = [];
  if (names.length === 0) values.push(['REPLY', line]);
  let rest = line.replace(/^[ \t]+/, '');
  names.forEach((n, i) => {
    if (i === names.length - 1) {
      values.push([n, rest.replace(/[ \t]+$/, '')]);
      return;
    }
    const m = /^(\S*)[ \t]*/.exec(rest);
    values.push([n, m?.[1] ?? '']);
    rest = rest.slice(m?.[0].length ?? rest.length);
  });
  return { status: end < 0 ? 1 : 0, values };
}

/**
 * A command typed over several lines becomes one history entry, as bash's cmdhist makes it: lines
 * join with `; `, or a space after a word that needs no separator (`do`, `then`, `|`, `&&`), or a
 * newline inside a quote or a here-document.
 */
export function historyJoin(entry: string, line: string, literal: boolean): string {
  if (literal) return `${entry}\n${line}`;
  if (line.trim() === '') return entry;
  const last = entry.trimEnd();
  return /(^|[\s;&|])(do|then|else|elif|if|while|until|in|\{|!)$|(\||&&|;)$/.test(last) ? `${last} ${line}` : `${last}; ${line}`;
}
