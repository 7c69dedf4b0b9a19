/**
 * The editor's Apply, done the way a learner would do it by hand: `kubectl apply -f -` with the
 * editor text as a here-document, typed into a shell session of its own. So the result is exactly
 * what kubectl prints, and the UI never interprets manifests itself.
 */

/** Ends the here-document; quoted, so `$` in the manifest is not expanded. */
export const HEREDOC_DELIMITER = 'KUBELAB_EDITOR_EOF';
/** Prefix of the line that reports kubectl's exit status; stripped from what the user sees. */
export const EXIT_MARKER = '__kubelab_apply_exit=';

/** The lines to type into the editor's shell session. */
export function applyCommandLines(yaml: string): string[] {
  const body = yaml.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  // One command line, so the status echo cannot reach kubectl's stdin even if kubectl were still running.
  return [`kubectl apply -f - <<'${HEREDOC_DELIMITER}'; echo "${EXIT_MARKER}$?"`, ...body, HEREDOC_DELIMITER];
}

/** Splits what the session printed into kubectl's own output and its exit status. */
export function parseApplyOutput(printed: string): { output: string; exitCode: number | undefined } {
  const marker = new RegExp(`^${EXIT_MARKER}(\\d+)\\n?`, 'm');
  const match = marker.exec(printed);
  if (!match) return { output: printed, exitCode: undefined };
  return { output: printed.slice(0, match.index) + printed.slice(match.index + match[0].length), exitCode: Number(match[1]) };
}
