/**
 * The header's account of saving: whether this tab keeps the lab in this browser and, when another
 * tab does, a button that moves the lab here (it takes the saving over and reloads from what the
 * other tab saved last).
 */
import { TAKE_OVER_FLAG } from '../../app/persist-lab';
import { useSaveStatus } from '../../state/save-status';
import type { SaveMode } from '../../storage/persistence';

const NOT_SAVING: Record<Exclude<SaveMode, 'saving'>, { text: string; why: string }> = {
  'other-tab': { text: 'Not saved: open in another tab', why: 'The lab is open in another tab of this browser, and only one tab saves it. What you do here is lost when this tab closes.' },
  'taken-over': { text: 'Not saved: moved to another tab', why: 'Another tab took the lab over and saves it now. What you do here is lost when this tab closes.' },
  unavailable: { text: 'Not saved', why: 'This browser does not let the lab store anything (a private window, blocked site data, or a full disk). What you do is lost when the tab closes.' },
};

function wallClock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Reloads into this tab as the one that saves. */
function moveLabHere(): void {
  try {
    window.sessionStorage.setItem(TAKE_OVER_FLAG, '1');
  } catch {
    return; // no sessionStorage: the reload could not take over, so do not lose this tab's state for nothing
  }
  window.location.reload();
}

export function SaveStatus() {
  const mode = useSaveStatus((s) => s.mode);
  const savedAt = useSaveStatus((s) => s.savedAt);
  if (mode === 'loading') return null;
  if (mode === 'saving') {
    return (
      <span className="save-status saved" role="status" title={savedAt ? `Saved in this browser at ${wallClock(savedAt)}` : 'Saved in this browser as you work'}>
        Saved in this browser
      </span>
    );
  }
  const { text, why } = NOT_SAVING[mode];
  return (
    <span className="save-status not-saved" role="status" title={why}>
      <span className="save-dot" aria-hidden="true" />
      {text}
      {mode !== 'unavailable' ? (
        <button type="button" onClick={moveLabHere} title="Reload this tab with the lab as the other tab saved it last, and save it here from now on">
          Use this tab
        </button>
      ) : null}
    </span>
  );
}
