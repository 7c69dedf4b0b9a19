/**
 * The editor area, for now a plain text box: write a manifest, press Apply, and it goes to the
 * cluster exactly as `kubectl apply -f -` would send it, with kubectl's answer shown below.
 * A YAML editor with Kubernetes schema completion (and `vi FILE` from the terminal) replaces the box later.
 */
import { useState } from 'react';
import type { ApplyResult, EngineClient } from '../../bridge/engine-client';

export const SAMPLE_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

export function EditorPanel({ engine }: { engine: EngineClient }) {
  const [text, setText] = useState(SAMPLE_MANIFEST);
  const [result, setResult] = useState<ApplyResult | undefined>(undefined);
  const [applying, setApplying] = useState(false);
  const apply = () => {
    setApplying(true);
    void engine.apply(text).then((r) => {
      setResult(r);
      setApplying(false);
    });
  };
  return (
    <div className="editor-panel">
      <textarea
        className="manifest"
        aria-label="Manifest"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) apply();
        }}
      />
      <div className="editor-actions">
        <button type="button" className="primary" onClick={apply} disabled={applying}>
          Apply
        </button>
        <span className="hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> · same as <code>kubectl apply -f -</code>
        </span>
      </div>
      <output className={`apply-result${result && result.exitCode !== 0 ? ' failed' : ''}`} aria-label="Apply result" aria-live="polite">
        {result?.output.trimEnd()}
      </output>
    </div>
  );
}
