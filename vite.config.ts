/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

export default defineConfig({
  worker: { format: 'es' },
  test: { environment: 'node', include: ['src/**/*.test.ts', 'scenarios/**/*.test.ts'], testTimeout: 60_000 },
});
