/**
 * The inspector: the object clicked in the graph, as the lab's kubectl shows it (describe, YAML)
 * and, for a pod, the scheduler's "why here?" table; its owner chain; and actions that type their
 * command into the terminal. It refreshes while the object changes.
 */
import { useEffect, useState } from 'react';
import type { EngineClient } from '../../bridge/engine-client';
import type { InspectTarget } from '../../engine/protocol';
import { sameTarget, useInspector } from '../../state/inspector';
import { useMirror } from '../../state/mirror';
import { useSim } from '../../state/sim';
import { actionsFor, SCALABLE, scaleLine } from './actions';
import { findObject, ownerChain } from './owner-chain';

type View = 'why' | 'describe' | 'yaml';
const VIEW_NAMES: Record<View, string> = { why: 'Why here?', describe: 'Describe', yaml: 'YAML' };
/** Wall time between refreshes while the object stays the same (its events still change describe). */
const REFRESH_MS = 3_000;

const label = (t: InspectTarget) => `${t.kind} ${t.name}`;

export function Inspector({ engine }: { engine: EngineClient }) {
  const target = useInspector((s) => s.target);
  // A new object starts with fresh view state (a pod on "Why here?", no typed replica count).
  return target ? <InspectorPanel key={`${target.kind}/${target.namespace ?? ''}/${target.name}`} engine={engine} target={target} /> : null;
}

function InspectorPanel({ engine, target }: { engine: EngineClient; target: InspectTarget }) {
  const inspection = useInspector((s) => s.inspection);
  const byKind = useMirror((s) => s.byKind);
  const objects = useMirror((s) => s.objects);
  const busy = useSim((s) => s.busy);
  const [view, setView] = useState<View>(target.kind === 'Pod' ? 'why' : 'describe');
  const [typedReplicas, setReplicas] = useState<number | undefined>(undefined);
  const object = findObject(byKind, target);
  const specReplicas = (object?.spec as { replicas?: unknown } | undefined)?.replicas;
  const replicas = typedReplicas ?? (typeof specReplicas === 'number' ? specReplicas : 1);
  const resourceVersion = object?.metadata.resourceVersion;

  const open = (next: InspectTarget) => useInspector.getState().select(next);

  // Ask again when the object changes, and every few seconds for its events.
  useEffect(() => {
    engine.inspect(target);
    const id = setInterval(() => engine.inspect(target), REFRESH_MS);
    return () => clearInterval(id);
  }, [engine, target, resourceVersion]);

  const chain = object ? ownerChain(objects, object) : [target];
  const views: View[] = target.kind === 'Pod' ? ['why', 'describe', 'yaml'] : ['describe', 'yaml'];
  const shown = inspection && sameTarget(inspection.target, target) ? inspection : undefined;
  const text = shown ? (view === 'why' ? shown.whyHere : view === 'yaml' ? shown.yaml : shown.describe) : undefined;
  const run = (line: string) => engine.send({ type: 'shell.input', line });
  const actionTitle = busy ? 'The terminal is running a command; wait for its prompt' : undefined;

  return (
    <aside className="inspector" aria-label="Inspector">
      <header className="inspector-head">
        <h3>
          {label(target)}
          {target.namespace ? <span className="inspector-ns"> in {target.namespace}</span> : null}
        </h3>
        <button type="button" className="inspector-close" aria-label="Close inspector" onClick={() => useInspector.getState().select(undefined)}>
          ×
        </button>
      </header>
      {chain.length > 1 ? (
        <nav className="owner-chain" aria-label="Owners">
          {chain.map((t, i) => (
            <span key={`${t.kind}/${t.name}`}>
              {i > 0 ? <span aria-hidden="true"> → </span> : null}
              {sameTarget(t, target) ? <strong>{label(t)}</strong> : <button type="button" onClick={() => open(t)}>{label(t)}</button>}
            </span>
          ))}
        </nav>
      ) : null}
      <div className="inspector-actions" role="group" aria-label="Actions">
        {actionsFor(target, object).map((a) => (
          <button key={a.label} type="button" disabled={busy} title={actionTitle ?? `Types: ${a.line}`} onClick={() => run(a.line)}>
            {a.label}
          </button>
        ))}
        {SCALABLE.has(target.kind) ? (
          <span className="scale-action">
            <input type="number" min={0} max={100} aria-label="Replicas" value={replicas} onChange={(e) => setReplicas(Math.max(0, Math.min(100, Number(e.target.value) || 0)))} />
            <button type="button" disabled={busy} title={actionTitle ?? `Types: ${scaleLine(target, replicas)}`} onClick={() => run(scaleLine(target, replicas))}>
              Scale
            </button>
          </span>
        ) : null}
      </div>
      <div className="inspector-tabs" role="tablist" aria-label="Views">
        {views.map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)}>
            {VIEW_NAMES[v]}
          </button>
        ))}
      </div>
      <pre className="inspector-text" role="tabpanel" aria-label={VIEW_NAMES[view]} tabIndex={0}>
        {text ?? 'Loading…'}
      </pre>
    </aside>
  );
}
