/** For tests: applies text as the editor does (`kubectl apply -f -` in a shell session) in a fresh headless cluster. */
import { createSimulation } from '../../engine';
import { applyCommandLines, parseApplyOutput } from '../../worker/editor-apply';

export function applyHeadless(text: string): { output: string; exitCode: number } {
  const sim = createSimulation({ seed: 1 });
  const shell = sim.shell.open();
  let printed = '';
  shell.onOutput((chunk) => (printed += chunk));
  for (const line of applyCommandLines(text)) shell.write(line);
  sim.advance(0);
  const { output, exitCode } = parseApplyOutput(printed);
  return { output, exitCode: exitCode ?? 1 };
}
