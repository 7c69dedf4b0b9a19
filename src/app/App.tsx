/** One page, four areas: the cluster graph and the terminal on the left, the editor and lessons on the right, time controls on top. */
import type { ReactNode } from 'react';
import type { EngineClient } from '../bridge/engine-client';
import { ClusterGraph } from '../components/graph/ClusterGraph';
import { Terminal } from '../components/terminal/Terminal';
import { EditorPanel } from '../components/editor/EditorPanel';
import { LessonsPanel } from '../components/lessons/LessonsPanel';
import { TimeControls } from '../components/timeline/TimeControls';
import { ThemeToggle } from '../components/timeline/ThemeToggle';
import { SaveStatus } from '../components/lab/SaveStatus';
import { ResetCluster } from '../components/lab/ResetCluster';
import { DroppedNotice } from '../components/lab/DroppedNotice';
import { useSim } from '../state/sim';
import './App.css';

/** A titled area of the page; its title is also its accessible name, which the tests rely on. */
function Area({ title, className, children }: { title: string; className: string; children: ReactNode }) {
  return (
    <section className={`area ${className}`} role="region" aria-label={title}>
      <h2 className="area-title">{title}</h2>
      <div className="area-body">{children}</div>
    </section>
  );
}

export function App({ engine }: { engine: EngineClient }) {
  const error = useSim((s) => s.error);
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">
          kubelab <span lang="ko">쿠버네티스 학습 실습실</span>
        </h1>
        <div className="header-controls">
          <TimeControls engine={engine} />
          <SaveStatus />
          <ResetCluster engine={engine} />
          <ThemeToggle />
        </div>
      </header>
      {error ? (
        <div role="alert" className="engine-error">
          The simulation hit an error and went back to its last good state: {error}
        </div>
      ) : null}
      <DroppedNotice />
      <main className="app-main">
        <Area title="Cluster graph" className="graph-area">
          <ClusterGraph />
        </Area>
        <Area title="Terminal" className="terminal-area">
          <Terminal engine={engine} />
        </Area>
        <Area title="Editor" className="editor-area">
          <EditorPanel engine={engine} />
        </Area>
        <Area title="Lessons" className="lessons-area">
          <LessonsPanel engine={engine} />
        </Area>
      </main>
    </div>
  );
}
