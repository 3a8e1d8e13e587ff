import type { EnsembleSummary } from '../experiment/simulate.js';
import type { RunResult } from '../experiment/runOnce.js';

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The summary as a tidy CSV: one row per observable, month and statistic
 * (`observable,month,date,statistic,value`), ready for R, pandas or a spreadsheet.
 *
 * @example
 * seriesToCsv(simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 200, seed: 7 }).summary).split('\n')[1];
 * // 'attacksIraq,0,2020-05,mean,190.735'
 */
export function seriesToCsv(summary: EnsembleSummary): string {
  const rows = ['observable,month,date,statistic,value'];
  for (const [id, series] of Object.entries(summary.series)) {
    for (const [statistic, values] of Object.entries(series)) {
      values.forEach((value: number, month: number) => {
        rows.push([id, month, summary.months[month] ?? '', statistic, value].map(csvCell).join(','));
      });
    }
  }
  return `${rows.join('\n')}\n`;
}

/** The header of {@link runsToCsvRows}'s rows. */
export function runsCsvHeader(observables: readonly string[]): string {
  return ['run', 'month', ...observables].join(',');
}

/**
 * One CSV row per run and month (`run,month,<observables…>`), for runs given in any order;
 * rows come out sorted by run then month, so equal runs give equal bytes.
 */
export function runsToCsvRows(runs: readonly RunResult[], observables: readonly string[]): string[] {
  const width = observables.length;
  const rows: string[] = [];
  for (const run of [...runs].sort((a, b) => a.run - b.run)) {
    const months = run.series.length / width;
    for (let month = 0; month < months; month++) {
      rows.push([run.run, month, ...run.series.subarray(month * width, (month + 1) * width)].join(','));
    }
  }
  return rows;
}
