/**
 * Reading manifests as kubectl does: YAML (1.1 rules, like sigs.k8s.io/yaml) or JSON, several
 * documents per file, `List` objects flattened, errors worded as kubectl words them.
 */
import { loadAll, YAML11_SCHEMA } from 'js-yaml';
import type { KubeObject } from '../api/meta';
import { isRecord } from '../api/meta';

export interface ManifestDocument {
  object: KubeObject;
  /** Where it came from (the file name as given, or "STDIN"). */
  source: string;
}

export type ManifestResult = { ok: true; documents: ManifestDocument[] } | { ok: false; message: string };

/** Converts Dates that the YAML 1.1 timestamp type produces back into strings, as Go's yaml→json does. */
function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (Array.isArray(value)) return value.map(normalise);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return value;
}

/** go-yaml style message: `yaml: line 5: mapping values are not allowed in this context`. */
function yamlMessage(error: unknown): string {
  if (!(error instanceof Error)) return 'yaml: unknown error';
  const mark = (error as Error & { mark?: { line?: number } }).mark;
  const reason = (error as Error & { reason?: string }).reason ?? error.message;
  const line = mark?.line !== undefined ? mark.line + 1 : undefined;
  const text = reason
    .replace(/^bad indentation of a mapping entry$/, 'mapping values are not allowed in this context')
    .replace(/^end of the stream or a document separator is expected$/, 'did not find expected <document start>')
    .replace(/^duplicated mapping key$/, 'mapping key already defined');
  return line !== undefined ? `yaml: line ${line}: ${text}` : `yaml: ${text}`;
}

export function parseManifests(text: string, source: string): ManifestResult {
  let docs: unknown[];
  try {
    docs = loadAll(text, { schema: YAML11_SCHEMA }) as unknown[];
  } catch (e) {
    return { ok: false, message: `error: error parsing ${source}: error converting YAML to JSON: ${yamlMessage(e)}` };
  }
  const documents: ManifestDocument[] = [];
  for (const raw of docs) {
    if (raw === null || raw === undefined) continue;
    const doc = normalise(raw);
    if (!isRecord(doc)) return { ok: false, message: `error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false` };
    if (typeof doc.kind !== 'string' || doc.kind === '') return { ok: false, message: `error: error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false` };
    if (typeof doc.apiVersion !== 'string' || doc.apiVersion === '') return { ok: false, message: `error: error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false` };
    if (doc.kind === 'List' || doc.kind.endsWith('List')) {
      if (Array.isArray(doc.items)) {
        for (const item of doc.items) if (isRecord(item)) documents.push({ object: item as KubeObject, source });
        continue;
      }
    }
    if (!isRecord(doc.metadata)) doc.metadata = {};
    documents.push({ object: doc as KubeObject, source });
  }
  return { ok: true, documents };
}
