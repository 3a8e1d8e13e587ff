// Every back-test at once (backtestScoreboard, formatBacktestScoreboard and `resurgence
// backtests`): each line must repeat what `resurgence run` scores for the same scenario, runs and
// seed, scenarios without observed series are skipped, and the totals add up.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../helpers/captureIo.js';
import { backtestScores } from '../../src/analysis/backtest/backtestScores.js';
import { main } from '../../src/cli/cli.js';
import { backtestScoreboard } from '../../src/experiment/backtestScoreboard.js';
import { simulate, validScenario } from '../../src/experiment/simulate.js';
import { backtestPitChart } from '../../src/report/charts/backtestPitChart.js';
import { formatBacktestScoreboard, formatBacktestScoreboardMarkdown, shortSource } from '../../src/report/formatBacktestScoreboard.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const RUNS = 40;
const EPISODE = 'episode-decapitation-iraq-2010';
const ORIGIN = 'backtest-2018-origin-2019-12';
const picked = { 'baseline-2020': SHIPPED_SCENARIOS['baseline-2020'], [EPISODE]: SHIPPED_SCENARIOS[EPISODE] };
const entries = backtestScoreboard(picked, { runs: RUNS });

describe('backtestScoreboard', () => {
  it('skips a scenario without observed series and scores the others exactly as run does (same runs and seed)', () => {
    expect(entries.map((entry) => entry.scenario)).toEqual([EPISODE]);
    const valid = validScenario(SHIPPED_SCENARIOS[EPISODE]);
    const { runs } = simulate(valid, { runs: RUNS, perRun: true });
    const expected = backtestScores(valid.observed ?? [], runs ?? [], { seed: valid.scenario.seed as number });
    const [entry] = entries;
    expect(entry!.series).toEqual(expected);
    expect(entry!.seed).toBe(2010);
    expect(entry!.runs).toBe(RUNS);
    expect(entry!.evaluated).toBe(expected.reduce((sum, scores) => sum + scores.coverage.evaluated, 0));
    expect(entry!.inside90).toBe(expected.reduce((sum, scores) => sum + scores.coverage.inside90, 0));
    expect(entry!.inside50).toBeLessThanOrEqual(entry!.inside90);
    expect(entry!.uncertainty.parameters).toMatchObject({ drawn: true, source: 'posterior:mid-2020' });
  });

  it('keeps a forecast origin: points up to it are not scored', () => {
    const [entry] = backtestScoreboard({ [ORIGIN]: SHIPPED_SCENARIOS[ORIGIN] }, { runs: 10 });
    expect(entry!.forecastOrigin).toBe('2019-12');
    const scoredPoints = entry!.series.reduce((sum, scores) => sum + scores.points.filter((point) => !point.inSample).length, 0);
    expect(entry!.evaluated).toBe(scoredPoints);
    expect(entry!.series.some((scores) => scores.points.some((point) => point.inSample))).toBe(true);
  });

  it('reports each finished scenario to onScenario', () => {
    const seen: string[] = [];
    backtestScoreboard(picked, { runs: 5, onScenario: (done, total, name) => seen.push(`${done}/${total} ${name}`) });
    expect(seen).toEqual([`1/1 ${EPISODE}`]);
  });
});

describe('formatBacktestScoreboard', () => {
  it('prints a line per scenario with its totals and what its bands include, and a row per series', () => {
    const text = formatBacktestScoreboard(entries);
    const entry = entries[0]!;
    expect(text).toContain(`${EPISODE}: ${entry.inside90} of ${entry.evaluated} observations inside the 90% bands`);
    expect(text).toContain('bands include run-to-run randomness + parameters (posterior mid-2020)');
    expect(text.split('\n').filter((line) => /^\s+(attacksIraq|fightersIraq) \(/.test(line))).toHaveLength(entry.series.length);
    // A skill no naive forecast can make is a dash, not NaN.
    expect(text).not.toContain('NaN');
    expect(text).toContain('–');
  });

  it('as Markdown: a row per series, a bold total per scenario, then what each scenario\'s bands include', () => {
    const markdown = formatBacktestScoreboardMarkdown(entries);
    const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(2 + entries[0]!.series.length + 1);
    expect(rows.every((row) => row.split('|').length === rows[0]!.split('|').length)).toBe(true);
    expect(markdown).toContain(`| | **total** | | **${entries[0]!.evaluated}** |`);
    expect(markdown).toContain(`- \`${EPISODE}\`: 2010-01, 24 months; ${RUNS} runs, seed 2010; bands include`);
  });

  it('shortSource keeps a source\'s name: up to its first comma, colon, parenthesis or semicolon, at most 32 characters', () => {
    expect(shortSource('Knights & Almeida, "Remaining and Expanding"')).toBe('Knights & Almeida');
    expect(shortSource('SIGIR via Joel Wing, Musings on Iraq')).toBe('SIGIR via Joel Wing');
    expect(shortSource('MNF-I/DoD counts of enemy-initiated attacks in Iraq, all perpetrators')).toBe('MNF-I/DoD counts of enemy-initi…');
    expect(shortSource(undefined)).toBe('');
  });
});

describe('resurgence backtests', () => {
  const capture = captureIo;

  it('prints the table for named scenarios, with a progress line per scenario on stderr', async () => {
    const c = capture();
    expect(await main(['backtests', EPISODE, 'baseline-2020', '--runs', String(RUNS)], c.io)).toBe(0);
    expect(c.out()).toBe(formatBacktestScoreboard(entries));
    expect(c.err()).toMatch(new RegExp(`^backtests: 1/1 scored \\(${EPISODE}\\), \\d+s elapsed\\n$`));
  });

  it('gives the same entries on one worker thread as on two (runs kept in run order)', async () => {
    const one = capture();
    const two = capture();
    expect(await main(['backtests', EPISODE, '--runs', String(RUNS), '--workers', '1', '--json', '--quiet'], one.io)).toBe(0);
    expect(await main(['backtests', EPISODE, '--runs', String(RUNS), '--workers', '2', '--json', '--quiet'], two.io)).toBe(0);
    expect(two.out()).toBe(one.out());
    expect(JSON.parse(one.out())).toEqual(JSON.parse(JSON.stringify(entries)));
    const bad = capture();
    expect(await main(['backtests', '--workers', '0'], bad.io)).toBe(2);
    expect(bad.err()).toContain('invalid --workers: 0');
  });

  it('--json writes the entries and --quiet leaves stderr empty; a bad --runs is a usage error', async () => {
    const c = capture();
    expect(await main(['backtests', EPISODE, '--runs', String(RUNS), '--json', '--quiet'], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toEqual(JSON.parse(JSON.stringify(entries)));
    expect(c.err()).toBe('');
    const bad = capture();
    expect(await main(['backtests', '--runs', '0'], bad.io)).toBe(2);
    expect(bad.err()).toContain('invalid --runs: 0');
  });

  it('scores a copy that shares a scenario name under its path, next to the original', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'resurgence-backtests-'));
    try {
      const copy = join(folder, 'copy.json');
      writeFileSync(copy, JSON.stringify({ ...(SHIPPED_SCENARIOS[EPISODE] as object), $schema: undefined }));
      const c = capture();
      expect(await main(['backtests', EPISODE, copy, '--runs', '5', '--json', '--quiet'], c.io)).toBe(0);
      expect(JSON.parse(c.out()).map((entry: { scenario: string }) => entry.scenario)).toEqual([EPISODE, copy]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('--svg writes the chart of where each observation falls in its forecast', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'resurgence-backtests-'));
    try {
      const file = join(folder, 'pit.svg');
      expect(await main(['backtests', EPISODE, '--runs', String(RUNS), '--svg', file, '--quiet'], capture().io)).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(backtestPitChart(entries));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
