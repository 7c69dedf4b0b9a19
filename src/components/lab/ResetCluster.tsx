/**
 * "Reset cluster": after a confirmation that says what goes, the engine starts a fresh default kind
 * cluster. The editor's tabs and lesson progress stay; they are the learner's, not the cluster's.
 */
import { useRef } from 'react';
import type { EngineClient } from '../../bridge/engine-client';
import { useSim } from '../../state/sim';

export function ResetCluster({ engine }: { engine: EngineClient }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ready = useSim((s) => s.ready);
  const close = () => dialog.current?.close();
  return (
    <>
      <button type="button" className="reset-cluster" disabled={!ready} onClick={() => dialog.current?.showModal()}>
        Reset cluster
      </button>
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="reset-cluster-title" aria-describedby="reset-cluster-what">
        <h2 id="reset-cluster-title">Reset the cluster?</h2>
        <div id="reset-cluster-what">
          <p>This starts a fresh three-node kind cluster. It discards:</p>
          <ul>
            <li>every object in the cluster (pods, deployments, services, namespaces, ...) and the virtual clock;</li>
            <li>the files on the lab machine (your home directory in the terminal);</li>
            <li>the terminal&apos;s shell state: variables, aliases and the current directory;</li>
            <li>the lesson that is running (its steps done stay ticked).</li>
          </ul>
          <p>The editor&apos;s tabs and the terminal&apos;s command history are kept.</p>
        </div>
        <div className="dialog-buttons">
          <button type="button" onClick={close} autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              close();
              engine.reset();
            }}
          >
            Reset cluster
          </button>
        </div>
      </dialog>
    </>
  );
}
