/** Text that other panels (a lesson's command buttons) paste into the terminal, as if the learner pasted it. */
type PasteListener = (text: string) => void;

const listeners = new Set<PasteListener>();

export function pasteIntoTerminal(text: string): void {
  for (const listener of listeners) listener(text);
}

/** The terminal listens here; returns the way to stop listening. */
export function onTerminalPaste(listener: PasteListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
