import type { Comparison } from '../experiment/compare.js';
import { bandLabel } from './bandLabel.js';

const DECIMALS: Readonly<Record<string, number>> = { income: 2, reserves: 1 };

function formatNumber(value: number, decimals: number, signed = false): string {
  // A value that rounds to zero prints as 0, never as -0.
  const text = value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).replace(/^-(0(\.0+)?)$/, '$1');
  return signed && value > 0 ? `+${text}` : text;
}

function formatRatio(ratio: number): string {
  if (Number.isNaN(ratio)) return '–';
  if (!Number.isFinite(ratio)) return '∞';
  return `×${ratio.toFixed(1)}`;
}

/**
 * Decimals for one cell: the observable's usual precision, or more (up to 2) when the CI is so
 * narrow that it would round to a single value, as in "0 [−1, +0]" for a difference of −0.3.
 */
function cellDecimals(base: number, low: number, high: number): number {
  let decimals = base;
  while (decimals < 2 && high > low && high - low < 2 * 10 ** -decimals) decimals++;
  return decimals;
}

/**
 * A plain-text report of a {@link Comparison}: per observable the ensemble means of both arms
 * (means, not the medians of `resurgence run`: the paired difference of means is what has a
 * confidence interval), the paired difference b − a with its 95% CI and the variance reduction of
 * common random numbers, at chosen months (0-based indices; default months 12, 24 and the last);
 * then each event's probabilities and their difference. Cost: O(observables × months).
 *
 * @example
 * console.log(formatComparison(await compare(baseline, usStays, { runs: 500 }), { months: [5, 35] }));
 * // fighters (fighters)   2023-04   3,874   2,998   −876 [−950, −802]   ×3.1
 */
export function formatComparison(comparison: Comparison, options: { months?: readonly number[] } = {}): string {
  const { a, b } = comparison;
  const total = a.months.length;
  const months = options.months ?? [...new Set([11, 23, total - 1].filter((m) => m >= 0 && m < total))];
  for (const m of months) if (!Number.isInteger(m) || m < 0 || m >= total) throw new RangeError(`invalid month index: ${m} (expected 0…${total - 1})`);
  const rows: string[][] = [['observable', 'month', `mean a: ${a.scenario.name}`, `mean b: ${b.scenario.name}`, 'mean b − a [95% CI]', 'variance ÷']];
  for (const [id, difference] of Object.entries(comparison.differences)) {
    for (const m of months) {
      const low = difference.low[m] as number;
      const high = difference.high[m] as number;
      const decimals = cellDecimals(DECIMALS[id] ?? 0, low, high);
      rows.push([
        `${id} (${a.units[id] ?? ''})`,
        a.months[m] ?? String(m),
        formatNumber(a.series[id]?.mean[m] as number, DECIMALS[id] ?? 0),
        formatNumber(b.series[id]?.mean[m] as number, DECIMALS[id] ?? 0),
        `${formatNumber(difference.mean[m] as number, decimals, true)} [${formatNumber(low, decimals, true)}, ${formatNumber(high, decimals, true)}]`,
        formatRatio(difference.varianceReduction[m] as number),
      ]);
    }
  }
  const widths = (rows[0] as string[]).map((_, c) => Math.max(...rows.map((row) => (row[c] as string).length)));
  const lines = rows.map((row) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  '));
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  lines.push('', 'event                 P(a)    P(b)    b − a [95% CI]              variance ÷');
  for (const [id, event] of Object.entries(comparison.events)) {
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    const signed = (x: number) => `${x > 0 ? '+' : ''}${(100 * x).toFixed(1)}`;
    lines.push(
      `${id.padEnd(20)}  ${percent(event.a).padStart(6)}  ${percent(event.b).padStart(6)}  ${`${signed(event.difference)} pp [${signed(event.low)}, ${signed(event.high)}]`.padEnd(26)}  ${formatRatio(event.varianceReduction)}`,
    );
  }
  lines.push(
    '',
    `${comparison.runs} paired runs per arm, seed ${JSON.stringify(comparison.seed)}: run i of both arms uses the same random streams (common random numbers).`,
    'Cells are ensemble means over runs (resurgence run prints medians); the CI is that of the mean paired difference.',
    `Runs include ${bandLabel([comparison.a.uncertainty, comparison.b.uncertainty], [comparison.a.scenario.name, comparison.b.scenario.name])}.`,
    `"variance ÷" is Var(a) + Var(b) over Var(b − a): how many times more runs independent arms would need for the same CI.`,
    `Median over observables and months: ${formatRatio(comparison.medianVarianceReduction)}.`,
  );
  return `${lines.join('\n')}\n`;
}
