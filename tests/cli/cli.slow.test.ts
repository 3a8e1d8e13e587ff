import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');

function run(args: string[], options: { input?: string } = {}) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', input: options.input ?? '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first (npm test does)');
});

describe('resurgence run', () => {
  it('resurgence run --json gives byte-identical output for the same scenario and seed', () => {
    const a = run(['run', 'scenarios/baseline-2020.json', '--runs', '12', '--seed', '5', '--json', '--quiet']);
    const b = run(['run', 'scenarios/baseline-2020.json', '--runs', '12', '--seed', '5', '--json', '--quiet']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const summary = JSON.parse(a.stdout);
    for (const observable of ['attacksIraq', 'attacksSyria', 'attacks', 'fighters', 'recruits', 'losses', 'income', 'reserves', 'prisonersFreed', 'areasOperating', 'areasHeld']) {
      for (const statistic of ['mean', 'p05', 'p25', 'p50', 'p75', 'p95']) expect(summary.series[observable][statistic]).toHaveLength(36);
    }
    for (const event of ['attacksDouble', 'territorialComeback']) {
      expect(summary.events[event]).toHaveProperty('probability');
      expect(summary.events[event].ci95).toHaveLength(2);
      expect(summary.events[event]).toHaveProperty('medianMonth');
    }
    expect(summary.provenance).toMatchObject({ package: 'resurgence', seed: 5, runs: 12 });
  });

  it('resurgence run --per-run: rows of runs 0..N-1 are identical whether N or 2N runs were asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resurgence-'));
    expect(run(['run', 'scenarios/baseline-2020.json', '--runs', '10', '--out', join(dir, 'a'), '--per-run', '--quiet']).code).toBe(0);
    expect(run(['run', 'scenarios/baseline-2020.json', '--runs', '20', '--out', join(dir, 'b'), '--per-run', '--quiet']).code).toBe(0);
    const small = readFileSync(join(dir, 'a/runs.csv'), 'utf8').trimEnd().split('\n');
    const large = readFileSync(join(dir, 'b/runs.csv'), 'utf8').trimEnd().split('\n');
    expect(small[0]).toMatch(/^run,month,attacksIraq,/);
    expect(small).toHaveLength(1 + 10 * 36);
    expect(large).toHaveLength(1 + 20 * 36);
    expect(large.slice(0, small.length)).toEqual(small);
    const series = readFileSync(join(dir, 'a/series.csv'), 'utf8').split('\n');
    expect(series[0]).toBe('observable,month,date,statistic,value');
    expect(series[1]).toMatch(/^attacksIraq,0,2020-05,mean,\d/);
    expect(JSON.parse(readFileSync(join(dir, 'a/summary.json'), 'utf8')).provenance.runs).toBe(10);
  });

  it('resurgence run prints the summary table with both events', () => {
    const result = run(['run', 'scenarios/us-stays.json', '--runs', '5', '--quiet']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('What if the US stays?');
    expect(result.stdout).toContain('observable (median [p05–p95])');
    expect(result.stdout).toMatch(/attacksDouble\s+\d\.\d{3}\s+\[/);
    expect(result.stdout).toMatch(/territorialComeback\s+\d\.\d{3}\s+\[/);
  });

  it('resurgence run: the scenario\'s runs and seed are defaults that flags override', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resurgence-'));
    const file = join(dir, 'tiny.json');
    writeFileSync(file, JSON.stringify({ name: 'tiny', question: 'q', start: '2020-05', months: 3, runs: 4, seed: 42 }));
    expect(JSON.parse(run(['run', file, '--json', '--quiet']).stdout).provenance).toMatchObject({ runs: 4, seed: 42 });
    expect(JSON.parse(run(['run', file, '--json', '--quiet', '--runs', '2', '--seed', 'x']).stdout).provenance).toMatchObject({ runs: 2, seed: 'x' });
  });
});

describe('resurgence errors', () => {
  const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

  it('resurgence run on a missing file exits 1 naming the file, without a stack trace', () => {
    const result = run(['run', 'scenarios/nope.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('scenarios/nope.json');
    expect(result.stderr).toContain('no such file');
    noStack(result.stderr);
  });

  it('resurgence run on an invalid scenario exits 1 with the JSON path, what was expected and what was found', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resurgence-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', question: 'q', start: '2020-05', months: 36, factors: { covidDiversion: 0.9, usTropsSyria: 0 } }));
    const result = run(['run', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        // Structural and range problems in one pass (issue 13, item 8).
        `${file}: 2 problems`,
        '  ✖ unknown factor "usTropsSyria" (did you mean "usTroopsSyria"?) → at factors.usTropsSyria',
        '  ✖ covidDiversion: expected a value in its plausible range [0, 0.6] (share of Iraqi forces), received 0.9; set "allowOutsidePlausibleRange": true to explore beyond it → at factors.covidDiversion',
        '',
      ].join('\n'),
    );
    noStack(result.stderr);
  });

  it('resurgence validate reports each file and exits 1 if any is invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resurgence-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, '{ "name": "x", }');
    const result = run(['validate', 'scenarios/baseline-2020.json', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✔ scenarios/baseline-2020.json: valid');
    expect(result.stdout).toMatch(/invalid JSON at line 1, column \d+/);
    noStack(result.stdout + result.stderr);
  });

  it('resurgence rejects unknown commands, unknown flags and bad numbers with exit code 2', () => {
    for (const args of [['frobnicate'], ['run', 'scenarios/baseline-2020.json', '--rnus', '5'], ['run', 'scenarios/baseline-2020.json', '--runs', 'many'], ['run'], ['run', 'scenarios/baseline-2020.json', '--per-run']]) {
      const result = run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^✖ /);
      noStack(result.stderr);
    }
  });
});

describe('resurgence scenarios and shipped names', () => {
  it('resurgence scenarios lists every shipped scenario with its question', () => {
    const listing = run(['scenarios']).stdout;
    for (const name of ['baseline-2020', 'us-stays', 'no-covid-diversion', 'iran-recovers', 'sdf-relieved', 'funding-cut', 'worst-case']) {
      expect(listing).toContain(name);
    }
    expect(listing).toContain('What if the US keeps');
  });

  it('resurgence run accepts a shipped scenario by name and gives the same numbers as its file', () => {
    const byName = run(['run', 'us-stays', '--runs', '3', '--json', '--quiet']);
    const byFile = run(['run', 'scenarios/us-stays.json', '--runs', '3', '--json', '--quiet']);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe(byFile.stdout);
  });

  it('resurgence run suggests the shipped scenario closest to a misspelt name', () => {
    const result = run(['run', 'us-stay']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did you mean "us-stays"?');
  });
});

describe('resurgence schema, factors, help', () => {
  it('resurgence schema prints the committed schema/scenario.schema.json (so editors never see a stale schema)', () => {
    const printed = run(['schema']).stdout;
    expect(printed).toBe(readFileSync(join(root, 'schema/scenario.schema.json'), 'utf8'));
    expect(JSON.parse(printed).additionalProperties).toBe(false);
  });

  it('resurgence factors lists every factor; --json gives sources and article sentences', () => {
    const table = run(['factors']).stdout;
    expect(table).toContain('usTroopsSyria');
    expect(table).toContain('600 → 0 at month 6');
    const json = JSON.parse(run(['factors', '--json']).stdout);
    expect(json.factors.length).toBeGreaterThanOrEqual(15);
    expect(json.factors[0]).toHaveProperty('article');
    expect(json.parameters.some((p: { calibration: boolean }) => p.calibration)).toBe(true);
  });

  it('resurgence --help shows an example for every command', () => {
    const help = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    for (const command of ['run', 'validate', 'scenarios', 'factors', 'schema']) expect(help).toContain(`resurgence ${command}`);
  });
});
