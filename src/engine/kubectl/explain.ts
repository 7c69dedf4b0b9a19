/**
 * `kubectl explain`'s plaintext output, rendered from a `/openapi/v3` group-version document as
 * kubectl v1.34's template does (k8s.io/kubectl pkg/explain/v2/templates/plaintext.tmpl): the
 * GROUP/KIND/VERSION header, then the field's DESCRIPTION and its FIELDS, or every field's name and
 * type under it with --recursive. Descriptions wrap as go-wordwrap wraps them.
 */
import { isRecord } from '../api/meta';
import { goSortStrings } from './printers/go-format';

type Schema = Record<string, unknown>;
type History = ReadonlySet<string>;

export interface ExplainRequest {
  group: string;
  version: string;
  resource: string;
  fieldPath: readonly string[];
  recursive: boolean;
}

/** What was written before a failure still counts: kubectl writes the header, then fails. */
export interface ExplainOutput {
  out: string;
  error?: string;
}

const isSpace = (c: string) => /\s/u.test(c) && c !== '\u00a0';

/** mitchellh/go-wordwrap WrapString: breaks at white space so lines stay within `limit` runes where it can. */
export function wrapString(s: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const c of s) {
    const wordLen = [...word].length;
    const spaceLen = [...space].length;
    if (c === '\n') {
      if (word === '') {
        if (current + spaceLen <= limit) out += space;
      } else out += space + word;
      space = '';
      word = '';
      out += c;
      current = 0;
    } else if (isSpace(c)) {
      if (space === '' || word !== '') {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        word = '';
      }
      space += c;
    } else {
      word += c;
      if (current + spaceLen + wordLen + 1 > limit && wordLen + 1 < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') {
    if (current + [...space].length <= limit) out += space;
  } else out += space + word;
  return out;
}

const indent = (amount: number, text: string) => {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join('\n' + pad);
};

const schemaAt = (value: unknown): Schema | undefined => (isRecord(value) && !Array.isArray(value) ? value : undefined);

function resolveRef(ref: unknown, document: Schema): Schema | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
  let cur: Schema | undefined = document;
  for (const part of ref.slice(1).split('/')) {
    if (part === '' || !cur) continue;
    cur = schemaAt(cur[part]);
  }
  return cur;
}

const refOf = (schema: Schema) => (typeof schema.$ref === 'string' ? schema.$ref : '');
const mapValues = (schema: Schema) => schemaAt(schema.additionalProperties);
const propertiesOf = (schema: Schema) => schemaAt(schema.properties);
const allOfOf = (schema: Schema) => (Array.isArray(schema.allOf) ? schema.allOf.map(schemaAt).filter((s): s is Schema => s !== undefined) : []);

class Renderer {
  constructor(
    private readonly document: Schema,
    private readonly recursive: boolean,
  ) {}

  typeGuess(schema: Schema): string {
    const items = schemaAt(schema.items);
    if (items) return `[]${this.typeGuess(items)}`;
    const values = mapValues(schema);
    if (values) return `map[string]${this.typeGuess(values)}`;
    const allOf = allOfOf(schema);
    if (allOf.length === 1 && !schema.properties) return this.typeGuess(allOf[0] as Schema);
    const ref = refOf(schema);
    if (ref) {
      const target = resolveRef(ref, this.document);
      if (!target || !target.type || target.type === 'object') return ref.split('/').pop()?.split('.').pop() || 'Object';
      return typeof target.type === 'string' ? target.type : 'Object';
    }
    if (schema.type === 'object') return 'Object';
    return typeof schema.type === 'string' && schema.type ? schema.type : 'Object';
  }

  extractEnum(schema: Schema, longView: boolean, limit: number, indentAmount: number): string {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0) return '';
    let out = longView ? 'ENUM:' : `\n${' '.repeat(indentAmount)}enum: `;
    for (const [i, element] of schema.enum.entries()) {
      if (limit > -1 && i >= limit) {
        out += ', ....';
        break;
      }
      if (i > 0 && !longView) out += ', ';
      else if (longView) out += '\n    ';
      out += element === '' ? '""' : String(element);
    }
    return out;
  }

  description(schema: Schema): string {
    const s = resolveRef(schema.$ref, this.document) ?? schema;
    let out = typeof s.description === 'string' && s.description ? `${s.description}\n` : '';
    for (const sub of allOfOf(s)) out += this.description(sub);
    const items = schemaAt(s.items);
    if (items) out += this.description(items);
    const values = mapValues(s);
    if (values) out += this.description(values);
    return out;
  }

  fieldDetail(name: string, parent: Schema, level: number): string {
    const amount = level * 2;
    const field = schemaAt(propertiesOf(parent)?.[name]) ?? {};
    const required = Array.isArray(parent.required) && parent.required.includes(name);
    let out = `${indent(amount, name)}\t<${this.typeGuess(field)}>${required ? ' -required-' : ''}${this.extractEnum(field, false, 4, amount)}\n`;
    if (!this.recursive) {
      const text = typeof field.description === 'string' && field.description ? field.description : '<no description>';
      out += `${indent(amount + 2, wrapString(text, 78 - amount))}\n\n`;
    }
    return out;
  }

  fieldList(schema: Schema, level: number, history: History): string {
    const ref = refOf(schema);
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = resolveRef(ref, this.document) ?? schema;
    let out = '';
    const properties = propertiesOf(resolved) ?? {};
    for (const name of goSortStrings(Object.keys(properties))) {
      out += this.fieldDetail(name, resolved, level);
      if (this.recursive) out += this.fieldList(schemaAt(properties[name]) ?? {}, level + 1, next);
    }
    for (const sub of allOfOf(resolved)) out += this.fieldList(sub, level, next);
    const items = schemaAt(resolved.items);
    if (items) out += this.fieldList(items, level, next);
    const values = mapValues(resolved);
    if (values) out += this.fieldList(values, level, next);
    return out;
  }

  output(schema: Schema, history: History, fieldPath: readonly string[]): string {
    const ref = refOf(schema);
    const next = new Set(history).add(ref);
    const resolved = resolveRef(ref, this.document) ?? schema;
    if (fieldPath.length === 0) {
      let out = `DESCRIPTION:\n${indent(4, wrapString(this.description(resolved) || '<empty>', 76))}\n`;
      const fields = this.fieldList(resolved, 1, new Set());
      if (fields) out += `FIELDS:\n${fields}`;
      return out;
    }
    if (ref && history.has(ref)) return '';
    const first = fieldPath[0] as string;
    const sub = schemaAt(propertiesOf(resolved)?.[first]);
    if (sub) {
      const head = fieldPath.length === 1 ? `FIELD: ${first} <${this.typeGuess(sub)}>\n${this.extractEnum(sub, true, -1, 0)}\n\n` : '';
      return head + this.output(sub, new Set(), fieldPath.slice(1));
    }
    const items = schemaAt(resolved.items);
    if (items) return this.output(items, next, fieldPath);
    const values = mapValues(resolved);
    if (values) return this.output(values, next, fieldPath);
    for (const alternative of allOfOf(resolved)) {
      const out = this.output(alternative, next, fieldPath);
      if (out) return out;
    }
    return '';
  }
}

/** The group-version-kind the document's paths give the resource. */
function kindOf(document: Schema, request: ExplainRequest): Schema | undefined {
  const prefix = request.group ? `/apis/${request.group}` : '/api';
  const base = `${prefix}/${request.version}`;
  const paths = schemaAt(document.paths) ?? {};
  for (const path of [`${base}/${request.resource}`, `${base}/${request.resource}/{name}`, `${base}/namespaces/{namespace}/${request.resource}`, `${base}/namespaces/{namespace}/${request.resource}/{name}`]) {
    const item = schemaAt(paths[path]);
    if (!item) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const gvk = schemaAt(schemaAt(item[method])?.['x-kubernetes-group-version-kind']);
      if (gvk) return gvk;
    }
  }
  return undefined;
}

const sameGvk = (a: unknown, b: Schema) => isRecord(a) && a.group === b.group && a.kind === b.kind && a.version === b.version;

export function explain(document: Schema, request: ExplainRequest): ExplainOutput {
  const gvk = kindOf(document, request);
  const gvr = `${request.group}/${request.version}, Resource=${request.resource}`;
  if (!gvk) return { out: '', error: `error: GVR (${gvr}) not found in OpenAPI schema` };
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const out = `${text(gvk.group) ? `GROUP:      ${text(gvk.group)}\n` : ''}KIND:       ${text(gvk.kind)}\nVERSION:    ${text(gvk.version)}\n\n`;
  const renderer = new Renderer(document, request.recursive);
  const schemas = schemaAt(schemaAt(document.components)?.schemas) ?? {};
  for (const name of goSortStrings(Object.keys(schemas))) {
    const schema = schemaAt(schemas[name]) ?? {};
    const kinds = schema['x-kubernetes-group-version-kind'];
    if (!Array.isArray(kinds) || !kinds.some((k) => sameGvk(k, gvk))) continue;
    const body = renderer.output(schema, new Set(), request.fieldPath);
    if (!body) return { out, error: `error: field "${request.fieldPath[request.fieldPath.length - 1] ?? ''}" does not exist` };
    return { out: out + body + '\n' };
  }
  return { out, error: `error: GVK map[group:${text(gvk.group)} kind:${text(gvk.kind)} version:${text(gvk.version)}] not found in OpenAPI schema` };
}
