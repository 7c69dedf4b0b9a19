/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Dev server only: found late, the YAML worker's dependencies would make Vite reload the page.
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  build: { chunkSizeWarningLimit: 5000 },
  test: { environment: 'node', include: ['src/**/*.test.ts', 'scenarios/**/*.test.ts'], testTimeout: 60_000 },
});
