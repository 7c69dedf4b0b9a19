/**
 * YAML → JSON as kubectl reads manifests: YAML 1.1 scalars (`yes` is true, `0644` is 420, as
 * go-yaml resolves them), several documents per stream, and go-yaml's error messages.
 */
import { parseAllDocuments } from 'yaml';
import { liftDeepFlows, restoreDeepFlows } from './deep-flow';
import { goYamlMessage } from './go-yaml-errors';

export type YamlResult = { ok: true; documents: unknown[] } | { ok: false; message: string };

/** go-yaml reads `\'` in a double-quoted scalar as `'`; the yaml package keeps both characters. */
function normaliseQuotedEscapes(text: string): string {
  if (!text.includes("\\'")) return text;
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === '"' && c === '\\') {
      const next = text[i + 1] ?? '';
      out += next === "'" ? "'" : c + next;
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || (c === "'" && /[\s:[{,-]/.test(text[i - 1] ?? ' '))) {
      quote = c;
    } else if (c === '#' && /\s/.test(text[i - 1] ?? ' ')) {
      const end = text.indexOf('\n', i);
      out += text.slice(i, end < 0 ? text.length : end);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    out += c;
  }
  return out;
}

/**
 * An alias to an anchor never set. go-yaml's anchor names are letters, digits, `-` and `_` only:
 * such a name is an unknown anchor; any other character after `*` stops its scanner first.
 */
function unknownAnchor(text: string, name: string): string {
  const plain = /^[A-Za-z0-9_-]*/.exec(name)?.[0] ?? '';
  if (plain === name) return `yaml: unknown anchor '${name}' referenced`;
  const at = text.indexOf(`*${name}`);
  const line = at < 0 ? 1 : text.slice(0, at).split('\n').length;
  return `yaml: line ${line}: did not find expected alphabetic or numeric character`;
}

export function parseYamlStream(source: string): YamlResult {
  const lifted = liftDeepFlows(normaliseQuotedEscapes(source));
  if (!lifted.ok) return lifted;
  const text = lifted.text;
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line ?? 1;
      const message = goYamlMessage(text, { code: e.code, message: e.message, line, offset: e.pos[0] });
      if (message !== undefined) return { ok: false, message };
    }
  }
  try {
    return { ok: true, documents: list.map((d) => restoreDeepFlows(d.toJS({ maxAliasCount: 100 }) as unknown, lifted.values)) };
  } catch (e) {
    // A "billion laughs" alias bomb: go-yaml refuses to expand it, and so do we.
    if (e instanceof Error && e.message.includes('Excessive alias count')) return { ok: false, message: 'yaml: document contains excessive aliasing' };
    const unresolved = e instanceof Error ? /^Unresolved alias .*?: (.*)$/s.exec(e.message) : null;
    if (unresolved) return { ok: false, message: unknownAnchor(text, unresolved[1] ?? '') };
    throw e;
  }
}
