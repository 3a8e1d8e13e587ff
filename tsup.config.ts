import { defineConfig } from 'tsup';

// Two builds, each with code splitting, so every entry point of one format shares one copy of the
// library (an error thrown by `resurgence/node` is `instanceof` the `ScenarioError` exported by
// `resurgence`):
//   - ESM: the library (`resurgence`, no Node-only imports, runs in browsers; `resurgence/internals`,
//     every module's exports, unstable), the Node engine
//     (`resurgence/node`: worker threads, files) with its worker script, and the CLI, whose
//     commands are separate chunks loaded on demand (src/cli/cli.ts);
//   - CJS: the library, its internals and the Node engine, for `require()`.
// mathjs and d3-dsv are bundled (build-time dependencies only; d3-dsv is ESM-only): imported from node_modules it loads about a
// thousand files, seconds of start-up for every command (bench/startup.mjs). bullmq and ioredis
// are optional peer dependencies, loaded only by the queue (src/node/queue.ts).
// `npm start` builds without type declarations (RESURGENCE_QUICK_BUILD=1), the run does not need them.
// No source maps: the bundles are unminified and readable, and maps tripled the package's size.
const declarations = process.env.RESURGENCE_QUICK_BUILD !== '1';
const shared = {
  target: 'node20',
  sourcemap: false,
  splitting: true,
  // Class and function names survive bundling (error.constructor.name is ScenarioError, not _class).
  keepNames: true,
  metafile: process.env.RESURGENCE_METAFILE === '1',
  noExternal: ['mathjs', 'd3-dsv'],
  external: ['bullmq', 'ioredis'],
  // Whitespace and syntax only (names are kept, so stack traces stay readable): a third less code
  // for Node to read and compile at every start.
  esbuildOptions(options: { minifyWhitespace?: boolean; minifySyntax?: boolean }) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
};

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', internals: 'src/internals.ts', node: 'src/node/index.ts', worker: 'src/node/worker.ts', cli: 'src/cli/main.ts' },
    format: ['esm'],
    // zod too for the ESM build (the CLI's): loading its modules from node_modules costs ~0.2 s;
    // and seedrandom, a CommonJS package whose loading through Node's CJS loader costs every start
    // ~15 ms (its only require, of crypto for auto-seeding, sits in a try and is never needed:
    // every stream is seeded). commander stays external: bundled, its require('events') fails in ESM.
    noExternal: ['mathjs', 'd3-dsv', 'zod', 'seedrandom'],
    dts: declarations ? { entry: { index: 'src/index.ts', internals: 'src/internals.ts', node: 'src/node/index.ts' } } : false,
    clean: true,
  },
  {
    ...shared,
    entry: { index: 'src/index.ts', internals: 'src/internals.ts', node: 'src/node/index.ts' },
    format: ['cjs'],
    dts: declarations ? { entry: { index: 'src/index.ts', internals: 'src/internals.ts', node: 'src/node/index.ts' } } : false,
    shims: true,
  },
]);
