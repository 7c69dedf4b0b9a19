/**
 * Translates the `yaml` parser's errors into the messages kubectl prints, which come from go-yaml
 * (through sigs.k8s.io/yaml): `yaml: line 5: mapping values are not allowed in this context`.
 * go-yaml reports scanner errors at the 1-based line and parser errors at the line before (its
 * 0-based problem line), which is why some cases subtract one. The cases were checked against
 * real kubectl output for common mistakes (see go-yaml-errors.test.ts).
 */

export interface ParserError {
  code: string;
  message: string;
  /** 1-based line of the problem, as the `yaml` package reports it. */
  line: number;
  /** Character offset of the problem. */
  offset: number;
}

/** The innermost unclosed flow collection before `offset`: `]` for `[`, `}` for `{`. */
function expectedCloser(text: string, offset: number): ']' | '}' {
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[' || c === '{') stack.push(c);
    else if ((c === ']' || c === '}') && stack.length) stack.pop();
  }
  return stack[stack.length - 1] === '[' ? ']' : '}';
}

function lineText(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? '';
}

/** go-yaml's wording for the first error, or undefined when go-yaml would accept the input. */
export function goYamlMessage(text: string, error: ParserError): string | undefined {
  const { code, line } = error;
  switch (code) {
    case 'BAD_DQ_ESCAPE':
      // go-yaml accepts \' (and \/) inside double quotes; the yaml package does not.
      return error.message.includes("\\'") || error.message.includes('\\/') ? undefined : `yaml: line ${line}: found unknown escape character while parsing a quoted scalar`;
    case 'TAB_AS_INDENT': {
      // After a plain scalar, go-yaml is still scanning that scalar's continuation lines.
      const previous = lineText(text, line - 1).replace(/\s+#.*$/, '').trimEnd();
      const afterPlainScalar = /:\s+[^\s"'[{|>&*!]/.test(previous) || /^\s*-\s+[^\s"'[{|>&*!:]+$/.test(previous);
      return afterPlainScalar ? `yaml: line ${line}: found a tab character that violates indentation` : `yaml: line ${line}: found character that cannot start any token`;
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `yaml: line ${line + 1}: mapping values are not allowed in this context`;
    case 'MISSING_CHAR':
      if (error.message.startsWith('Missing closing')) return `yaml: line ${text.split('\n').length}: found unexpected end of stream`;
      if (error.message.includes('flow')) return `yaml: line ${line - 1}: did not find expected ',' or '${expectedCloser(text, error.offset)}'`;
      return `yaml: line ${line - 1}: did not find expected key`;
    case 'BAD_INDENT':
      if (error.message.startsWith('Flow')) return `yaml: line ${line - 1}: did not find expected ',' or '${expectedCloser(text, error.offset)}'`;
      return `yaml: line ${line - 1}: did not find expected key`;
    case 'DUPLICATE_KEY':
      return undefined; // go-yaml v2 (as sigs.k8s.io/yaml uses it) keeps the last value
    default:
      return `yaml: line ${line}: ${error.message.split(' at line ')[0]?.toLowerCase() ?? 'invalid YAML'}`;
  }
}
