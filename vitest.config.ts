import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Property tests (fast-check) use a fixed seed: see the file.
    setupFiles: ['./tests/helpers/fastCheckSeed.ts'],
    // The default reporter for people, then one plain "N passed, N failed" line for CI logs.
    reporters: ['default', './tests/helpers/plainSummaryReporter.ts'],
  },
});
