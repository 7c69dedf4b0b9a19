/**
 * The errors Go's JSON decoder gives when a field has the wrong JSON type, as both kubectl (decoding
 * a manifest) and the API server (decoding a request body) report them. Go names the innermost
 * struct and the full field path: `json: cannot unmarshal bool into Go struct field
 * ObjectMeta.metadata.annotations of type string` (checked against real kubectl v1.34).
 */
import { isRecord } from './meta';

/** What Go's decoder calls a JSON value's type. */
export function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

export function unmarshalError(got: unknown, struct: string, field: string, goType: string): string {
  return `json: cannot unmarshal ${jsonTypeName(got)} into Go struct field ${struct}.${field} of type ${goType}`;
}

/** The first wrongly typed label or annotation map (or value) in an object's metadata. */
export function metadataMapsError(metadata: unknown): string | undefined {
  if (!isRecord(metadata)) return undefined;
  for (const field of ['labels', 'annotations'] as const) {
    const map: unknown = metadata[field];
    if (map === undefined || map === null) continue;
    if (!isRecord(map) || Array.isArray(map)) return unmarshalError(map, 'ObjectMeta', `metadata.${field}`, 'map[string]string');
    for (const value of Object.values(map)) if (typeof value !== 'string') return unmarshalError(value, 'ObjectMeta', `metadata.${field}`, 'string');
  }
  return undefined;
}

/** Maps of strings (or bytes) at the top of a kind, as Go's decoder checks them: ConfigMap and Secret data. */
const STRING_MAPS: Record<string, [field: string, goType: string][]> = {
  ConfigMap: [
    ['data', 'string'],
    ['binaryData', '[]uint8'],
  ],
  Secret: [
    ['data', '[]uint8'],
    ['stringData', 'string'],
  ],
};

/** The first field of the wrong JSON type among a ConfigMap's or Secret's data maps. */
export function dataMapsError(kind: string, object: Record<string, unknown>): string | undefined {
  for (const [field, goType] of STRING_MAPS[kind] ?? []) {
    const map = object[field];
    if (map === undefined || map === null) continue;
    if (!isRecord(map) || Array.isArray(map)) return unmarshalError(map, kind, field, `map[string]${goType}`);
    for (const value of Object.values(map)) if (typeof value !== 'string' && value !== null) return unmarshalError(value, kind, field, goType);
  }
  return undefined;
}
