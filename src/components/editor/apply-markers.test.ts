/** Markers from what the lab's kubectl really prints: each case applies the text in a headless simulation. */
import { describe, expect, it } from 'vitest';
import { applyHeadless as apply } from './apply-headless.test-support';
import { applyMarkers, fieldPath } from './apply-markers';

const BAD_INDENT = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
     ports: 1
`;

const TWO_DOCS = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
  - name: sidecar
    image: busybox
`;

describe('apply markers', () => {
  it('marks the line of a YAML syntax error', () => {
    const { output, exitCode } = apply(BAD_INDENT);
    expect(output).toContain('yaml: line 9: mapping values are not allowed in this context');
    expect(applyMarkers(BAD_INDENT, output, exitCode)).toEqual([
      { line: 9, column: 6, endLine: 9, endColumn: 14, message: 'yaml: line 9: mapping values are not allowed in this context' },
    ]);
  });

  it('marks the broken line of a later document', () => {
    // The lab's kubectl counts lines from the top of the stream; should it come to count them from
    // the document's start (as go-yaml does per document), this test shows the markers must follow.
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n${BAD_INDENT}`;
    const { output, exitCode } = apply(text);
    expect(applyMarkers(text, output, exitCode).map((m) => [m.line, text.split('\n')[m.line - 1]])).toEqual([[14, '     ports: 1']]);
  });

  it("marks an invalid object's missing field at the nearest field that exists, in that object's document", () => {
    const { output, exitCode } = apply(TWO_DOCS);
    expect(output).toContain('The Pod "web" is invalid: spec.containers[0].image: Required value');
    expect(applyMarkers(TWO_DOCS, output, exitCode)).toEqual([{ line: 12, column: 5, endLine: 12, endColumn: 14, message: 'spec.containers[0].image: Required value' }]);
  });

  it('marks every cause of an invalid object at the field it names', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: 99999\n  - port: 0\n';
    const { output, exitCode } = apply(text);
    const markers = applyMarkers(text, output, exitCode);
    expect(markers.map((m) => [m.line, m.column])).toEqual([
      [7, 5],
      [8, 5],
    ]);
    expect(markers[0]?.message).toMatch(/^spec\.ports\[0\]\.port: Invalid value: 99999: /);
  });

  it('marks the unknown fields of a strict decoding error (as real kubectl v1.34 prints it) in the document of that kind', () => {
    const output =
      'configmap/settings created\nError from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[1].imagee", unknown field "spec.foo"\n';
    const text = TWO_DOCS.replace('    image: busybox', '    imagee: busybox\n  foo: 1');
    expect(applyMarkers(text, output, 1)).toEqual([
      { line: 14, column: 5, endLine: 14, endColumn: 11, message: 'spec.containers[1].imagee: unknown field' },
      { line: 15, column: 3, endLine: 15, endColumn: 6, message: 'spec.foo: unknown field' },
    ]);
  });

  it('marks nothing when kubectl succeeded', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';
    const { output, exitCode } = apply(text);
    expect(output).toBe('configmap/settings created\n');
    expect(applyMarkers(text, output, exitCode)).toEqual([]);
  });

  it('splits field paths into keys and indexes', () => {
    expect(fieldPath('spec.template.spec.containers[1].ports[0].containerPort')).toEqual(['spec', 'template', 'spec', 'containers', 1, 'ports', 0, 'containerPort']);
    expect(fieldPath('metadata.annotations[example.com/x]')).toEqual(['metadata', 'annotations', 'example.com/x']);
  });
});
