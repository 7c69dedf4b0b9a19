/** The terminal area: xterm.js drawing the engine's shell output, with our own line editing. */
import { useEffect, useRef } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { EngineClient } from '../../bridge/engine-client';
import { attachTestHook } from '../../app/test-hook';
import { useSim } from '../../state/sim';
import { useTerminalHistory } from '../../state/terminal-history';
import { TERMINAL_THEMES, useTheme } from '../../state/theme';
import { onTerminalPaste } from '../../state/terminal-paste';
import { drawInputRow, partialAfter } from './input-row';
import { emptyLine, handleInput, type LineEffect, type LineState } from './line-editor';

function createXTerm(): XTerm {
  return new XTerm({
    convertEol: true, // the engine prints `\n`; the terminal needs `\r\n`
    cursorBlink: true,
    fontSize: 13,
    lineHeight: 1.15,
    scrollback: 5000,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", "NanumGothicCoding", monospace',
    theme: TERMINAL_THEMES[useTheme.getState().theme],
  });
}

export function Terminal({ engine }: { engine: EngineClient }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const term = createXTerm();
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    fit.fit();

    let line: LineState = emptyLine(useTerminalHistory.getState().lines);
    let partial = '';
    const drawRow = (typed: LineState = line) => {
      const { prompt, busy, ready } = useSim.getState();
      if (ready) term.write(drawInputRow({ partial, prompt, busy, line: typed }));
    };
    const run = (effect: LineEffect) => {
      switch (effect.kind) {
        case 'write':
          term.write(effect.data);
          break;
        case 'submit':
          // The engine echoes the line after its prompt, so the transcript reads like the headless runner's.
          term.write(drawInputRow({ partial, prompt: '', busy: true, line: emptyLine() }));
          engine.send({ type: 'shell.input', line: effect.line });
          break;
        case 'interrupt':
          partial = '';
          engine.send({ type: 'shell.signal', signal: 'SIGINT' });
          if (!useSim.getState().busy) drawRow();
          break;
        case 'clearScreen':
          term.clear();
          break;
      }
    };

    const stopOutput = engine.onOutput(({ chunk }) => {
      term.write('\r\x1b[K'); // the row being typed is redrawn below the output
      term.write(partial ? partial + chunk : chunk);
      partial = partialAfter(partial, chunk);
      drawRow();
    });
    const stopReset = engine.onReset(() => {
      term.reset();
      partial = '';
      line = emptyLine(useTerminalHistory.getState().lines);
      term.write('\x1b[2mThe cluster was reset: a fresh kind cluster is starting.\x1b[0m\n');
    });
    const stopReady = useSim.subscribe((state, previous) => {
      if (state.ready && !previous.ready) drawRow();
    });
    const input = term.onData((data) => {
      const result = handleInput(line, data);
      if (result.state.history !== line.history) useTerminalHistory.setState({ lines: result.state.history });
      line = result.state;
      for (const effect of result.effects) run(effect);
    });

    const stopPaste = onTerminalPaste((text) => {
      term.paste(text);
      term.focus();
    });

    const stopTheme = useTheme.subscribe((state) => {
      term.options.theme = TERMINAL_THEMES[state.theme];
    });

    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(element);
    const detachHook = attachTestHook(term);
    drawRow();
    term.focus();
    return () => {
      detachHook();
      observer.disconnect();
      input.dispose();
      stopPaste();
      stopTheme();
      stopReady();
      stopReset();
      stopOutput();
      term.dispose();
    };
  }, [engine]);
  return <div ref={host} className="terminal-host" />;
}
