import { quantiles } from '../../math/quantile.js';

/** An observed number to score: the total of months `fromMonth … toMonth` (inclusive). */
export interface BacktestPoint {
  readonly fromMonth: number;
  readonly toMonth: number;
  readonly value: number;
  /** A label for reports, e.g. "2018-03" or "2018-01..2018-12". Default: the month range. */
  readonly label?: string;
}

/**
 * What an ensemble forecast of one observable is given as: every run's monthly series
 * (`runs[r][month]`), every run's value of each point (`totals[p][r]`, one array per point in
 * the points' order: e.g. totals passed through an observation model), or the ensemble's
 * monthly quantile bands (as in an `EnsembleSummary` series). Bands only score single-month
 * points: quantiles of monthly values do not add up to quantiles of a period's total.
 */
export type EnsembleForecast =
  | { readonly runs: readonly ArrayLike<number>[] }
  | { readonly totals: readonly ArrayLike<number>[] }
  | {
      readonly bands: {
        readonly p05: readonly number[];
        readonly p25: readonly number[];
        readonly p75: readonly number[];
        readonly p95: readonly number[];
      };
    };

/** One observed point against the ensemble's central 50% and 90% intervals. */
export interface CoveredPoint {
  readonly label: string;
  readonly observed: number;
  readonly band50: readonly [number, number];
  readonly band90: readonly [number, number];
  readonly inside50: boolean;
  readonly inside90: boolean;
}

/** The result of {@link coverage}. */
export interface CoverageResult {
  /** Points scored (the others are in `skipped`). */
  readonly evaluated: number;
  readonly inside50: number;
  readonly inside90: number;
  /** Share of scored points inside the central 50% interval (NaN when none was scored). */
  readonly share50: number;
  /** Share of scored points inside the central 90% interval (NaN when none was scored). */
  readonly share90: number;
  readonly points: readonly CoveredPoint[];
  readonly skipped: readonly { readonly label: string; readonly reason: string }[];
}

/**
 * Empirical coverage of observed points by an ensemble's central prediction intervals: the
 * share inside the 50% interval [q25, q75] and inside the 90% interval [q05, q95] (closed
 * intervals, type-7 quantiles of the runs' totals over each point's months, or the given
 * bands). A calibrated forecast covers about 50% and 90% of points in the long run (Gneiting,
 * Balabdaoui & Raftery 2007, "Probabilistic forecasts, calibration and sharpness", JRSS B
 * 69(2):243–268, §3); with few points the shares are coarse (one point of 2 moves them by 50%).
 *
 * Cost: O(points × runs × (months per point + log runs)).
 *
 * @example
 * coverage([{ fromMonth: 0, toMonth: 0, value: 5 }], { runs: [[1], [4], [6], [9]] });
 * // { evaluated: 1, inside50: 1, inside90: 1, share50: 1, share90: 1, points: [{ label: 'month 0', observed: 5,
 * //   band50: [3.25, 6.75], band90: [1.45…, 8.54…], inside50: true, inside90: true }], skipped: [] }
 */
export function coverage(points: readonly BacktestPoint[], forecast: EnsembleForecast): CoverageResult {
  const covered: CoveredPoint[] = [];
  const skipped: { label: string; reason: string }[] = [];
  if ('totals' in forecast && forecast.totals.length !== points.length) {
    throw new RangeError(`invalid totals: ${forecast.totals.length} arrays (expected one per point, ${points.length})`);
  }
  for (const [index, point] of points.entries()) {
    const label = point.label ?? (point.fromMonth === point.toMonth ? `month ${point.fromMonth}` : `months ${point.fromMonth}–${point.toMonth}`);
    const q = forecastQuantiles(point, forecast, index);
    if (typeof q === 'string') {
      skipped.push({ label, reason: q });
      continue;
    }
    const [q05, q25, q75, q95] = q;
    const y = point.value;
    covered.push({ label, observed: y, band50: [q25, q75], band90: [q05, q95], inside50: y >= q25 && y <= q75, inside90: y >= q05 && y <= q95 });
  }
  const inside50 = covered.filter((point) => point.inside50).length;
  const inside90 = covered.filter((point) => point.inside90).length;
  const evaluated = covered.length;
  return {
    evaluated,
    inside50,
    inside90,
    share50: evaluated > 0 ? inside50 / evaluated : NaN,
    share90: evaluated > 0 ? inside90 / evaluated : NaN,
    points: covered,
    skipped,
  };
}

/**
 * Every run's total over a point's months (`runs[r][fromMonth] + … + runs[r][toMonth]`).
 *
 * @example
 * periodTotals([[1, 2, 3], [4, 5, 6]], { fromMonth: 1, toMonth: 2, value: 0 }); // Float64Array [5, 11]
 */
export function periodTotals(runs: readonly ArrayLike<number>[], point: BacktestPoint): Float64Array {
  return Float64Array.from(runs, (series) => {
    let total = 0;
    for (let m = point.fromMonth; m <= point.toMonth; m++) total += series[m] as number;
    return total;
  });
}

/** [q05, q25, q75, q95] of a point's forecast, or why it cannot be scored. */
function forecastQuantiles(point: BacktestPoint, forecast: EnsembleForecast, index: number): [number, number, number, number] | string {
  if ('totals' in forecast) {
    const totals = forecast.totals[index] as ArrayLike<number>;
    if (totals.length === 0) return 'no runs';
    return quantiles(Float64Array.from(totals), [0.05, 0.25, 0.75, 0.95]) as [number, number, number, number];
  }
  if ('runs' in forecast) {
    if (forecast.runs.length === 0) return 'no runs';
    const months = forecast.runs[0]?.length ?? 0;
    if (point.fromMonth < 0 || point.toMonth >= months) return `outside the forecast's ${months} months`;
    return quantiles(periodTotals(forecast.runs, point), [0.05, 0.25, 0.75, 0.95]) as [number, number, number, number];
  }
  const { p05, p25, p75, p95 } = forecast.bands;
  if (point.fromMonth !== point.toMonth) return "a period's total needs per-run series (quantiles of monthly values do not add up)";
  const m = point.fromMonth;
  if (m < 0 || m >= p05.length) return `outside the forecast's ${p05.length} months`;
  return [p05[m] as number, p25[m] as number, p75[m] as number, p95[m] as number];
}
