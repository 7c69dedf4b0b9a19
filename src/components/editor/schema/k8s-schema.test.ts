/**
 * The editor's Kubernetes schema: up to date with its generator, true to v1.34 for the kinds the
 * lab serves, and never flagging a field of a manifest that a real cluster accepts (every starter
 * manifest and every document of the Kubernetes documentation examples the schema covers).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CORPUS_ROOT as corpus, yamlFiles } from '../../../../scenarios/corpus/corpus-files';
import { generateSchema, SCHEMA_PATH } from '../../../../scripts/generate-k8s-schema.mjs';
import { STARTER_MANIFESTS } from '../starters';

interface Schema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  required?: string[];
  $ref?: string;
  allOf?: { if: { properties: { apiVersion: { const: string }; kind: { const: string } } }; then: Schema }[];
  definitions?: Record<string, Schema>;
}

const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Schema;
const definition = (name: string): Schema => schema.definitions?.[name] ?? {};

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The problems a JSON-schema validator would report for `value` (types, unknown and missing fields). */
function problems(value: unknown, node: Schema, path: string): string[] {
  const s = node.$ref ? definition(node.$ref.replace('#/definitions/', '')) : node;
  const types = s.type === undefined ? undefined : [s.type].flat();
  const actual = typeOf(value);
  if (types && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${path}: ${actual} is not ${types.join('|')}`];
  const out: string[] = [];
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in object)) out.push(`${path}.${r}: missing`);
    for (const [key, child] of Object.entries(object)) {
      const sub = s.properties?.[key] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (sub) out.push(...problems(child, sub, `${path}.${key}`));
      else if (s.additionalProperties === false) out.push(`${path}.${key}: not allowed`);
    }
  }
  if (actual === 'array' && s.items) (value as unknown[]).forEach((item, i) => out.push(...problems(item, s.items as Schema, `${path}[${i}]`)));
  return out;
}

/** The branch of the schema for a document's apiVersion and kind, if the lab serves that kind. */
function branchFor(doc: Record<string, unknown>): Schema | undefined {
  return schema.allOf?.find((b) => b.if.properties.apiVersion.const === doc.apiVersion && b.if.properties.kind.const === doc.kind)?.then;
}

function documents(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text, { version: '1.1' })
    .filter((d) => d.errors.length === 0)
    .map((d) => d.toJS() as unknown)
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null && !Array.isArray(d));
}

/** Documentation examples that a real v1.34 cluster rejects too (kubectl validates fields strictly), with why. */
const REJECTED_BY_V1_34: Record<string, string> = {
  'access/admission-webhook-match-conditions.yaml': 'webhooks[].admissionReviewVersions is required',
  'access/validating-webhook-configuration-match-conditions.yaml': 'webhooks[].admissionReviewVersions is required',
  'concepts/policy/limit-range/problematic-limit-range.yaml': 'limits[].type is required',
  'controllers/job-pod-failure-policy-ignore.yaml': 'onPodConditions[].status is required in v1.34',
  'dra/resourceclaim.yaml': 'selectors[].expression is not a field (it is selectors[].cel.expression)',
  'pods/emptydir-volume-mode.yaml': 'emptyDir.mode is newer than v1.34',
  'pods/security/security-context-7.yaml': 'securityContext.cgroupOptions is newer than v1.34',
  'pods/storage/projected-podcertificate.yaml': 'podCertificate.userAnnotations is newer than v1.34',
  'pods/pod-with-node-affinity.yaml': 'requiredDuringSchedulingIgnoredDuringExecution written as a list',
  'secret/serviceaccount/mysecretname.yaml': 'annotations written as a list',
  'service/networking/dual-stack-ipv6-lb-svc.yaml': 'spec.ipFamily was removed (spec.ipFamilies)',
  'service/networking/dual-stack-ipv6-svc.yaml': 'spec.ipFamily was removed (spec.ipFamilies)',
  'storage/test-crd.yaml': 'conversion written in the v1beta1 shape',
  'storage/test-crd-v2.yaml': 'conversion written in the v1beta1 shape',
};

describe('the Kubernetes schema of the editor', () => {
  it('is what the generator writes from @kubernetes/client-node (v1.34.0)', async () => {
    expect(`${JSON.stringify(await generateSchema())}\n`).toBe(readFileSync(SCHEMA_PATH, 'utf8'));
  });

  it("has v1.34's fields, types, required fields and descriptions", () => {
    const pod = branchFor({ apiVersion: 'v1', kind: 'Pod' });
    expect(pod).toEqual({ $ref: '#/definitions/V1Pod' });
    expect(definition('V1PodSpec').required).toEqual(['containers']);
    expect(definition('V1Container').required).toEqual(['name']);
    expect(definition('V1Container').properties?.image?.description).toMatch(/^Container image name\./);
    expect(definition('V1ContainerPort').properties?.containerPort?.type).toEqual(['integer', 'null']);
    expect(definition('V1DeploymentSpec').required).toEqual(['selector', 'template']);
    expect(branchFor({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' })).toEqual({ $ref: '#/definitions/V2HorizontalPodAutoscaler' });
    expect(branchFor({ apiVersion: 'events.k8s.io/v1', kind: 'Event' })).toEqual({ $ref: '#/definitions/EventsV1Event' });
    expect(branchFor({ apiVersion: 'extensions/v1beta1', kind: 'Ingress' })).toBeUndefined();
    expect(problems({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ image: 'nginx', ports: [{ containerPort: '80' }] }], nodeSelector: { a: 1 } } }, definition('V1Pod'), '')).toEqual([
      '.spec.containers[0].name: missing',
      '.spec.containers[0].ports[0].containerPort: string is not integer|null',
      '.spec.nodeSelector.a: integer is not string|null',
    ]);
    expect(problems({ spec: { containers: [{ name: 'a', imagee: 'nginx' }] } }, definition('V1Pod'), '')).toEqual(['.spec.containers[0].imagee: not allowed']);
  });

  it('accepts quantities as numbers or strings, and ports as names or numbers', () => {
    expect(problems({ limits: { cpu: 1, memory: '64Mi' } }, definition('V1ResourceRequirements'), '')).toEqual([]);
    expect(problems({ port: 'http' }, definition('V1HTTPGetAction'), '')).toEqual([]);
    expect(problems({ port: 8080 }, definition('V1HTTPGetAction'), '')).toEqual([]);
  });

  it('flags nothing in the starter manifests', () => {
    for (const starter of STARTER_MANIFESTS) {
      for (const doc of documents(starter.yaml)) {
        const branch = branchFor(doc);
        expect(branch, `${starter.title}: ${String(doc.kind)}`).toBeDefined();
        expect(problems(doc, branch ?? {}, starter.title)).toEqual([]);
      }
    }
  });

  it.skipIf(!existsSync(corpus))('flags only the Kubernetes documentation examples that a real v1.34 cluster rejects', () => {
    const flagged = new Set<string>();
    let checked = 0;
    for (const file of yamlFiles(corpus)) {
      const name = file.slice(corpus.length);
      for (const doc of documents(readFileSync(file, 'utf8'))) {
        const branch = branchFor(doc);
        if (!branch) continue;
        checked++;
        if (problems(doc, branch, name).length > 0) flagged.add(name);
      }
    }
    expect(checked).toBeGreaterThan(300);
    expect([...flagged].sort()).toEqual(Object.keys(REJECTED_BY_V1_34).sort());
  });
});
