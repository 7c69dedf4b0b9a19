/**
 * Applies every manifest of the Kubernetes documentation examples (../shared/corpus/k8s-examples)
 * with `kubectl apply -f`, each in a fresh default cluster (namespaces it names created first, as
 * a reader following the docs would). Every file must either apply cleanly, or fail exactly as a
 * real v1.34 kind cluster would fail it (kinds that v1.34 does not serve, broken YAML, templates
 * with placeholders). The clean share of the files a real cluster accepts must be at least 95%.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, type SimSnapshot } from '../../src/engine';
import { CORPUS_ROOT as root, yamlFiles } from './corpus-files';


/** Failures a real cluster gives too, with why. */
const EXPECTED_FAILURES: [RegExp, string][] = [
  [/no matches for kind "(PodSecurityPolicy|PodPreset|StorageVersionMigration|AdmissionConfiguration|EgressSelectorConfiguration|Policy|Cluster)"/, 'removed, alpha-only or not an API object (a config file)'],
  [/no matches for kind "\w+" in version "(admissionregistration\.k8s\.io\/v1(alpha|beta)1|resource\.k8s\.io\/v1beta[12]|batch\/v1beta1|snapshot\.storage\.k8s\.io\/v1alpha1)"/, 'API version not served by v1.34 by default'],
  [/no matches for kind "(MutatingAdmissionPolicy|MutatingAdmissionPolicyBinding)" in version "admissionregistration\.k8s\.io\/v1"/, 'only beta (off by default) in v1.34'],
  [/no matches for kind "(Shirt|SelfieRequest|ReplicaLimit|GRPCRoute|Gateway|GatewayClass|HTTPRoute|VolumeSnapshot|VolumeSnapshotClass)"/, 'needs a CustomResourceDefinition the cluster does not have'],
  [/error parsing .*error converting YAML to JSON: yaml: line \d+: /, 'broken YAML'],
  [/error validating data: (kind|apiVersion) not set/, 'a fragment, not a whole object'],
  [/resource name may not be empty/, 'a fragment without a name'],
  [/is invalid: metadata\.name: Invalid value: "[^"]*\$/, 'a template with a placeholder name'],
  [/is forbidden: no PriorityClass with name \S+ was found/, 'uses a PriorityClass the file does not create'],
  [/cannot unmarshal array into Go struct field ObjectMeta\.metadata\.annotations of type map\[string\]string/, 'annotations written as a list, which the API server cannot decode'],
  [
    /strict decoding error: unknown field "(spec\.devices\.requests\[0\]\.exactly\.selectors\[0\]\.expression|spec\.volumes\[0\]\.emptyDir\.mode|spec\.containers\[0\]\.securityContext\.cgroupOptions|spec\.volumes\[0\]\.projected\.sources\[0\]\.podCertificate\.userAnnotations|spec\.ipFamily|spec\.conversion\.conversionReviewVersions)"/,
    'a field v1.34 does not have (newer, removed, or in the v1beta1 place), which strict field validation refuses',
  ],
];

/** The booted default cluster, restored for each file: booting 472 clusters would take most of the run. */
let booted: SimSnapshot | undefined;

function applyFile(path: string): { ok: boolean; output: string } {
  booted ??= createSimulation({ seed: 1 }).snapshot();
  const sim = createSimulation({ snapshot: booted });
  const session = sim.shell.open();
  let output = '';
  session.onOutput((chunk) => (output += chunk));
  const text = readFileSync(path, 'utf8');
  for (const m of text.matchAll(/\bnamespace:\s*["']?([a-z0-9][a-z0-9-]*)["']?/g)) {
    sim.api.request({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: m[1] } } });
  }
  session.write("cat <<'KUBELAB_EOF' > manifest.yaml");
  for (const line of text.replace(/\n$/, '').split('\n')) session.write(line);
  session.write('KUBELAB_EOF');
  output = '';
  session.write('kubectl apply -f manifest.yaml');
  sim.advance(0);
  const ok = !/error|Error|invalid/.test(output) && /(created|configured|unchanged)\n/.test(output);
  return { ok, output };
}

// In CI the corpus must be there (shared/ sits beside the clone); elsewhere it may be absent.
describe.runIf(existsSync(root) || process.env.CI === 'true')('Kubernetes documentation examples', () => {
  it('apply cleanly, or fail exactly where a real v1.34 cluster fails', () => {
    expect(existsSync(root), `corpus not found at ${root}`).toBe(true);
    const files = yamlFiles(root);
    let clean = 0;
    let expectedFailures = 0;
    const unexpected: string[] = [];
    for (const file of files) {
      const { ok, output } = applyFile(file);
      if (ok) clean++;
      else if (EXPECTED_FAILURES.some(([re]) => re.test(output))) expectedFailures++;
      else unexpected.push(`${relative(root, file)}: ${output.trim()}`);
    }
    const accepted = files.length - expectedFailures;
    console.log(`corpus: ${files.length} files; ${clean} applied cleanly (${((100 * clean) / accepted).toFixed(1)}% of the ${accepted} a real cluster accepts); ${expectedFailures} rejected as a real v1.34 kind cluster rejects them`);
    expect(unexpected).toEqual([]);
    expect(clean / accepted).toBeGreaterThanOrEqual(0.95);
  });
});
