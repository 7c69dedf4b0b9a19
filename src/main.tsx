import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { autosave, hydrate, TAKE_OVER_FLAG } from './app/persist-lab';
import { EngineClient } from './bridge/engine-client';
import { LabPersistence } from './storage/persistence';

function seedFromUrl(): number {
  const seed = Number(new URLSearchParams(window.location.search).get('seed'));
  return Number.isInteger(seed) && seed > 0 ? seed : 1;
}

/** Storage the browser may refuse (private modes, blocked cookies): undefined then. */
function tryGet<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch {
    return undefined;
  }
}

async function start(): Promise<void> {
  const session = tryGet(() => window.sessionStorage);
  const takeOver = session?.getItem(TAKE_OVER_FLAG) === '1';
  session?.removeItem(TAKE_OVER_FLAG);
  const persistence = await LabPersistence.open({
    indexedDB: tryGet(() => window.indexedDB),
    locks: tryGet(() => navigator.locks),
    localStorage: tryGet(() => window.localStorage),
    takeOver,
  });
  const loaded = await persistence.load();
  hydrate(loaded);
  // One engine per page, created outside React so StrictMode's double render cannot start two workers.
  const engine = new EngineClient(seedFromUrl(), loaded.lab);
  autosave(persistence, engine);
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App engine={engine} />
      </StrictMode>,
    );
  }
}

void start();
