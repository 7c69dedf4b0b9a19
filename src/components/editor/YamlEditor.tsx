/**
 * Monaco showing the editor's tabs, one model per tab, with the Kubernetes schema's completion,
 * hover and validation, and kubectl's complaints from the last Apply as markers. Loaded lazily
 * (EditorPanel imports it with React.lazy), so everything Monaco stays out of the page's first chunk.
 */
import { useEffect, useRef } from 'react';
import type { EditorTab } from '../../state/editor';
import { applyMarkers } from './apply-markers';
import { monaco } from './monaco/setup';
import { EDITOR_THEMES, useTheme } from '../../state/theme';

/** The result of an Apply, for the tab whose text was applied. */
export interface AppliedText {
  tabId: string;
  text: string;
  output: string;
  exitCode: number;
}

export interface YamlEditorProps {
  tabs: EditorTab[];
  activeId: string | undefined;
  lastApply: AppliedText | undefined;
  onChange: (id: string, text: string) => void;
  onApply: () => void;
  onSave: () => void;
}

const KUBECTL_MARKERS = 'kubectl';

function modelUri(tab: EditorTab): monaco.Uri {
  return tab.path ? monaco.Uri.file(tab.path) : monaco.Uri.parse(`file:///kubelab/drafts/${tab.id}.yaml`);
}

export default function YamlEditor({ tabs, activeId, lastApply, onChange, onApply, onSave }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | undefined>(undefined);
  const models = useRef(new Map<string, monaco.editor.ITextModel>());
  const focusOnNextModel = useRef(false);
  // The latest callbacks, for the editor's commands and listeners that are registered once.
  const callbacks = useRef({ onChange, onApply, onSave });
  useEffect(() => {
    callbacks.current = { onChange, onApply, onSave };
  });

  useEffect(() => {
    if (!host.current) return;
    const editor = monaco.editor.create(host.current, {
      model: null,
      ariaLabel: 'Editor',
      theme: EDITOR_THEMES[useTheme.getState().theme],
      automaticLayout: true,
      // Chromium's EditContext drops typed spaces under automation; the textarea path does not.
      editContext: false,
      fixedOverflowWidgets: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12.5,
      tabSize: 2,
      insertSpaces: true,
      quickSuggestions: { other: true, comments: false, strings: true },
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => callbacks.current.onApply());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => callbacks.current.onSave());
    editorRef.current = editor;
    const modelMap = models.current;
    window.__kubelabEditor = {
      value: () => editor.getValue(),
      setValue: (text) => editor.setValue(text),
      markers: () => {
        const model = editor.getModel();
        if (!model) return [];
        return monaco.editor.getModelMarkers({ resource: model.uri }).map((m) => ({ owner: m.owner, message: m.message, line: m.startLineNumber, column: m.startColumn }));
      },
    };
    // Monaco's theme is global to the page: switching it restyles every editor at once.
    const stopTheme = useTheme.subscribe((state) => monaco.editor.setTheme(EDITOR_THEMES[state.theme]));
    return () => {
      stopTheme();
      delete window.__kubelabEditor;
      editor.dispose();
      for (const model of modelMap.values()) model.dispose();
      modelMap.clear();
      editorRef.current = undefined;
      focusOnNextModel.current = false;
    };
  }, []);

  // One model per tab: made when a tab opens, disposed when it closes; the active one is shown.
  useEffect(() => {
    const map = models.current;
    for (const tab of tabs) {
      const existing = map.get(tab.id);
      // A file opened again after the terminal changed it: the model takes the new text.
      if (existing && existing.getValue() !== tab.text) existing.setValue(tab.text);
      if (existing) continue;
      const model = monaco.editor.createModel(tab.text, 'yaml', modelUri(tab));
      model.onDidChangeContent(() => {
        monaco.editor.setModelMarkers(model, KUBECTL_MARKERS, []);
        callbacks.current.onChange(tab.id, model.getValue());
      });
      map.set(tab.id, model);
    }
    for (const [id, model] of map) {
      if (tabs.some((t) => t.id === id)) continue;
      model.dispose();
      map.delete(id);
    }
    const active = activeId ? map.get(activeId) : undefined;
    const editor = editorRef.current;
    if (editor && editor.getModel() !== (active ?? null)) {
      // The first file shown when the page loads does not take the focus from the terminal.
      const switching = editor.getModel() !== null || focusOnNextModel.current;
      editor.setModel(active ?? null);
      if (active && switching) editor.focus();
      focusOnNextModel.current = true;
    }
  }, [tabs, activeId]);

  useEffect(() => {
    if (!lastApply) return;
    const model = models.current.get(lastApply.tabId);
    // Only while the text is still what was applied; an edit since then cleared the markers.
    if (!model || model.getValue() !== lastApply.text) return;
    const markers = applyMarkers(lastApply.text, lastApply.output, lastApply.exitCode).map((m) => ({
      severity: monaco.MarkerSeverity.Error,
      source: 'kubectl apply',
      message: m.message,
      startLineNumber: m.line,
      startColumn: m.column,
      endLineNumber: m.endLine,
      endColumn: m.endColumn,
    }));
    monaco.editor.setModelMarkers(model, KUBECTL_MARKERS, markers);
  }, [lastApply]);

  return <div className="monaco-host" ref={host} />;
}
