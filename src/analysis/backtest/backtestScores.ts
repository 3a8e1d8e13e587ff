import { crpsSkill, type CrpsSkill } from './crpsSkill.js';
import { OBSERVABLE_IDS } from '../../model/observables.js';
import { quantiles } from '../../math/quantile.js';
import { coverage, periodTotals, type BacktestPoint, type CoverageResult } from './coverage.js';
import { crps } from './crps.js';
import { intervalScore } from './intervalScore.js';
import { probabilityIntegralTransform } from './pit.js';
import { observeRunTotals, type BacktestObservationModel } from './observationModel.js';

/** An observed series to score (e.g. a validated scenario's `observed` entry). */
export interface BacktestSeries {
  /** The observable's id, e.g. "attacksIraq". */
  readonly series: string;
  readonly kind?: string;
  readonly source?: string;
  /** How the source counts relative to the model (see `observeRunTotals`); absent: as the model. */
  readonly observation?: BacktestObservationModel;
  readonly points: readonly BacktestPoint[];
}

/** One point's scores. */
export interface PointScores {
  readonly label: string;
  readonly observed: number;
  /** Median of the runs' totals over the point's months. */
  readonly median: number;
  /** CRPS of the runs' totals (Gneiting & Raftery 2007, eq. 20). */
  readonly crps: number;
  /** Interval score of the central 50% interval (α = 0.5). */
  readonly intervalScore50: number;
  /** Interval score of the central 90% interval (α = 0.1). */
  readonly intervalScore90: number;
  /**
   * Probability integral transform: the share of the runs' totals below the observation, ties
   * counted half (Gneiting, Balabdaoui & Raftery 2007). About uniform on 0–1 over the points of a
   * calibrated forecast; near 1 when the forecast is too low, near 0 when it is too high.
   */
  readonly pit: number;
  /** True for a point that does not start after the forecast origin: shown, not scored. */
  readonly inSample?: boolean;
}

/** One series' scores: coverage, and per-point and mean CRPS and interval scores. */
export interface SeriesScores {
  readonly series: string;
  readonly kind?: string;
  readonly source?: string;
  /** The observation model the forecast went through, if any. */
  readonly observation?: BacktestObservationModel;
  readonly coverage: CoverageResult;
  readonly points: readonly PointScores[];
  readonly meanCrps: number;
  readonly meanIntervalScore50: number;
  readonly meanIntervalScore90: number;
  /** CRPS skill against persistence and last-year trend forecasts (see `crpsSkill`). */
  readonly skill: CrpsSkill;
}

/** Options of {@link backtestScores}. */
export interface BacktestOptions {
  /** The observables of each run's row, in order. Default: the resurgence model's `OBSERVABLE_IDS`. */
  readonly observables?: readonly string[];
  /** Seed of the observation models' draws (the scenario's seed). Default 0. */
  readonly seed?: number | string;
  /**
   * Month index of the forecast origin, the last month of the data the parameters were fitted
   * on: points starting at or before it are in-sample (kept, marked `inSample`, used by the naive
   * forecasts) and left out of coverage, means and skill. Default: every point is scored.
   */
  readonly origin?: number;
}

/**
 * Scores an ensemble against observed series: for each series, the runs' totals over each
 * point's months give its coverage by the central 50% and 90% intervals, its CRPS, and the
 * interval scores of those two intervals; means over the points summarise the series. A series
 * with an `observation` model is scored against what its source would report: each run's totals
 * pass through `observeRunTotals` (seeded by `options.seed`, the run's index and the series'
 * position), so its bands include the reporting uncertainty. With a forecast `origin`, only the
 * points that start after it are scored (a rolling-origin back-test). `runs`
 * are run results as `simulate(…, { perRun: true })` keeps them: a row-major month × observable
 * `series` per run. Throws a RangeError for an observable the runs do not record.
 *
 * Cost: O(series × points × runs × (months per point + log runs)).
 *
 * @example
 * const { runs } = simulate(SHIPPED_SCENARIOS['backtest-2018-2019'], { runs: 200, perRun: true });
 * backtestScores(valid.observed, runs)[0].coverage.share90; // share of the observed totals inside the 90% band
 */
export function backtestScores(
  observed: readonly BacktestSeries[],
  runs: readonly { readonly series: Float64Array; readonly run?: number }[],
  options: BacktestOptions = {},
): SeriesScores[] {
  const observables = options.observables ?? OBSERVABLE_IDS;
  const width = observables.length;
  const inSample = (point: BacktestPoint) => options.origin !== undefined && point.fromMonth <= options.origin;
  return observed.map((entry, seriesIndex) => {
    const column = observables.indexOf(entry.series);
    if (column < 0) throw new RangeError(`invalid series: ${JSON.stringify(entry.series)} (not an observable of the runs: ${observables.join(', ')})`);
    const monthly = runs.map((run) => {
      const months = run.series.length / width;
      return Float64Array.from({ length: months }, (_, m) => run.series[m * width + column] as number);
    });
    // totals[p][r]: run r's value of point p, as the source would report it.
    const totals = entry.points.map((point) => periodTotals(monthly, point));
    if (entry.observation) {
      const model = entry.observation;
      const key = `${entry.series}#${seriesIndex}`;
      runs.forEach((run, r) => {
        const reported = observeRunTotals(Float64Array.from(totals, (pointTotals) => pointTotals[r] as number), model, { seed: options.seed ?? 0, runIndex: run.run ?? r, key });
        reported.forEach((value, p) => void ((totals[p] as Float64Array)[r] = value));
      });
    }
    const points = entry.points.map((point, p): PointScores => {
      const pointTotals = totals[p] as Float64Array;
      const [q05, q25, q50, q75, q95] = quantiles(pointTotals, [0.05, 0.25, 0.5, 0.75, 0.95]) as [number, number, number, number, number];
      return {
        label: point.label ?? `months ${point.fromMonth}–${point.toMonth}`,
        observed: point.value,
        median: q50,
        crps: crps(pointTotals, point.value),
        intervalScore50: intervalScore(q25, q75, point.value, 0.5),
        intervalScore90: intervalScore(q05, q95, point.value, 0.1),
        pit: probabilityIntegralTransform(pointTotals, point.value),
        ...(inSample(point) ? { inSample: true } : {}),
      };
    });
    const scored = points.filter((point) => !point.inSample);
    const mean = (pick: (point: PointScores) => number) => (scored.length > 0 ? scored.reduce((sum, point) => sum + pick(point), 0) / scored.length : NaN);
    return {
      series: entry.series,
      ...(entry.kind === undefined ? {} : { kind: entry.kind }),
      ...(entry.source === undefined ? {} : { source: entry.source }),
      ...(entry.observation === undefined ? {} : { observation: { scale: entry.observation.scale, noiseCv: entry.observation.noiseCv } }),
      coverage: coverage(
        entry.points.filter((point) => !inSample(point)),
        { totals: totals.filter((_, p) => !inSample(entry.points[p] as BacktestPoint)) },
      ),
      points,
      meanCrps: mean((point) => point.crps),
      meanIntervalScore50: mean((point) => point.intervalScore50),
      meanIntervalScore90: mean((point) => point.intervalScore90),
      skill: crpsSkill(entry.points, points.map((point) => point.crps), options.origin === undefined ? {} : { scoreAfter: options.origin }),
    };
  });
}

