import { defineConfig } from 'vitest/config';

// Two suites from one config. `npm test` excludes test files named `*.slow.test.ts` (a file that
// takes more than ~10 s, or needs a system package: Redis, Chromium, Jupyter); `npm run test:all`
// runs every file. Running a path directly (`npx vitest run tests/cli`) includes slow files.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Property tests (fast-check) use a fixed seed: see the file.
    // mathjs for expressions, as the library's entries provide it (tests/helpers/expressionEngine.ts).
    setupFiles: ['./tests/helpers/fastCheckSeed.ts', './tests/helpers/expressionEngine.ts'],
    // The default reporter for people, then one plain "N passed, N failed" line for CI logs
    // (preceded by a note for any fast-suite file that took longer than the slow-file limit).
    reporters: ['default', './tests/helpers/plainSummaryReporter.ts'],
  },
});
