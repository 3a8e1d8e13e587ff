// The CLI says what its bands include (--json `uncertainty` block, the table's first line),
// --uncertainty none gives the fixed-input mode, and `variance` prints where the variance comes from.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('resurgence run --uncertainty', () => {
  it('resurgence run --json carries an uncertainty block naming the posterior and the judged factors; --uncertainty none fixes them', () => {
    const honest = JSON.parse(run(['run', 'scenarios/baseline-2020.json', '--runs', '40', '--seed', '1', '--json', '--quiet', '--workers', '1']).stdout);
    expect(honest.uncertainty.parameters).toMatchObject({ drawn: true, source: 'posterior:mid-2020' });
    expect(honest.uncertainty.factors.source).toBe('plausible');
    expect(honest.uncertainty.factors.drawnFactors).toContain('warChest');
    const fixed = JSON.parse(run(['run', 'scenarios/baseline-2020.json', '--runs', '40', '--seed', '1', '--json', '--quiet', '--workers', '1', '--uncertainty', 'none']).stdout);
    expect(fixed.uncertainty).toMatchObject({ parameters: { drawn: false }, factors: { drawn: false } });
    // Fighters at month 24: the drawn band is much wider than the fixed one (measured ×34 at 1,000 runs).
    const width = (s: { series: { fighters: { p05: number[]; p95: number[] } } }) => (s.series.fighters.p95[24] as number) - (s.series.fighters.p05[24] as number);
    expect(width(honest)).toBeGreaterThan(5 * width(fixed));
  });

  it('resurgence run prints what the bands include above the table, and rejects an unknown mode', () => {
    const table = run(['run', 'scenarios/us-stays.json', '--runs', '5', '--quiet', '--workers', '1', '--uncertainty', 'none']);
    const lines = table.stdout.split('\n');
    // The heading of the table, right above it.
    expect(lines[lines.findIndex((line) => line.startsWith('observable (median')) - 1]).toBe('bands and probabilities include: run-to-run randomness only: parameters FIXED, inputs FIXED');
    const bad = run(['run', 'scenarios/us-stays.json', '--runs', '5', '--uncertainty', 'off']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid --uncertainty: off (expected "scenario" or "none")');
  });
});

describe('resurgence variance', () => {
  it('resurgence variance prints the split by source and writes the JSON and one chart per observable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'variance-'));
    const result = run(['variance', 'scenarios/baseline-2020.json', '--parameter-draws', '2', '--input-draws', '2', '--replicates', '2', '--seed', '3', '--quiet', '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 parameter draws × 2 input draws × 2 replicates = 8 runs (seed 3)');
    expect(result.stdout).toMatch(/observable\s+month\s+sd\s+parameters\s+inputs\s+interaction\s+noise/);
    const json = JSON.parse(readFileSync(join(dir, 'variance.json'), 'utf8'));
    expect(json.components.fighters).toHaveLength(36);
    expect(readFileSync(join(dir, 'variance-fighters.svg'), 'utf8')).toContain('Where the variance of fighters comes from');
  });
});
