import { defineConfig } from 'tsup';

// Bundles: the library (ESM + CJS + .d.ts, no Node-only imports, runs in browsers); the Node
// engine `resurgence/node` (worker threads, files; ESM + .d.ts) with its worker script; and the
// CLI (ESM only, never imported by the library).
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
  },
  {
    entry: { node: 'src/node/index.ts', worker: 'src/node/worker.ts' },
    format: ['esm'],
    dts: { entry: { node: 'src/node/index.ts' } },
    sourcemap: true,
    target: 'node20',
    // Optional: loaded only by the queue backend, with a clear error when missing.
    external: ['bullmq', 'ioredis'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    external: ['bullmq', 'ioredis'],
  },
]);
