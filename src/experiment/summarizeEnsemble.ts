import { quantiles } from '../analysis/quantile.js';
import { medianSurvivalMonth, survivalCurve } from '../analysis/survivalCurve.js';
import { wilsonInterval } from '../analysis/wilsonInterval.js';
import type { RunResult } from './runOnce.js';

/** The quantiles every series reports. */
export const SUMMARY_QUANTILES = { p05: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 } as const;

/** Mean and quantile bands of one observable, one value per month. */
export interface SeriesSummary {
  readonly mean: number[];
  readonly p05: number[];
  readonly p25: number[];
  readonly p50: number[];
  readonly p75: number[];
  readonly p95: number[];
}

/** Probability and timing of one named event. */
export interface EventSummary {
  /** Share of runs in which the event happened within the horizon. */
  readonly probability: number;
  /** Wilson 95% interval of that probability. */
  readonly ci95: [number, number];
  /** Kaplan–Meier median month of first occurrence (censored at the horizon); null if more than half the runs never see it. */
  readonly medianMonth: number | null;
  /** Median first month among the runs where it happened; null if none. */
  readonly medianMonthGivenEvent: number | null;
  /** P(no event by the end of month m), m = 0 … months − 1. */
  readonly survival: number[];
}

/**
 * Summarises runs: per observable and month the mean and the quantiles p05 … p95 (type 7), and
 * per event its probability with a Wilson interval, median time to event and survival curve.
 * The order of `runs` does not matter (results are sorted by run index first).
 *
 * Cost: O(runs × months × observables × log runs).
 */
export function summarizeEnsemble(
  runs: readonly RunResult[],
  observables: readonly string[],
  events: readonly string[],
  months: number,
): { series: Record<string, SeriesSummary>; events: Record<string, EventSummary> } {
  const ordered = [...runs].sort((a, b) => a.run - b.run);
  const width = observables.length;
  const column = new Float64Array(ordered.length);
  const series: Record<string, SeriesSummary> = {};
  observables.forEach((id, k) => {
    const summary: SeriesSummary = { mean: [], p05: [], p25: [], p50: [], p75: [], p95: [] };
    for (let month = 0; month < months; month++) {
      let total = 0;
      ordered.forEach((run, i) => {
        const value = run.series[month * width + k] as number;
        column[i] = value;
        total += value;
      });
      summary.mean.push(total / ordered.length);
      const [p05, p25, p50, p75, p95] = quantiles(column, Object.values(SUMMARY_QUANTILES));
      summary.p05.push(p05 as number);
      summary.p25.push(p25 as number);
      summary.p50.push(p50 as number);
      summary.p75.push(p75 as number);
      summary.p95.push(p95 as number);
    }
    series[id] = summary;
  });
  const eventSummaries: Record<string, EventSummary> = {};
  events.forEach((id, e) => {
    const first = ordered.map((run) => {
      const month = run.eventMonths[e] as number;
      return month >= 0 ? month : null;
    });
    const happened = first.filter((month): month is number => month !== null);
    const curve = survivalCurve(first, months);
    eventSummaries[id] = {
      probability: happened.length / ordered.length,
      ci95: wilsonInterval(happened.length, ordered.length),
      medianMonth: medianSurvivalMonth(curve),
      medianMonthGivenEvent: happened.length > 0 ? (quantiles(happened, [0.5])[0] as number) : null,
      survival: curve.survival,
    };
  });
  return { series, events: eventSummaries };
}
