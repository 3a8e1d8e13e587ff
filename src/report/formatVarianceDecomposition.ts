import type { VarianceDecomposition } from '../experiment/varianceDecomposition.js';

/** Options of {@link formatVarianceDecomposition}. */
export interface VarianceTableOptions {
  /** Month indices to show. Default: 0, 5, 11, 23 and the last (those within the horizon). */
  readonly months?: readonly number[];
  /** Observables to show. Default: every one. */
  readonly observables?: readonly string[];
}

const percent = (part: number, total: number) => (total > 0 ? `${Math.round((100 * part) / total)}%` : '–');

/**
 * A plain-text table of where each observable's variance comes from at chosen months: the
 * shares of parameters, inputs, their interaction and the model's own randomness (rounded
 * percentages of the estimated total), and the total standard deviation, under a heading that
 * states the design and what the scenario draws.
 *
 * Cost: O(observables × months shown).
 *
 * @example
 * console.log(formatVarianceDecomposition(decomposeVariance(SHIPPED_SCENARIOS['baseline-2020'])));
 * // observable  month    sd     parameters  inputs  interaction  noise
 * // fighters    2022-05  5,800  55%         30%     14%          1%
 */
export function formatVarianceDecomposition(decomposition: VarianceDecomposition, options: VarianceTableOptions = {}): string {
  const total = decomposition.months.length;
  const months = options.months ?? [...new Set([0, 5, 11, 23, total - 1].filter((m) => m < total))];
  const observables = options.observables ?? Object.keys(decomposition.components);
  const { parameterDraws, inputDraws, replicates, runs } = decomposition.design;
  const rows: string[][] = [['observable', 'month', 'sd', 'parameters', 'inputs', 'interaction', 'noise']];
  for (const id of observables) {
    const series = decomposition.components[id];
    if (!series) throw new RangeError(`invalid observable: ${id}`);
    for (const m of months) {
      const c = series[m];
      if (!c) continue;
      rows.push([
        id,
        decomposition.months[m] ?? String(m),
        Math.sqrt(c.total).toLocaleString('en-US', { maximumFractionDigits: Math.sqrt(c.total) < 10 ? 2 : 0 }),
        percent(c.parameters, c.total),
        percent(c.inputs, c.total),
        percent(c.interaction, c.total),
        percent(c.noise, c.total),
      ]);
    }
  }
  const widths = (rows[0] as string[]).map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  const lines = rows.map((row) => row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column] as number) : cell.padStart(widths[column] as number))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  return [
    `Where the variance comes from: ${decomposition.scenario}, ${parameterDraws} parameter draws × ${inputDraws} input draws × ${replicates} replicates = ${runs} runs (seed ${JSON.stringify(decomposition.seed)}).`,
    `Drawn: ${decomposition.uncertainty.label}. Shares of the total variance by the law of total variance (two-way random-effects ANOVA); each share has a relative error of about ${Math.round(100 * Math.sqrt(2 / (Math.min(parameterDraws, inputDraws) - 1)))}%, so read it to one figure.`,
    '',
    ...lines,
  ].join('\n');
}
