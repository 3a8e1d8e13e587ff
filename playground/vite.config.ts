import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * linkedom (imported statically by src/report/charts/chartDocument.ts, for charts rendered
 * without a browser) loads the optional `canvas` package inside a try/catch and falls back to
 * its own shim. How Vite bundles that missing optional peer dependency is its choice: an empty
 * module in current builds, but in one build during development a module that throws when
 * loaded ("Could not resolve "canvas" imported by "linkedom". Is it installed?"), which killed
 * the page. Pointing `canvas` at linkedom's shim gives what the try/catch picks in a browser
 * anyway. The page passes `window.document` to the charts, so linkedom itself is never used.
 */
const canvasShim = fileURLToPath(new URL('../node_modules/linkedom/commonjs/canvas-shim.cjs', import.meta.url));

/**
 * Builds the playground into playground/dist: `npx vite build --config playground/vite.config.ts`.
 * Relative asset paths (`base: './'`) so that the folder can be served from any path or opened
 * from a static host; the Web Worker is bundled as an ES module.
 */
export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  resolve: { alias: { canvas: canvasShim } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Skips gzip-measuring 2 MB of output on every build (seconds on a busy machine).
    reportCompressedSize: false,
    target: 'es2022',
    // One chart library and the model: a larger bundle than Vite's 500 kB warning is expected.
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: { fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] } },
});
