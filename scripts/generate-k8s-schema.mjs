#!/usr/bin/env node
/**
 * Writes the editor's Kubernetes JSON schema (src/components/editor/schema/kubernetes-v1.34.json)
 * from @kubernetes/client-node, whose models are generated from the Kubernetes v1.34.0 OpenAPI
 * document: each model's fields, their types, which are required and their descriptions. One
 * branch per kind the lab's API server serves (src/engine/api/resources.ts), picked by apiVersion
 * and kind, so a manifest gets the schema of exactly its kind; any other kind is left alone.
 *
 *   npx tsx scripts/generate-k8s-schema.mjs          # rewrite the file
 *   npx tsx scripts/generate-k8s-schema.mjs --check  # exit 1 if the file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXTRA_SERVED_VERSIONS, RESOURCE_TYPES, apiVersionOf } from '../src/engine/api/resources';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = join(root, 'src', 'components', 'editor', 'schema', 'kubernetes-v1.34.json');
const require = createRequire(import.meta.url);
const MODELS_DIR = join(dirname(require.resolve('@kubernetes/client-node')), 'gen', 'models');

/**
 * Fields whose Go type is resource.Quantity: the generated models flatten them to strings, but
 * Kubernetes accepts a number too (`cpu: 1`). Keyed by model, then field.
 * @type {Record<string, string[]>}
 */
const QUANTITY_FIELDS = {
  V1ResourceRequirements: ['limits', 'requests'],
  V1VolumeResourceRequirements: ['limits', 'requests'],
  V1EmptyDirVolumeSource: ['sizeLimit'],
  V1LimitRangeItem: ['default', 'defaultRequest', 'max', 'maxLimitRequestRatio', 'min'],
  V1PersistentVolumeSpec: ['capacity'],
  V1PersistentVolumeClaimStatus: ['allocatedResources', 'capacity'],
  V1PodSpec: ['overhead'],
  V1PodStatus: ['allocatedResources'],
  V1ContainerStatus: ['allocatedResources'],
  V1NodeStatus: ['allocatable', 'capacity'],
  V1ResourceFieldSelector: ['divisor'],
  V1ResourceQuotaSpec: ['hard'],
  V1ResourceQuotaStatus: ['hard', 'used'],
  V1Overhead: ['podFixed'],
  V1CSIStorageCapacity: ['capacity', 'maximumVolumeSize'],
  V2MetricTarget: ['averageValue', 'value'],
  V2MetricValueStatus: ['averageValue', 'value'],
  V2HPAScalingRules: ['tolerance'],
  V1CapacityRequestPolicy: ['default', 'validValues'],
  V1CapacityRequestPolicyRange: ['max', 'min', 'step'],
  V1CapacityRequirements: ['requests'],
  V1Counter: ['value'],
  V1DeviceCapacity: ['value'],
  V1DeviceRequestAllocationResult: ['consumedCapacity'],
};

/** @typedef {{ name: string, baseName: string, type: string, format: string }} Attribute */
/** @typedef {{ description?: string, fields: Map<string, { description?: string, required: boolean }> }} ModelDoc */

/** The generator escapes quotes in descriptions (`pod\'s`); undo that. @param {string} text */
const unescape = (text) => text.replace(/\\(["'`\\])/g, '$1').trim();

/** The JSDoc text just before `at` in a .d.ts, if the previous token is a doc comment. @param {string} source @param {number} at */
function docBefore(source, at) {
  const before = source.slice(0, at).trimEnd();
  if (!before.endsWith('*/')) return undefined;
  const start = before.lastIndexOf('/**');
  const lines = before.slice(start + 3, -2).split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
  const text = unescape(lines.join('\n'));
  return text === '' ? undefined : text;
}

/** Descriptions and required fields, read from a model's .d.ts. @param {string} model @returns {ModelDoc} */
function readModelDoc(model) {
  const source = readFileSync(join(MODELS_DIR, `${model}.d.ts`), 'utf8');
  const classAt = source.indexOf(`export declare class ${model} `);
  /** @type {ModelDoc} */
  const doc = { description: docBefore(source, classAt), fields: new Map() };
  const fieldPattern = /^ {4}'([^']+)'(\??): /gm;
  fieldPattern.lastIndex = classAt;
  for (let m = fieldPattern.exec(source); m; m = fieldPattern.exec(source)) {
    doc.fields.set(/** @type {string} */ (m[1]), { description: docBefore(source, m.index), required: m[2] !== '?' });
  }
  return doc;
}

/** @param {string} model @returns {Promise<Attribute[]>} */
async function readAttributes(model) {
  const mod = /** @type {Record<string, { attributeTypeMap: Attribute[] }>} */ (await import(pathToFileURL(join(MODELS_DIR, `${model}.js`)).href));
  const cls = mod[model];
  if (!cls) throw new Error(`no model ${model}`);
  return cls.attributeTypeMap;
}

/** Kubernetes decodes `null` as "not set" for every field, so every type also admits null. */
const nullable = (/** @type {string} */ type) => [type, 'null'];

/**
 * The JSON schema of one generated type expression (`Array<V1Container>`, `{ [key: string]: string; }`).
 * @param {string} type @param {string} format @param {boolean} quantity @param {Set<string>} refs
 * @returns {Record<string, unknown>}
 */
function typeSchema(type, format, quantity, refs) {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: nullable('array'), items: typeSchema(/** @type {string} */ (array[1]), format, quantity, refs) };
  const map = /^\{ \[key: string\]: (.+?);? \}$/.exec(type);
  if (map) return { type: nullable('object'), additionalProperties: typeSchema(/** @type {string} */ (map[1]), format, quantity, refs) };
  if (quantity && type === 'string') return { type: ['string', 'number', 'null'] };
  switch (type) {
    case 'string':
    case 'Date':
    case 'V1MicroTime':
      return { type: nullable('string') };
    case 'number':
      return { type: nullable(format === 'double' ? 'number' : 'integer') };
    case 'boolean':
      return { type: nullable('boolean') };
    case 'IntOrString':
      return { type: ['integer', 'string', 'null'] };
    case 'any':
      return {};
    default:
      refs.add(type);
      return { $ref: `#/definitions/${type}` };
  }
}

/** @param {string} model @param {Set<string>} refs */
async function modelSchema(model, refs) {
  const doc = readModelDoc(model);
  const quantity = new Set(QUANTITY_FIELDS[model] ?? []);
  /** @type {Record<string, unknown>} */
  const properties = {};
  /** @type {string[]} */
  const required = [];
  for (const attr of await readAttributes(model)) {
    const field = doc.fields.get(attr.name);
    const schema = typeSchema(attr.type, attr.format, quantity.has(attr.baseName), refs);
    properties[attr.baseName] = field?.description ? { description: field.description, ...schema } : schema;
    if (field?.required) required.push(attr.baseName);
  }
  return {
    ...(doc.description ? { description: doc.description } : {}),
    type: nullable('object'),
    properties,
    ...(required.length ? { required } : {}),
    // kubectl sends fieldValidation=Strict: an unknown field fails the request.
    additionalProperties: false,
  };
}

/** `V1Pod`, `V2HorizontalPodAutoscaler`, `CoreV1Event`, `EventsV1Event`: the model for a group, version and kind. */
function modelName(/** @type {string} */ group, /** @type {string} */ version, /** @type {string} */ kind) {
  const v = version[0]?.toUpperCase() + version.slice(1);
  const prefix = group === '' ? 'Core' : (group.split('.')[0] ?? '').replace(/^./, (c) => c.toUpperCase());
  for (const name of [`${prefix}${v}${kind}`, `${v}${kind}`]) {
    try {
      readFileSync(join(MODELS_DIR, `${name}.d.ts`));
      return name;
    } catch {
      // try the next spelling
    }
  }
  return undefined;
}

/** Every kind the lab serves: [apiVersion, kind, model]. */
function servedKinds() {
  const kinds = RESOURCE_TYPES.map((t) => ({ group: t.group, version: t.version, kind: t.kind }));
  for (const extra of EXTRA_SERVED_VERSIONS) {
    for (const resource of extra.resources) {
      const t = RESOURCE_TYPES.find((r) => r.group === extra.group && r.resource === resource);
      if (t) kinds.push({ group: extra.group, version: extra.version, kind: t.kind });
    }
  }
  return kinds.flatMap((k) => {
    const model = modelName(k.group, k.version, k.kind);
    return model ? [{ apiVersion: apiVersionOf(k), kind: k.kind, model }] : [];
  });
}

export async function generateSchema() {
  const kinds = servedKinds();
  /** @type {Record<string, unknown>} */
  const definitions = {};
  const refs = new Set(kinds.map((k) => k.model));
  const done = new Set();
  while (done.size < refs.size) {
    for (const model of [...refs].sort()) {
      if (done.has(model)) continue;
      done.add(model);
      definitions[model] = await modelSchema(model, refs);
    }
  }
  const sorted = Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'Generated by scripts/generate-k8s-schema.mjs from @kubernetes/client-node (Kubernetes v1.34.0 OpenAPI). Do not edit.',
    type: 'object',
    properties: {
      apiVersion: { type: 'string', description: readModelDoc('V1Pod').fields.get('apiVersion')?.description, examples: [...new Set(kinds.map((k) => k.apiVersion))].sort() },
      kind: { type: 'string', description: readModelDoc('V1Pod').fields.get('kind')?.description, examples: [...new Set(kinds.map((k) => k.kind))].sort() },
    },
    required: ['apiVersion', 'kind'],
    allOf: kinds.map((k) => ({
      if: { properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: `#/definitions/${k.model}` },
    })),
    definitions: sorted,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = `${JSON.stringify(await generateSchema())}\n`;
  if (process.argv.includes('--check')) {
    const current = readFileSync(SCHEMA_PATH, 'utf8');
    if (current !== text) {
      console.error(`${SCHEMA_PATH} is stale: run npx tsx scripts/generate-k8s-schema.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_PATH, text);
    console.log(`wrote ${SCHEMA_PATH} (${text.length} bytes)`);
  }
}
