import type { RunResult } from './runOnce.js';
import { addRunInPlace, createEnsembleAccumulator, summarizeAccumulator } from './ensembleAccumulator.js';
import type { EventSummary, SeriesSummary } from './summaryTypes.js';

export { SUMMARY_QUANTILES } from './summaryTypes.js';
export type { EventSummary, SeriesSummary } from './summaryTypes.js';

/**
 * Summarises runs held in memory: per observable and month the mean, standard deviation and the
 * quantiles p05 … p95 (type 7), and per event its probability with a Wilson interval, median
 * time to event and survival curve. The order of `runs` does not matter: the sums are exact and
 * the quantiles sort. For ensembles too large to hold, use an {@link EnsembleAccumulator}.
 *
 * Cost: O(runs × months × observables × log runs).
 */
export function summarizeEnsemble(
  runs: readonly RunResult[],
  observables: readonly string[],
  events: readonly string[],
  months: number,
): { series: Record<string, SeriesSummary>; events: Record<string, EventSummary> } {
  const accumulator = createEnsembleAccumulator({ observables, events, months, exactQuantileLimit: Math.max(1, runs.length) });
  for (const run of runs) addRunInPlace(accumulator, run);
  return summarizeAccumulator(accumulator);
}
