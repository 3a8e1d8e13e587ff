// The split between `npm test` (fast, ≤ 5 min on 2 cores) and `npm run test:all` (everything,
// what CI runs): checks of the wiring, so that a slow or system-dependent file cannot slip back
// into the fast suite unnoticed. Durations are reported by tests/helpers/plainSummaryReporter.ts,
// never asserted here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

describe('the test suites', () => {
  it('npm test builds, type-checks and excludes *.slow.test.ts; npm run test:all does the same and excludes nothing', () => {
    for (const name of ['test', 'test:all']) {
      expect(scripts[name]).toMatch(/^npm run build\b.* && npm run typecheck && (npm run lint:package && )?vitest run\b/);
    }
    expect(scripts.test).toContain("--exclude '**/*.slow.test.ts'");
    expect(scripts['test:all']).not.toContain('--exclude');
    expect(scripts['test:all']).toContain('npm run lint:package');
    expect(scripts['lint:package']).toMatch(/^publint\b.*&& attw --pack \./);
  });

  it('test files that need Redis, Chromium or Jupyter, or run every example, are named *.slow.test.ts', () => {
    const systemDependent = new RegExp(['playwright-core', 'redis-server', 'jupyter', 'examplesDir'].join('|'));
    const offenders = testFiles(join(root, 'tests')).filter(
      (file) => !file.endsWith('.slow.test.ts') && file !== 'tests/suite.test.ts' && systemDependent.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('.ci/run runs the whole suite last, with colours off so the closing summary line is plain', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci).toMatch(/NO_COLOR=1/);
    expect(ci.trimEnd().split('\n').at(-1)).toBe('npm run test:all');
  });
});
