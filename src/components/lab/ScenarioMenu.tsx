/**
 * Scenarios in the header: export the lab to a file, import one (after a preview that says what it
 * holds and what it replaces), or copy a link that carries it. Opening such a link offers the same
 * preview before anything of the learner's lab is replaced.
 */
import { useEffect, useRef, useState } from 'react';
import type { EngineClient } from '../../bridge/engine-client';
import type { SavedLab } from '../../engine/protocol';
import { LESSONS } from '../../lessons';
import { decodeScenario, encodeScenario, SCENARIO_LINK_PREFIX, scenarioFromFragment, scenarioLinkFragment, type DecodedScenario } from '../../storage/scenario-file';
import { clockText } from '../timeline/TimeControls';

function fileName(lab: SavedLab): string {
  return `kubelab-scenario-${new Date(lab.snapshot.nowMs).toISOString().slice(0, 19).replace(/:/g, '-')}.json`;
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Drops a `#scenario=` fragment from the address bar once it has been offered. */
function forgetLinkFragment(): void {
  if (window.location.hash.startsWith(SCENARIO_LINK_PREFIX)) window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

export function ScenarioMenu({ engine }: { engine: EngineClient }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<DecodedScenario | undefined>(undefined);
  const [link, setLink] = useState<{ url: string; copied: boolean } | undefined>(undefined);
  const importDialog = useRef<HTMLDialogElement>(null);
  const linkDialog = useRef<HTMLDialogElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const offer = (scenario: DecodedScenario) => setPending(scenario);

  // Each dialog opens once React has rendered what it shows, never empty.
  useEffect(() => {
    if (pending && !importDialog.current?.open) importDialog.current?.showModal();
  }, [pending]);
  useEffect(() => {
    if (link && !linkDialog.current?.open) linkDialog.current?.showModal();
  }, [link]);

  const menu = useRef<HTMLDivElement>(null);
  // The open menu closes on Escape or a click anywhere else.
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  // A link that carries a scenario: offer it once the page is up.
  useEffect(() => {
    const fragment = window.location.hash;
    if (!fragment.startsWith(SCENARIO_LINK_PREFIX)) return;
    void scenarioFromFragment(fragment).then((read) => offer(read.ok ? decodeScenario(read.text) : read));
  }, []);

  const exportFile = async () => {
    setOpen(false);
    const lab = await engine.exportLab();
    download(fileName(lab), encodeScenario(lab));
  };

  const copyLink = async () => {
    setOpen(false);
    const lab = await engine.exportLab();
    const url = window.location.origin + window.location.pathname + (await scenarioLinkFragment(encodeScenario(lab)));
    // Without clipboard permission the dialog shows the link to copy by hand.
    const copied = await navigator.clipboard.writeText(url).then(
      () => true,
      () => false,
    );
    setLink({ url, copied });
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setOpen(false);
    offer(decodeScenario(await file.text()));
    if (fileInput.current) fileInput.current.value = '';
  };

  const closeImport = () => {
    importDialog.current?.close();
    setPending(undefined);
    forgetLinkFragment();
  };

  const lessonTitle = (id: string) => LESSONS.find((l) => l.id === id)?.title.en ?? id;

  return (
    <div className="scenario-menu" ref={menu}>
      <button type="button" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen(!open)}>
        Scenario
      </button>
      {open ? (
        <div className="scenario-items" role="menu" aria-label="Scenario">
          <button type="button" role="menuitem" onClick={() => void exportFile()}>
            Export to a file
          </button>
          <button type="button" role="menuitem" onClick={() => fileInput.current?.click()}>
            Import a file…
          </button>
          <button type="button" role="menuitem" onClick={() => void copyLink()}>
            Copy a link
          </button>
        </div>
      ) : null}
      <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="Scenario file" onChange={(e) => void readFile(e.target.files?.[0])} />

      <dialog ref={importDialog} className="confirm-dialog" aria-labelledby="import-title" onClose={() => setPending(undefined)}>
        <h2 id="import-title">Import the scenario?</h2>
        {pending && !pending.ok ? (
          <>
            <p role="alert">This cannot be imported: {pending.error}. Your lab is unchanged.</p>
            <div className="dialog-buttons">
              <button type="button" onClick={closeImport} autoFocus>
                Close
              </button>
            </div>
          </>
        ) : pending ? (
          <>
            <ul>
              <li>virtual time {clockText(pending.preview.virtualTimeMs)}</li>
              {pending.preview.cwd ? <li>a terminal in {pending.preview.cwd}</li> : null}
              {pending.preview.lessonId ? <li>the lesson &quot;{lessonTitle(pending.preview.lessonId)}&quot;, running</li> : null}
            </ul>
            {pending.dropped.length ? <p>Left out, unreadable: {pending.dropped.join('; ')}.</p> : null}
            <p>It replaces the cluster, the files on the lab machine, the terminal&apos;s shell state and the running lesson. The editor&apos;s tabs and your lesson progress stay.</p>
            <div className="dialog-buttons">
              <button type="button" onClick={closeImport} autoFocus>
                Cancel
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  const lab = pending.lab;
                  closeImport();
                  engine.importLab(lab);
                }}
              >
                Import
              </button>
            </div>
          </>
        ) : null}
      </dialog>

      <dialog ref={linkDialog} className="confirm-dialog" aria-labelledby="link-title">
        <h2 id="link-title">A link to this lab</h2>
        <p role="status">{link?.copied ? 'Copied to the clipboard. Whoever opens it can import this lab.' : 'Copy this link. Whoever opens it can import this lab.'}</p>
        <input className="scenario-link" readOnly aria-label="Scenario link" value={link?.url ?? ''} onFocus={(e) => e.target.select()} />
        <div className="dialog-buttons">
          <button type="button" onClick={() => linkDialog.current?.close()} autoFocus>
            Close
          </button>
        </div>
      </dialog>
    </div>
  );
}
