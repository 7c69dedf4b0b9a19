/**
 * Wires the page's stores to the saved lab: fills them from what an earlier page saved, then
 * saves each part as it changes (the engine's checkpoints, editor tabs and the terminal's line
 * history a moment after typing stops, lesson progress at once).
 */
import type { EngineClient } from '../bridge/engine-client';
import { useEditor } from '../state/editor';
import { useLesson } from '../state/lesson';
import { useProgress } from '../state/progress';
import { useSaveStatus } from '../state/save-status';
import { useTerminalHistory } from '../state/terminal-history';
import type { LabPersistence, LoadedLab } from '../storage/persistence';

/** Wall time after the last keystroke before editor tabs and terminal history are written. */
const WORKSPACE_SAVE_DELAY_MS = 500;
/** sessionStorage flag: after a reload, this tab takes the lab over from another tab. */
export const TAKE_OVER_FLAG = 'kubelab.takeOver';

/** Puts the saved workspace, progress and running lesson into the stores, before the first render. */
export function hydrate(loaded: LoadedLab): void {
  if (loaded.workspace) {
    useEditor.getState().restore(loaded.workspace.tabs, loaded.workspace.active);
    useTerminalHistory.setState({ lines: loaded.workspace.terminalHistory });
  }
  if (loaded.progress) useProgress.setState({ progress: loaded.progress });
  useLesson.getState().setLanguage(loaded.progress?.language ?? 'en');
  const lesson = loaded.lab?.lesson;
  if (lesson) useLesson.getState().started(lesson.lessonId, lesson.current);
  useSaveStatus.setState({ dropped: loaded.dropped });
}

export function autosave(persistence: LabPersistence, engine: EngineClient): void {
  useSaveStatus.setState({ mode: persistence.mode });
  persistence.onChange((mode, savedAt) => useSaveStatus.setState({ mode, savedAt }));
  engine.onCheckpoint((lab) => persistence.saveLab(lab));

  let timer: ReturnType<typeof setTimeout> | undefined;
  const saveWorkspace = () => {
    const { tabs, activeId } = useEditor.getState();
    persistence.saveWorkspace({
      tabs: tabs.map(({ title, path, text, savedText }) => ({ title, path, text, savedText })),
      active: Math.max(0, tabs.findIndex((t) => t.id === activeId)),
      terminalHistory: [...useTerminalHistory.getState().lines],
    });
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(saveWorkspace, WORKSPACE_SAVE_DELAY_MS);
  };
  useEditor.subscribe(soon);
  useTerminalHistory.subscribe(soon);
  // A tab being hidden or closed may not come back: write what is pending now.
  window.addEventListener('pagehide', () => {
    clearTimeout(timer);
    saveWorkspace();
  });
  useProgress.subscribe((state, previous) => {
    if (state.progress !== previous.progress) persistence.saveProgress(state.progress);
  });
}
