/** One page, four areas: cluster graph, terminal, editor, lessons; time controls on top. */
import type { EngineClient } from '../bridge/engine-client';
import { ClusterGraph } from '../components/graph/ClusterGraph';
import { Terminal } from '../components/terminal/Terminal';
import { EditorPanel } from '../components/editor/EditorPanel';
import { LessonsPanel } from '../components/lessons/LessonsPanel';
import { TimeControls } from '../components/timeline/TimeControls';
import { useSim } from '../state/sim';
import './App.css';

export function App({ engine }: { engine: EngineClient }) {
  const error = useSim((s) => s.error);
  return (
    <div className="app">
      <header className="app-header">
        <h1>
          kubelab <span lang="ko">쿠버네티스 학습 실습실</span>
        </h1>
        <TimeControls engine={engine} />
      </header>
      {error ? (
        <div role="alert" className="engine-error">
          The simulation hit an error and was restored: {error}
        </div>
      ) : null}
      <main className="app-main">
        <section className="area graph-area" role="region" aria-label="Cluster graph">
          <ClusterGraph />
        </section>
        <section className="area terminal-area" role="region" aria-label="Terminal">
          <Terminal engine={engine} />
        </section>
        <section className="area editor-area" role="region" aria-label="Editor">
          <h2>Editor</h2>
          <EditorPanel />
        </section>
        <section className="area lessons-area" role="region" aria-label="Lessons">
          <h2>Lessons</h2>
          <LessonsPanel />
        </section>
      </main>
    </div>
  );
}
