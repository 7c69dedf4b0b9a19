/**
 * Reading manifests as kubectl does: YAML (1.1 rules, like sigs.k8s.io/yaml) or JSON, several
 * documents per file, `List` objects flattened, errors worded as kubectl words them.
 */
import { metadataMapsError } from '../api/decode-errors';
import { parseYamlStream } from './yaml/parse';
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

export function parseManifests(text: string, source: string): ManifestResult {
  const parsed = parseYamlStream(text);
  if (!parsed.ok) return { ok: false, message: `error: error parsing ${source}: error converting YAML to JSON: ${parsed.message}` };
  const docs = parsed.documents;
  const documents: ManifestDocument[] = [];
  for (const raw of docs) {
    if (raw === null || raw === undefined) continue;
    const doc = normalise(raw);
    if (!isRecord(doc)) return { ok: false, message: `error: error validating "${source}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false` };
    if (typeof doc.kind !== 'string' || doc.kind === '') return { ok: false, message: `error: error validating "${source}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false` };
    if (typeof doc.apiVersion !== 'string' || doc.apiVersion === '') return { ok: false, message: `error: error validating "${source}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false` };
    const decodeError = metadataMapsError(doc.metadata);
    if (decodeError) return { ok: false, message: `error: unable to decode "${source}": ${decodeError}` };
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
