/**
 * The editor area: tabs for files of the lab machine and drafts, a gallery of starter manifests,
 * and Apply, which sends the text to the cluster exactly as `kubectl apply -f -` would, with
 * kubectl's answer shown below and its complaints marked in the text. Monaco itself loads lazily.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { EngineClient } from '../../bridge/engine-client';
import { useEditor, type EditorTab } from '../../state/editor';
import { STARTER_MANIFESTS } from './starters';
import type { AppliedText } from './YamlEditor';

const YamlEditor = lazy(() => import('./YamlEditor'));

const HOME = '/home/learner';
/** `~/pod.yaml` for a file in the learner's home, the absolute path otherwise. */
const displayPath = (path: string) => (path.startsWith(`${HOME}/`) ? `~${path.slice(HOME.length)}` : path);
/** Where a draft is saved: the absolute path for `~/x.yaml`, `x.yaml` (home-relative) or `/abs`. */
const absolutePath = (name: string) => (name.startsWith('/') ? name : `${HOME}/${name.replace(/^~\/?/, '')}`);

/** The first starter (a Pod) is open when the lab starts, so Apply works at once. */
function useFirstDraft(): void {
  useEffect(() => {
    if (useEditor.getState().tabs.length === 0) useEditor.getState().openDraft(STARTER_MANIFESTS[0]?.yaml ?? '');
  }, []);
}

function Tabs({ tabs, activeId }: { tabs: EditorTab[]; activeId: string | undefined }) {
  const { activate, close } = useEditor();
  return (
    <div className="editor-tabs" role="tablist" aria-label="Open files">
      {tabs.map((tab) => {
        const dirty = tab.text !== tab.savedText;
        return (
          <div key={tab.id} className={`editor-tab${tab.id === activeId ? ' active' : ''}`} title={tab.path ? displayPath(tab.path) : 'not saved yet'}>
            <button type="button" role="tab" aria-selected={tab.id === activeId} onClick={() => activate(tab.id)}>
              {tab.title}
              {dirty && tab.path ? <span aria-label="unsaved changes"> •</span> : null}
            </button>
            <button type="button" className="close" aria-label={`Close ${tab.title}`} onClick={() => close(tab.id)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}

/** "Open file": the lab machine's files, listed when the menu opens. */
function OpenFileMenu({ engine }: { engine: EngineClient }) {
  const [files, setFiles] = useState<string[] | undefined>(undefined);
  const toggle = () => {
    if (files) setFiles(undefined);
    else void engine.listFiles().then(setFiles);
  };
  const open = (path: string) => {
    setFiles(undefined);
    void engine.readFile(path).then((r) => {
      if (r.exitCode === 0) useEditor.getState().openFile(path, r.output);
    });
  };
  return (
    <div className="open-file">
      <button type="button" aria-expanded={files !== undefined} onClick={toggle}>
        Open file
      </button>
      {files ? (
        <ul className="file-menu" aria-label="Files on the lab machine">
          {files.length === 0 ? <li className="empty">No files yet</li> : null}
          {files.map((path) => (
            <li key={path}>
              <button type="button" onClick={() => open(path)}>
                {displayPath(path)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function EditorPanel({ engine }: { engine: EngineClient }) {
  useFirstDraft();
  const { tabs, activeId, openDraft, setText, saved } = useEditor();
  const active = tabs.find((t) => t.id === activeId);
  const [result, setResult] = useState<AppliedText | undefined>(undefined);
  const [applying, setApplying] = useState(false);
  const [status, setStatus] = useState('');

  const apply = () => {
    const tab = useEditor.getState().tabs.find((t) => t.id === useEditor.getState().activeId);
    if (!tab || applying) return;
    setApplying(true);
    const text = tab.text;
    void engine.apply(text).then((r) => {
      setResult({ tabId: tab.id, text, output: r.output, exitCode: r.exitCode });
      setApplying(false);
    });
  };

  const save = () => {
    const tab = useEditor.getState().tabs.find((t) => t.id === useEditor.getState().activeId);
    if (!tab) return;
    const name = tab.path ?? window.prompt('Save as (a path on the lab machine)', '~/manifest.yaml');
    if (!name) return;
    const path = absolutePath(name);
    const text = tab.text;
    void engine.writeFile(path, text).then((r) => {
      if (r.exitCode === 0) saved(tab.id, path, text);
      setStatus(r.exitCode === 0 ? `Saved ${displayPath(path)}` : `Could not save ${displayPath(path)}: ${r.output}`);
    });
  };

  const failed = result !== undefined && result.exitCode !== 0;
  return (
    <div className="editor-panel">
      <div className="editor-toolbar">
        <button type="button" onClick={() => openDraft('')}>
          New file
        </button>
        <OpenFileMenu engine={engine} />
        <select
          aria-label="Starter manifests"
          value=""
          onChange={(e) => {
            const starter = STARTER_MANIFESTS.find((s) => s.title === e.target.value);
            if (starter) openDraft(starter.yaml);
          }}
        >
          <option value="">Starter manifests…</option>
          {STARTER_MANIFESTS.map((s) => (
            <option key={s.title} value={s.title}>
              {s.title}
            </option>
          ))}
        </select>
        <button type="button" onClick={save} disabled={!active}>
          Save
        </button>
      </div>
      <Tabs tabs={tabs} activeId={activeId} />
      <div className="editor-body">
        <Suspense fallback={<div className="editor-loading">Loading the editor…</div>}>
          <YamlEditor tabs={tabs} activeId={activeId} lastApply={result} onChange={setText} onApply={apply} onSave={save} />
        </Suspense>
        {!active ? <div className="editor-empty">No file open: start a New file, pick a starter manifest, or open a file.</div> : null}
      </div>
      <div className="editor-actions">
        <button type="button" className="primary" onClick={apply} disabled={applying || !active}>
          Apply
        </button>
        <span className="hint">
          <kbd>Ctrl</kbd>+<kbd>Enter</kbd> · same as <code>kubectl apply -f -</code>
        </span>
        <span className="save-status" aria-live="polite">
          {status}
        </span>
      </div>
      <output className={`apply-result${failed ? ' failed' : ''}`} aria-label="Apply result" aria-live="polite">
        {result?.output.trimEnd()}
      </output>
    </div>
  );
}
