/**
 * The editor's open tabs: files of the lab machine (opened from the editor or with `vi FILE` in the
 * terminal) and unsaved drafts (New file, starter manifests). The text lives here, not in Monaco,
 * so nothing typed is lost while Monaco loads or when a tab is switched.
 */
import { create } from 'zustand';

export interface EditorTab {
  id: string;
  /** Shown on the tab: the file name, or `Untitled-N` for a draft. */
  title: string;
  /** Absolute path on the lab machine; undefined for a draft that was never saved. */
  path: string | undefined;
  text: string;
  /** The text as last read from or saved to the file; differs from `text` when there are unsaved edits. */
  savedText: string | undefined;
}

export interface EditorState {
  tabs: EditorTab[];
  activeId: string | undefined;
  /**
   * Opens a file of the lab machine, or focuses its tab when already open: with the file's new
   * content when the tab has no unsaved edits, keeping the edits otherwise.
   */
  openFile: (path: string, content: string) => void;
  /** Opens a draft with the given text. */
  openDraft: (text: string) => void;
  setText: (id: string, text: string) => void;
  /** Records that a tab's text was saved to `path`. */
  saved: (id: string, path: string, text: string) => void;
  activate: (id: string) => void;
  close: (id: string) => void;
  /** Replaces every tab with saved ones (a reload), the one at `active` focused. */
  restore: (tabs: Omit<EditorTab, 'id'>[], active: number) => void;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

let nextTab = 1;

export const useEditor = create<EditorState>()((set, get) => ({
  tabs: [],
  activeId: undefined,
  openFile(path, content) {
    const open = get().tabs.find((t) => t.path === path);
    if (open) {
      const clean = open.text === open.savedText;
      set((s) => ({ activeId: open.id, tabs: clean ? s.tabs.map((t) => (t.id === open.id ? { ...t, text: content, savedText: content } : t)) : s.tabs }));
      return;
    }
    const tab: EditorTab = { id: `tab-${nextTab++}`, title: baseName(path), path, text: content, savedText: content };
    set((s) => ({ tabs: [...s.tabs, tab], activeId: tab.id }));
  },
  openDraft(text) {
    const drafts = get().tabs.filter((t) => t.path === undefined).map((t) => Number(/^Untitled-(\d+)$/.exec(t.title)?.[1] ?? 0));
    const tab: EditorTab = { id: `tab-${nextTab++}`, title: `Untitled-${Math.max(0, ...drafts) + 1}`, path: undefined, text, savedText: undefined };
    set((s) => ({ tabs: [...s.tabs, tab], activeId: tab.id }));
  },
  setText: (id, text) => set((s) => ({ tabs: s.tabs.map((t) => (t.id === id ? { ...t, text } : t)) })),
  saved: (id, path, text) => set((s) => ({ tabs: s.tabs.map((t) => (t.id === id ? { ...t, path, title: baseName(path), savedText: text } : t)) })),
  activate: (id) => set({ activeId: id }),
  restore(saved, active) {
    const tabs = saved.map((t) => ({ ...t, id: `tab-${nextTab++}` }));
    set({ tabs, activeId: tabs[active]?.id ?? tabs[0]?.id });
  },
  close(id) {
    const { tabs, activeId } = get();
    const index = tabs.findIndex((t) => t.id === id);
    const rest = tabs.filter((t) => t.id !== id);
    const nextActive = activeId === id ? rest[Math.min(index, rest.length - 1)]?.id : activeId;
    set({ tabs: rest, activeId: nextActive });
  },
}));
