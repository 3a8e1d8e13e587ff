import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../helpers/captureIo.js';
import { reportCommand } from '../../../src/cli/commands/report.js';
import { main } from '../../../src/cli/cli.js';

const capture = captureIo;

const folder = mkdtempSync(join(tmpdir(), 'resurgence-report-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('reportCommand', () => {
  it('reportCommand writes the HTML report and the PNGs for a scenario and its counterfactual', async () => {
    const c = capture();
    const out = join(folder, 'nested', 'report.html');
    const code = await reportCommand(['baseline-2020', '--compare', 'us-stays', '--runs', '20', '--seed', '5', '--out', out, '--png', join(folder, 'png')], c.io);
    expect(c.err()).toMatch(/^20 runs × 2 scenarios in [\d.]+ s; wrote .*report\.html and 9 PNGs/);
    expect(code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('What if the US stays?');
    expect(html).toContain('resurgence run us-stays --runs 20 --seed 5');
    expect(html).toContain('ISIS claims, Jan–Apr 2020'); // observed claims found in data/
    const pngs = readdirSync(join(folder, 'png')).sort();
    expect(pngs).toContain('fan-attacks.png');
    expect(pngs).toContain('factor-graph.png');
    expect(readFileSync(join(folder, 'png', 'events.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(c.out().trim().split('\n')).toHaveLength(1 + pngs.length);
  });

  it('reportCommand of a back-test scenario draws each observed series and scores it as resurgence run does (same runs, same seed)', async () => {
    const c = capture();
    const out = join(folder, 'backtest.html');
    const png = join(folder, 'backtest-png');
    expect(await reportCommand(['episode-growth-iraq-2012', '--runs', '30', '--seed', '4', '--out', out, '--png', png, '--quiet'], c.io)).toBe(0);
    const html = readFileSync(out, 'utf8');
    const run = capture();
    expect(await main(['run', 'episode-growth-iraq-2012', '--runs', '30', '--seed', '4', '--json', '--quiet'], run.io)).toBe(0);
    const { backtest } = JSON.parse(run.out()) as { backtest: { series: string; kind: string; coverage: { inside90: number; evaluated: number } }[] };
    const inside = backtest.reduce((sum, series) => sum + series.coverage.inside90, 0);
    const evaluated = backtest.reduce((sum, series) => sum + series.coverage.evaluated, 0);
    expect(html).toContain(`<strong>${inside} of ${evaluated} observed points lie inside the 90% interval</strong>`);
    const charts = readdirSync(png).filter((name) => name.startsWith('backtest-')).sort();
    expect(charts).toEqual(backtest.map((series, i) => `backtest-${i + 1}-${series.series}-${series.kind}.png`).sort());
  });

  it('resurgence report reports usage errors with exit code 2 and scenario errors with exit code 1', async () => {
    const reportCli = (args: string[], io: Parameters<typeof main>[1]) => main(['report', ...args], io);
    let c = capture();
    expect(await reportCli(['baseline-2020'], c.io)).toBe(2);
    expect(c.err()).toContain('✖ report needs --out FILE');
    c = capture();
    expect(await reportCli(['baseline-2020', '--runs', '0', '--out', join(folder, 'x.html')], c.io)).toBe(2);
    expect(c.err()).toContain('invalid --runs: 0');
    c = capture();
    expect(await reportCli(['baseline-2020', '--bogus', '--out', join(folder, 'x.html')], c.io)).toBe(2);
    c = capture();
    expect(await reportCli(['us-stay', '--out', join(folder, 'x.html')], c.io)).toBe(1);
    expect(c.err()).toContain('did you mean "us-stays"');
  });
});
