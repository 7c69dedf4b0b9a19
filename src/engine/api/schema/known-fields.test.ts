import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateKnownFields, KNOWN_FIELDS_PATH } from '../../../../scripts/generate-known-fields.mjs';
import { pruneUnknownFields } from './known-fields';

describe('known fields', () => {
  it('are up to date with the editor schema (npx tsx scripts/generate-known-fields.mjs)', () => {
    expect(readFileSync(KNOWN_FIELDS_PATH, 'utf8')).toBe(generateKnownFields());
  });

  it('name unknown fields as the strict decoder does and remove them', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { anything: 'goes' }, nmae: 'x' },
      spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', imagee: 'nginx', ports: [{ containerPort: 80, prot: 'TCP' }] }], restartPolicyy: 'Always' },
    };
    expect(pruneUnknownFields('v1', 'Pod', pod)).toEqual(['metadata.nmae', 'spec.containers[1].imagee', 'spec.containers[1].ports[0].prot', 'spec.restartPolicyy']);
    expect(pod).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { anything: 'goes' } }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', ports: [{ containerPort: 80 }] }] } });
  });

  it('walk into map values by key, and leave free-form fields alone', () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      spec: { versions: [{ name: 'v1', schema: { openAPIV3Schema: { type: 'object', properties: { size: { type: 'integer', defualt: 1 } }, default: { free: 'form' } } } }] },
    };
    expect(pruneUnknownFields('apiextensions.k8s.io/v1', 'CustomResourceDefinition', crd)).toEqual(['spec.versions[0].schema.openAPIV3Schema.properties.size.defualt']);
  });

  it('check each served version against its own schema', () => {
    const hpa = { spec: { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }], targetCPUUtilizationPercentage: 50 } };
    expect(pruneUnknownFields('autoscaling/v2', 'HorizontalPodAutoscaler', structuredClone(hpa))).toEqual(['spec.targetCPUUtilizationPercentage']);
    expect(pruneUnknownFields('autoscaling/v1', 'HorizontalPodAutoscaler', structuredClone(hpa))).toEqual(['spec.metrics']);
  });

  it('leave a kind the schema does not know alone', () => {
    expect(pruneUnknownFields('example.com/v1', 'Widget', { spec: { anything: 1 } })).toEqual([]);
  });
});
