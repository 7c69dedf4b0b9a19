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

const KEY_CHARS = /^[A-Za-z0-9._\-/]+$/;

/** Parses the string form used by `-l` and `?labelSelector=`. Throws SelectorParseError with apimachinery-like text. */
export function parseSelector(text: string): Selector {
  const input = text.trim();
  if (input === '') return [];
  const out: Requirement[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < input.length && input[i] === ' ') i++;
  };
  const readWord = (): string => {
    skipSpace();
    const start = i;
    while (i < input.length && !' ,()=!<>'.includes(input[i] as string)) i++;
    return input.slice(start, i);
  };
  for (;;) {
    skipSpace();
    let negated = false;
    if (input[i] === '!') {
      negated = true;
      i++;
    }
    const key = readWord();
    if (key === '') throw new SelectorParseError(`found '${input[i] ?? ''}', expected: identifier`);
    if (!KEY_CHARS.test(key)) throw new SelectorParseError(`unable to parse requirement: invalid label key "${key}"`);
    skipSpace();
    if (negated) {
      out.push({ key, operator: '!', values: [] });
    } else if (i >= input.length || input[i] === ',') {
      out.push({ key, operator: 'exists', values: [] });
    } else if (input.startsWith('==', i)) {
      i += 2;
      out.push({ key, operator: '==', values: [readWord()] });
    } else if (input.startsWith('!=', i)) {
      i += 2;
      out.push({ key, operator: '!=', values: [readWord()] });
    } else if (input[i] === '=') {
      i += 1;
      out.push({ key, operator: '=', values: [readWord()] });
    } else if (input[i] === '>' || input[i] === '<') {
      const op = input[i] === '>' ? 'gt' : 'lt';
      i += 1;
      out.push({ key, operator: op, values: [readWord()] });
    } else {
      const word = readWord();
      if (word !== 'in' && word !== 'notin') throw new SelectorParseError(`found '${word}', expected: '=', '!=', '==', 'in', notin'`);
      skipSpace();
      if (input[i] !== '(') throw new SelectorParseError(`found '${input[i] ?? ''}', expected: '('`);
      i++;
      const values: string[] = [];
      for (;;) {
        const v = readWord();
        values.push(v);
        skipSpace();
        if (input[i] === ',') {
          i++;
          continue;
        }
        if (input[i] === ')') {
          i++;
          break;
        }
        throw new SelectorParseError(`found '${input[i] ?? ''}', expected: ',', ')' or identifier`);
      }
      out.push({ key, operator: word, values });
    }
    skipSpace();
    if (i >= input.length) break;
    if (input[i] !== ',') throw new SelectorParseError(`found '${input[i]}', expected: ',' or 'end of string'`);
    i++;
  }
  return out;
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
