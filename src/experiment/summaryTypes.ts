/** The quantiles every series reports. */
export const SUMMARY_QUANTILES = { p05: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95 } as const;

/** Mean, standard deviation and quantile bands of one observable, one value per month. */
export interface SeriesSummary {
  readonly mean: number[];
  /** Standard deviation across runs (n − 1 denominator). */
  readonly sd: number[];
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
