/** The terminal area: xterm.js with our line editor, sending each line to the engine's shell. */
import { useEffect, useRef } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { EngineClient } from '../../bridge/engine-client';
import { useSim } from '../../state/sim';
import { editLine, emptyLine, keyFromData, submitLine, type LineState } from './line-editor';

declare global {
  interface Window {
    __kubelab?: { lines(): string[]; type(line: string): void };
  }
}

export function Terminal({ engine }: { engine: EngineClient }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const term = new XTerm({ convertEol: true, cursorBlink: true, fontSize: 13, fontFamily: 'ui-monospace, "DejaVu Sans Mono", "NanumGothicCoding", monospace', theme: { background: '#0d1117', foreground: '#d1d9e0' } });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    fit.fit();
    let line: LineState = emptyLine();
    let showingPrompt = false;
    const redraw = (before: LineState) => {
      // Move to the start of the edited text, rewrite it, then put the cursor back in place.
      if (before.cursor > 0) term.write(`\x1b[${before.cursor}D`);
      term.write(`\x1b[K${line.text}`);
      const back = line.text.length - line.cursor;
      if (back > 0) term.write(`\x1b[${back}D`);
    };
    const showPrompt = () => {
      const { prompt, busy } = useSim.getState();
      if (!busy && !showingPrompt) {
        term.write(prompt);
        showingPrompt = true;
      }
    };
    const unsubscribe = engine.onOutput((chunk) => {
      if (showingPrompt) term.write('\r\x1b[K');
      showingPrompt = false;
      term.write(chunk);
      queueMicrotask(showPrompt);
    });
    const unsubscribeSim = useSim.subscribe((s, prev) => {
      if (s.ready && !prev.ready) showPrompt();
      if (!s.busy && prev.busy) showPrompt();
    });
    if (useSim.getState().ready) showPrompt();
    const submit = (text: string) => {
      term.write('\r\x1b[K');
      showingPrompt = false;
      engine.send({ type: 'shell.input', line: text });
    };
    term.onData((data) => {
      // A paste with several lines submits each line, like a real terminal.
      if (data.length > 1 && data.includes('\r')) {
        const parts = data.split(/\r\n?|\n/);
        parts.slice(0, -1).forEach((p, i) => submit(i === 0 ? line.text + p : p));
        line = emptyLine(line.history);
        const rest = parts[parts.length - 1] ?? '';
        if (rest) line = editLine(line, { kind: 'insert', text: rest });
        return;
      }
      const key = keyFromData(data);
      if (key === undefined) return;
      if (key === 'enter') {
        const { line: text, next } = submitLine(line);
        line = next;
        submit(text);
        return;
      }
      if (key === 'interrupt') {
        term.write('^C\r\n');
        line = emptyLine(line.history);
        showingPrompt = false;
        engine.send({ type: 'shell.signal', signal: 'SIGINT' });
        showPrompt();
        return;
      }
      if (key === 'clear') {
        term.clear();
        return;
      }
      const before = line;
      line = editLine(line, key);
      redraw(before);
    });
    const onResize = () => fit.fit();
    window.addEventListener('resize', onResize);
    window.__kubelab = {
      lines: () => {
        const buffer = term.buffer.active;
        const out: string[] = [];
        for (let i = 0; i < buffer.length; i++) out.push(buffer.getLine(i)?.translateToString(true) ?? '');
        return out;
      },
      type: (text) => submit(text),
    };
    term.focus();
    return () => {
      unsubscribe();
      unsubscribeSim();
      window.removeEventListener('resize', onResize);
      term.dispose();
    };
  }, [engine]);
  return <div ref={host} className="terminal-host" data-testid="terminal.input" />;
}
