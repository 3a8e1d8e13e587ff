import type { EnsembleSummary } from '../experiment/simulate.js';
import { bandLabel } from './bandLabel.js';
import { sparkline } from './sparkline.js';

/** Options of {@link formatSummaryTable}. */
export interface SummaryTableOptions {
  /** Months to show (indices). Default: months 0, 5, 11, 23 and the last one. */
  readonly months?: readonly number[];
  /** Observables to show. Default: all in the summary. */
  readonly observables?: readonly string[];
}

const DECIMALS: Readonly<Record<string, number>> = { income: 2, reserves: 1 };

function defaultMonths(total: number): number[] {
  return [...new Set([0, 5, 11, 23, total - 1].filter((m) => m < total))];
}

function formatNumber(value: number, decimals: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * A plain-text table of an ensemble summary: per observable the median with its 90% band
 * (p05–p95) at chosen months and a sparkline of the median over the whole horizon, then each
 * event's probability, 95% CI and median month.
 *
 * @example
 * console.log(formatSummaryTable(simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 200, seed: 7 }).summary));
 * // observable (median [p05–p95])     2020-05        2020-10  …  median, all months
 * // attacksIraq (attacks/month)  191 [166–214]  218 [190–241]  …  ▁▂▃▄▄▅▅▅▅▅▅▆▆▆▇▇██
 */
export function formatSummaryTable(summary: EnsembleSummary, options: SummaryTableOptions = {}): string {
  const months = options.months ?? defaultMonths(summary.months.length);
  const observables = options.observables ?? Object.keys(summary.series);
  const cells: string[][] = [
    ['observable (median [p05–p95])', ...months.map((m) => summary.months[m] ?? `month ${m}`), 'median, all months'],
  ];
  for (const id of observables) {
    const series = summary.series[id];
    if (!series) throw new RangeError(`invalid observable: ${id}`);
    const decimals = DECIMALS[id] ?? 0;
    cells.push([
      `${id} (${summary.units[id] ?? ''})`,
      ...months.map(
        (m) =>
          `${formatNumber(series.p50[m] as number, decimals)} [${formatNumber(series.p05[m] as number, decimals)}–${formatNumber(series.p95[m] as number, decimals)}]`,
      ),
      sparkline(series.p50, Math.min(18, series.p50.length)),
    ]);
  }
  const widths = (cells[0] as string[]).map((_, column) => Math.max(...cells.map((row) => (row[column] as string).length)));
  const last = (cells[0] as string[]).length - 1;
  const align = (cell: string, column: number) =>
    column === 0 || column === last ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number);
  const lines = cells.map((row) => row.map(align).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((width) => '─'.repeat(width)).join('  '));
  lines.unshift(`bands and probabilities include: ${bandLabel([summary.uncertainty])}`);
  lines.push('');
  lines.push('event                 probability  95% CI           median month (KM)  meaning');
  for (const [id, event] of Object.entries(summary.events)) {
    const median = event.medianMonth === null ? 'not reached' : `${event.medianMonth} (${summary.months[event.medianMonth]})`;
    lines.push(
      `${id.padEnd(20)}  ${formatNumber(event.probability, 3).padStart(11)}  [${formatNumber(event.ci95[0], 3)}, ${formatNumber(event.ci95[1], 3)}]  ${median.padEnd(17)}  ${event.description}`,
    );
  }
  return lines.join('\n');
}
