/**
 * Label selectors (k8s.io/apimachinery/pkg/labels): the string form (`app=web,tier!=db,env in (a,b)`)
 * and the structured LabelSelector of manifests (matchLabels + matchExpressions).
 */

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** A parsed selector: all requirements must hold. An empty selector matches everything. */
export type Selector = readonly Requirement[];

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export class SelectorParseError extends Error {}

export function matches(selector: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  for (const r of selector) if (!matchesRequirement(r, labels ?? {})) return false;
  return true;
}

function matchesRequirement(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && r.values.includes(value as string);
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value as string);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has) return false;
      const n = Number(value);
      const bound = Number(r.values[0]);
      if (!Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return r.operator === 'gt' ? n > bound : n < bound;
    }
  }
}

type TokenKind = 'id' | '!' | '(' | ')' | ',' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin' | 'end';
type Token = { kind: TokenKind; literal: string };

const SPECIAL = '!=<>(),';

/** Splits a selector into tokens (apimachinery's label selector lexer). */
function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (SPECIAL.includes(c)) {
      const two = input.slice(i, i + 2);
      if (two === '!=' || two === '==') {
        tokens.push({ kind: two, literal: two });
        i += 2;
      } else {
        tokens.push({ kind: c as TokenKind, literal: c });
        i++;
      }
      continue;
    }
    let j = i;
    while (j < input.length && !SPECIAL.includes(input[j] as string) && input[j] !== ' ' && input[j] !== '\t') j++;
    tokens.push({ kind: 'id', literal: input.slice(i, j) });
    i = j;
  }
  tokens.push({ kind: 'end', literal: '' });
  return tokens;
}

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_MESSAGE =
  'must be a qualified name (at most 63 characters, matching regex ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]), with an optional DNS subdomain prefix (at most 253 characters, matching regex [a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*) and slash (/): e.g. "MyName" or "example.com/MyName"';

function isQualifiedName(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1] as string;
  if (name.length === 0 || name.length > 63 || !QUALIFIED_NAME.test(name)) return false;
  if (parts.length === 2) {
    const prefix = parts[0] as string;
    if (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)) return false;
  }
  return true;
}

/** Parses the string form used by `-l` and `?labelSelector=`, with apimachinery's grammar and messages. */
export function parseSelector(text: string): Selector {
  const tokens = lex(text);
  let pos = 0;
  // In the key/operator position `in` and `notin` are keywords; elsewhere they are plain identifiers.
  const peek = (keywords = false): Token => {
    const t = tokens[pos] as Token;
    return keywords && t.kind === 'id' && (t.literal === 'in' || t.literal === 'notin') ? { kind: t.literal, literal: t.literal } : t;
  };
  const next = (keywords = false): Token => {
    const t = peek(keywords);
    pos++;
    return t;
  };
  const fail = (message: string): never => {
    throw new SelectorParseError(message);
  };
  const requirement = (): Requirement => {
    let t = next();
    let negated = false;
    if (t.kind === '!') {
      negated = true;
      t = next();
    }
    if (t.kind !== 'id') fail(`found '${t.literal}', expected: identifier`);
    const key = t.literal;
    if (!isQualifiedName(key)) fail(`invalid label key: ${QUALIFIED_NAME_MESSAGE}`);
    const after = peek().kind;
    if (negated) return { key, operator: '!', values: [] };
    if (after === 'end' || after === ',') return { key, operator: 'exists', values: [] };
    const op = next(true);
    const operator = ({ in: 'in', notin: 'notin', '=': '=', '==': '==', '!=': '!=', '>': 'gt', '<': 'lt' } as Partial<Record<TokenKind, Operator>>)[op.kind];
    if (!operator) return fail(`found '${op.literal}', expected: '=', '!=', '==', 'in', notin'`);
    if (operator === 'in' || operator === 'notin') return { key, operator, values: valueSet() };
    const v = peek();
    if (v.kind === 'end' || v.kind === ',') return { key, operator, values: [''] };
    const value = next();
    if (value.kind !== 'id') fail(`found '${value.literal}', expected: identifier`);
    return { key, operator, values: [value.literal] };
  };
  const valueSet = (): string[] => {
    const open = next();
    if (open.kind !== '(') fail(`found '${open.literal}' expected: '('`);
    const first = peek();
    if (first.kind === ')') {
      next();
      return [''];
    }
    if (first.kind !== 'id' && first.kind !== ',') fail(`found '${first.literal}', expected: ',', ')' or identifier`);
    const values = new Set<string>();
    for (;;) {
      const t = next();
      if (t.kind === 'id') {
        values.add(t.literal);
        const after = peek();
        if (after.kind === ',') continue;
        if (after.kind === ')') break;
        fail(`found '${after.literal}', expected: ',' or ')'`);
      } else if (t.kind === ',') {
        if (values.size === 0) values.add('');
        const after = peek();
        if (after.kind === ')') {
          values.add('');
          break;
        }
        if (after.kind === ',') {
          next();
          values.add('');
        }
      } else {
        fail(`found '${t.literal}', expected: ',', or identifier`);
      }
    }
    const close = next();
    if (close.kind !== ')') fail(`found '${first.literal}', expected: ')'`);
    return [...values].sort();
  };
  const out: Requirement[] = [];
  for (;;) {
    const t = peek();
    if (t.kind === 'end') break;
    if (t.kind !== 'id' && t.kind !== '!') fail(`found '${t.literal}', expected: !, identifier, or 'end of string'`);
    try {
      out.push(requirement());
    } catch (e) {
      if (e instanceof SelectorParseError) throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const sep = next();
    if (sep.kind === 'end') break;
    if (sep.kind !== ',') fail(`found '${sep.literal}', expected: ',' or 'end of string'`);
    const after = peek();
    if (after.kind !== 'id' && after.kind !== '!') fail(`found '${after.literal}', expected: identifier after ','`);
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Converts a manifest LabelSelector (matchLabels/matchExpressions) to requirements. */
export function fromLabelSelector(selector: LabelSelector | undefined): Selector {
  if (!selector) return [];
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) out.push({ key, operator: '=', values: [value] });
  for (const e of selector.matchExpressions ?? []) {
    const op = e.operator.toLowerCase();
    if (op === 'in') out.push({ key: e.key, operator: 'in', values: e.values ?? [] });
    else if (op === 'notin') out.push({ key: e.key, operator: 'notin', values: e.values ?? [] });
    else if (op === 'exists') out.push({ key: e.key, operator: 'exists', values: [] });
    else if (op === 'doesnotexist') out.push({ key: e.key, operator: '!', values: [] });
    else if (op === 'gt') out.push({ key: e.key, operator: 'gt', values: e.values ?? [] });
    else if (op === 'lt') out.push({ key: e.key, operator: 'lt', values: e.values ?? [] });
  }
  return out;
}

/** The canonical string form (`app=web,tier in (a,b)`), as kubectl prints SELECTOR columns. */
export function formatSelector(selector: Selector): string {
  return selector
    .map((r) => {
      switch (r.operator) {
        case '=':
        case '==':
          return `${r.key}=${r.values[0] ?? ''}`;
        case '!=':
          return `${r.key}!=${r.values[0] ?? ''}`;
        case 'in':
          return `${r.key} in (${[...r.values].sort().join(',')})`;
        case 'notin':
          return `${r.key} notin (${[...r.values].sort().join(',')})`;
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'gt':
          return `${r.key}>${r.values[0] ?? ''}`;
        case 'lt':
          return `${r.key}<${r.values[0] ?? ''}`;
      }
    })
    .join(',');
}

/** Equality requirements usable for an index look-up (`key=value`), if any. */
export function equalityRequirements(selector: Selector): Requirement[] {
  return selector.filter((r) => r.operator === '=' || r.operator === '==' || (r.operator === 'in' && r.values.length === 1));
}

/**
 * metav1.ParseToLabelSelector: the string form as a manifest LabelSelector (`app=web` into
 * matchLabels, set-based requirements into matchExpressions), as `kubectl create pdb --selector` builds it.
 */
export function toLabelSelector(text: string): LabelSelector | { error: string } {
  let parsed: Selector;
  try {
    parsed = parseSelector(text);
  } catch (e) {
    return { error: `couldn't parse the selector string "${text}": ${e instanceof Error ? e.message : String(e)}` };
  }
  const out: LabelSelector = {};
  const expressions: NonNullable<LabelSelector['matchExpressions']> = [];
  for (const r of parsed) {
    if (r.operator === '=' || r.operator === '==') out.matchLabels = { ...(out.matchLabels ?? {}), [r.key]: r.values[0] ?? '' };
    else if (r.operator === 'in') expressions.push({ key: r.key, operator: 'In', values: r.values });
    else if (r.operator === 'notin' || r.operator === '!=') expressions.push({ key: r.key, operator: 'NotIn', values: r.values });
    else if (r.operator === 'exists') expressions.push({ key: r.key, operator: 'Exists' });
    else if (r.operator === '!') expressions.push({ key: r.key, operator: 'DoesNotExist' });
    else return { error: `"${r.operator === 'gt' ? 'gt' : 'lt'}" isn't a valid label selector operator` };
  }
  if (expressions.length) out.matchExpressions = expressions;
  return out;
}
