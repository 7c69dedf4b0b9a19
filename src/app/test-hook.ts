/**
 * `window.__kubelab`: what the browser tests read, because xterm draws to a canvas/DOM renderer
 * where text queries are unreliable. Attached always; it exposes nothing the page does not show.
 */
import type { Terminal } from '@xterm/xterm';

export interface KubelabTestHook {
  term: Terminal;
  /** The terminal buffer (scrollback included), one string per row, trailing spaces trimmed. */
  lines(): string[];
}

/** `window.__kubelabEditor`: the editor's text and markers, which Monaco draws where text queries cannot read them. */
export interface KubelabEditorHook {
  value(): string;
  setValue(text: string): void;
  /** Problems shown in the active file: kubectl's (`owner` "kubectl") and the schema's ("yaml"). */
  markers(): { owner: string; message: string; line: number; column: number }[];
}

declare global {
  interface Window {
    __kubelab?: KubelabTestHook;
    __kubelabEditor?: KubelabEditorHook;
  }
}

export function bufferLines(term: Terminal): string[] {
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
  return lines;
}

export function attachTestHook(term: Terminal): () => void {
  const hook: KubelabTestHook = { term, lines: () => bufferLines(term) };
  window.__kubelab = hook;
  return () => {
    if (window.__kubelab === hook) delete window.__kubelab;
  };
}
