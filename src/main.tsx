import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { EngineClient } from './bridge/engine-client';

function seedFromUrl(): number {
  const seed = Number(new URLSearchParams(window.location.search).get('seed'));
  return Number.isInteger(seed) && seed > 0 ? seed : 1;
}

// One engine per page, created outside React so StrictMode's double render cannot start two workers.
const engine = new EngineClient(seedFromUrl());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App engine={engine} />
    </StrictMode>,
  );
}
