import { describe, expect, it } from 'vitest';
import { applyCommandLines, EXIT_MARKER, HEREDOC_DELIMITER, parseApplyOutput } from './editor-apply';

describe('editor apply', () => {
  it('types the manifest as a quoted here-document for kubectl apply', () => {
    const lines = applyCommandLines('kind: Pod\r\nmetadata:\n  name: $web\n\n\n');
    expect(lines[0]).toBe(`kubectl apply -f - <<'${HEREDOC_DELIMITER}'; echo "${EXIT_MARKER}$?"`);
    expect(lines.slice(1)).toEqual(['kind: Pod', 'metadata:', '  name: $web', HEREDOC_DELIMITER]);
  });

  it('separates kubectl output from its exit status', () => {
    expect(parseApplyOutput(`pod/web created\n${EXIT_MARKER}0\n`)).toEqual({ output: 'pod/web created\n', exitCode: 0 });
    expect(parseApplyOutput(`error: no objects passed to apply\n${EXIT_MARKER}1\n`)).toEqual({ output: 'error: no objects passed to apply\n', exitCode: 1 });
    expect(parseApplyOutput('half')).toEqual({ output: 'half', exitCode: undefined });
  });
});
