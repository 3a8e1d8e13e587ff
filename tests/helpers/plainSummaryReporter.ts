import type { Reporter, TestModule } from 'vitest/node';

/** A test file in the fast suite (`npm test`) that takes longer than this should be `*.slow.test.ts`. */
export const SLOW_FILE_SECONDS = 10;

/**
 * Prints one plain closing line, "N passed, N failed, N skipped", after vitest's own
 * (coloured, multi-column) summary, so that a CI log reader that knows no vitest still sees how
 * many tests ran. Before it, one line per test file not named `*.slow.test.ts` that took longer
 * than {@link SLOW_FILE_SECONDS} (collection and tests): such a file belongs in `npm run test:all`,
 * not in `npm test` (which must stay under 5 minutes on 2 cores). The note is informational
 * (durations depend on the machine), so it never fails the run.
 */
export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const slow: string[] = [];
    for (const testModule of testModules) {
      if (testModule.state() === 'failed' && [...testModule.children.allTests()].length === 0) failed++;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      const d = testModule.diagnostic();
      const seconds = (d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration) / 1000;
      if (seconds > SLOW_FILE_SECONDS && !testModule.moduleId.endsWith('.slow.test.ts')) {
        slow.push(`slow test file: ${testModule.relativeModuleId} took ${seconds.toFixed(1)} s (> ${SLOW_FILE_SECONDS} s): make it faster or rename it *.slow.test.ts\n`);
      }
    }
    process.stdout.write(`\n${slow.join('')}${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
