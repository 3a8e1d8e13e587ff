// Runs every examples/*.ts as a user would (a child process importing 'resurgence'; in this
// repository tsx maps that name to src/ through tsconfig "paths") and checks the lines each
// example promises. tests/package.test.ts checks that the built package gives the same numbers.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(repoRoot, 'examples');

const exampleFiles = existsSync(examplesDir)
  ? readdirSync(examplesDir)
      .filter((name) => name.endsWith('.ts'))
      .sort()
  : [];

/** What each example's stdout must contain. Examples not listed here must still run cleanly. */
const PROMISES: Readonly<Record<string, readonly (string | RegExp)[]>> = {
  '01-baseline.ts': [
    'observable (median [p05–p95])',
    /^attacks \(attacks\/month\)/m,
    /^claimedAttacks \(claims\/month\)/m,
    'attacks (dataset count)',
    'claimedAttacks (ISIS claims)',
    /^attacksDouble: p = \d\.\d{3}, 95% CI \[\d\.\d{3}, \d\.\d{3}\]/m,
    /^territorialComeback: p = \d\.\d{3}, 95% CI \[\d\.\d{3}, \d\.\d{3}\]/m,
    /^scenarioHash {2}[0-9a-f]{64}$/m,
    /^seed {10}2020$/m,
    'reproducible  first 20 runs recomputed alone are identical',
  ],
  '02-what-if-the-us-stays.ts': [
    'same seed 2020 (common random numbers)',
    'observable (median [p05–p95])',
    'Paired difference us-stays − baseline at the last month',
    /^ {2}attacks +mean difference +-?[\d,]+\.\d +95% CI \[-?[\d,]+\.\d, -?[\d,]+\.\d\]/m,
    /^ {2}fighters +mean difference +-?[\d,]+\.\d +95% CI \[-?[\d,]+\.\d, -?[\d,]+\.\d\]/m,
    /→ (the US staying (LOWERS|RAISES) monthly attacks|no detectable difference in monthly attacks)/,
    /→ (the US staying (LOWERS|RAISES) fighters|no detectable difference in fighters)/,
    // Common random numbers: before any input differs, paired runs are identical.
    /^2020-05 +0\.0 +\[0\.0, 0\.0\] +0 of \d+$/m,
    'attacksDouble',
  ],
  '03-your-own-scenario.ts': [
    'parseScenario: ok',
    /covidDiversion +0\.30 /,
    'did you mean "iranMilitiaEffort"',
    '→ at factors.covidDiversion.expression',
    '→ at factors.sdfTurkishFront',
    /simulate\(\) threw a ScenarioError with \d+ issue/,
    'observable (median [p05–p95])',
    'attacksDouble',
  ],
  '04-which-factors-matter.ts': [
    'Exact Shapley values over all 512 coalitions of 9 changed inputs',
    // Efficiency: the printed sum and total agree to the sixth decimal (a backreference).
    /^fighters@24: Shapley values sum to (-?[\d.]+), the total change is \1$/m,
    /^attacks@24: Shapley values sum to (-?[\d.]+), the total change is \1$/m,
    "Sensitivity of P(territorialComeback by month 24) (Sobol' indices",
    /^most influential: \w+, \w+, \w+$/m,
  ],
};

function runExample(file: string): string {
  try {
    return execFileSync(process.execPath, ['--import', 'tsx', join('examples', file)], {
      cwd: repoRoot,
      encoding: 'utf8',
      // RESURGENCE_QUICK: examples that take minutes run a small version (04).
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', RESURGENCE_QUICK: '1' },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 110_000,
    });
  } catch (error) {
    const failure = error as { status?: number | null; signal?: string | null; stdout?: string; stderr?: string };
    throw new Error(
      `examples/${file} failed (exit ${failure.status ?? 'none'}${failure.signal ? `, signal ${failure.signal}` : ''})\n` +
        `--- stderr ---\n${failure.stderr ?? ''}\n--- stdout (tail) ---\n${(failure.stdout ?? '').slice(-2000)}`,
    );
  }
}

describe('examples', () => {
  it('has the promised examples and a README', () => {
    for (const name of Object.keys(PROMISES)) expect(exampleFiles).toContain(name);
    expect(existsSync(join(examplesDir, 'README.md'))).toBe(true);
  });

  it.each(exampleFiles)('%s is a notebook that imports the package by name', (file) => {
    const source = readFileSync(join(examplesDir, file), 'utf8');
    expect(source).toMatch(/^\/\/ %% \[markdown\]$/m);
    expect(source).toMatch(/^\/\/ %%$/m);
    expect(source).toMatch(/from 'resurgence'/);
    expect(source).not.toMatch(/from '\.\.?\//); // no relative imports: examples use the public API only
  });

  it.each(exampleFiles)('%s runs to the end and prints what it promises', (file) => {
    const stdout = runExample(file);
    expect(stdout.length).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/\bNaN\b/);
    for (const promise of PROMISES[file] ?? []) {
      if (typeof promise === 'string') expect(stdout, `examples/${file} should print ${JSON.stringify(promise)}`).toContain(promise);
      else expect(stdout, `examples/${file} should print a line matching ${promise}`).toMatch(promise);
    }
  }, 120_000);
});
