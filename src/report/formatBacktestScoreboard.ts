import type { SeriesScores } from '../analysis/backtest/backtestScores.js';
import type { ScoreboardEntry } from '../experiment/backtestScoreboard.js';
import { bandLabel } from './bandLabel.js';
import { formatBacktestNumber } from './formatBacktest.js';

/** A skill score to two decimals, or "–" when no naive forecast could be made (NaN). */
const skill = (score: number) => (Number.isFinite(score) ? score.toFixed(2).replace('-', '−') : '–');

/**
 * A source's name for a table cell: its text up to the first comma, colon, parenthesis or
 * semicolon, at most 32 characters. Cost: O(length).
 *
 * @example
 * shortSource('Knights & Almeida, "Remaining and Expanding" (B)'); // 'Knights & Almeida'
 */
export function shortSource(source: string | undefined): string {
  const name = (source ?? '').split(/[,:;(]/)[0]!.trim();
  return name.length <= 32 ? name : `${name.slice(0, 31).trimEnd()}…`;
}

/** The cells of one series' row: series (kind), source, scored, inside 50%, inside 90%, mean CRPS, two skills. */
function seriesCells(scores: SeriesScores): string[] {
  const c = scores.coverage;
  return [
    `${scores.series}${scores.kind ? ` (${scores.kind})` : ''}`,
    shortSource(scores.source),
    String(c.evaluated),
    String(c.inside50),
    String(c.inside90),
    c.evaluated > 0 ? formatBacktestNumber(scores.meanCrps) : '–',
    skill(scores.skill.persistence.score),
    skill(scores.skill.trend.score),
  ];
}

const HEADER = ['series (kind)', 'source', 'scored', 'in 50%', 'in 90%', 'mean CRPS', 'skill vs persistence', 'vs trend'];

/** What each scenario's line says about its run: period, runs, seed, and what its bands include. */
function describeEntry(entry: ScoreboardEntry): string {
  const origin = entry.forecastOrigin === undefined ? '' : `, scored after ${entry.forecastOrigin}`;
  return `${entry.start}, ${entry.months} months${origin}; ${entry.runs.toLocaleString('en-US')} runs, seed ${entry.seed}; bands include ${bandLabel([entry.uncertainty])}`;
}

/**
 * The scoreboard as plain text: per scenario, a line with its period, runs, seed and what its
 * bands include, then one row per observed series (observations scored, inside the 50% and 90%
 * bands, mean CRPS in the series' units, CRPS skill against persistence and last-year trend) and
 * the scenario's total. A well-calibrated forecast has about half its observations inside the
 * 50% bands and nine in ten inside the 90% bands.
 *
 * Cost: O(series).
 *
 * @example
 * formatBacktestScoreboard(backtestScoreboard(undefined, { runs: 100 })); // 'episode-decline-iraq-2007 …'
 */
export function formatBacktestScoreboard(entries: readonly ScoreboardEntry[]): string {
  const rows = entries.flatMap((entry) => entry.series.map(seriesCells));
  const widths = HEADER.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: readonly string[]) => `  ${cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ')}`;
  const lines: string[] = [];
  for (const entry of entries) {
    lines.push(`${entry.scenario}: ${entry.inside90} of ${entry.evaluated} observations inside the 90% bands, ${entry.inside50} inside the 50% bands`);
    lines.push(`  ${describeEntry(entry)}`);
    lines.push(line(HEADER));
    for (const scores of entry.series) lines.push(line(seriesCells(scores)));
    lines.push('');
  }
  lines.push('Well calibrated: about 50% of the observations inside the 50% bands and 90% inside the 90% bands.');
  lines.push('CRPS is in each series\' units (lower is better); skill = 1 − CRPS(model) / CRPS(naive), > 0 when the model beats the naive forecast; – where none can be made.');
  lines.push('Each line repeats `resurgence run <scenario>` with the same runs and seed, where each point is shown with its source.');
  return `${lines.join('\n')}\n`;
}

/**
 * The scoreboard as a Markdown table (one row per observed series, a bold total per scenario),
 * then what each scenario's bands include. For generated documentation (the table in
 * docs/how-to/back-test.md is this function's output).
 *
 * Cost: O(series).
 *
 * @example
 * formatBacktestScoreboardMarkdown(backtestScoreboard()); // '| scenario | series (kind) | source | scored | …'
 */
export function formatBacktestScoreboardMarkdown(entries: readonly ScoreboardEntry[]): string {
  const cell = (text: string) => text.replaceAll('|', '/');
  const lines = [`| scenario | ${HEADER.join(' | ')} |`, `|---|---|---|${HEADER.slice(2).map(() => '---:').join('|')}|`];
  for (const entry of entries) {
    entry.series.forEach((scores, i) => lines.push(`| ${i === 0 ? `\`${entry.scenario}\`` : ''} | ${seriesCells(scores).map(cell).join(' | ')} |`));
    lines.push(`| | **total** | | **${entry.evaluated}** | **${entry.inside50}** | **${entry.inside90}** | | | |`);
  }
  lines.push('', ...entries.map((entry) => `- \`${entry.scenario}\`: ${cell(describeEntry(entry))}.`));
  return lines.join('\n');
}
