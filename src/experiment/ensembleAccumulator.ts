import { addToExactSumInPlace, createExactSum, exactSumValue, mergeExactSumInPlace, type ExactSum } from '../math/exactSum.js';
import { addSquareToExactSumInPlace, exactVarianceFromSums } from '../math/exactVariance.js';
import { quantiles } from '../math/quantile.js';
import { addToSketchInPlace, createQuantileSketch, mergeSketchInPlace, sketchQuantile, type QuantileSketch } from '../analysis/quantileSketch.js';
import { medianSurvivalMonth } from '../analysis/survivalCurve.js';
import { wilsonInterval } from '../analysis/wilsonInterval.js';
import type { RunResult } from './runOnce.js';
import { SUMMARY_QUANTILES, type EventSummary, type SeriesSummary } from './summaryTypes.js';

/** Options of {@link createEnsembleAccumulator}. */
export interface EnsembleAccumulatorOptions {
  readonly observables: readonly string[];
  readonly events: readonly string[];
  readonly months: number;
  /**
   * Quantiles are exact (type 7) while the ensemble has at most this many runs; past it, every
   * series switches to a DDSketch with {@link EnsembleAccumulatorOptions.sketchAccuracy}. Default
   * 20,000 runs (about 86 MB for the baseline's 36 months × 15 observables).
   */
  readonly exactQuantileLimit?: number;
  /** Relative accuracy α of the quantile sketch. Default 0.005 (0.5%). */
  readonly sketchAccuracy?: number;
}

/**
 * What an ensemble has seen so far, in a form that can be merged with another part of the same
 * ensemble: exact sums (so means and variances do not depend on grouping), either every value (exact
 * quantiles) or a mergeable sketch, and per event a histogram of first months. Everything in it
 * is independent of the order in which runs were added, which is what makes results bit-identical
 * for any number of workers, batches or shards.
 */
export interface EnsembleAccumulator {
  readonly observables: readonly string[];
  readonly events: readonly string[];
  readonly months: number;
  readonly exactQuantileLimit: number;
  readonly sketchAccuracy: number;
  count: number;
  /**
   * Per cell (month × observable, row-major as in a run's series): Σx and Σx², both exact (each
   * x² is added with its rounding error, see `addSquareToExactSumInPlace`).
   */
  readonly sums: ExactSum[];
  readonly squares: ExactSum[];
  /** Every run's series, concatenated, while count ≤ exactQuantileLimit; then null. */
  values: Float64Array | null;
  /** One sketch per cell once the exact limit is passed; else null. */
  sketches: QuantileSketch[] | null;
  /** Per event, how many runs first saw it in each month. */
  readonly firstMonthCounts: Int32Array[];
}

/**
 * An empty accumulator for an ensemble of a model with these observables, events and months.
 *
 * @example
 * const acc = createEnsembleAccumulator({ observables: ['attacks'], events: [], months: 2 });
 * addRunInPlace(acc, { run: 0, series: Float64Array.of(3, 5), eventMonths: new Int32Array(0) });
 * addRunInPlace(acc, { run: 1, series: Float64Array.of(5, 7), eventMonths: new Int32Array(0) });
 * summarizeAccumulator(acc).series.attacks.mean; // [4, 6]
 */
export function createEnsembleAccumulator(options: EnsembleAccumulatorOptions): EnsembleAccumulator {
  const cells = options.months * options.observables.length;
  const exactQuantileLimit = options.exactQuantileLimit ?? 20_000;
  if (!Number.isInteger(exactQuantileLimit) || exactQuantileLimit < 0) {
    throw new RangeError(`invalid exactQuantileLimit: ${exactQuantileLimit} (expected an integer ≥ 0)`);
  }
  const accumulator: EnsembleAccumulator = {
    observables: options.observables,
    events: options.events,
    months: options.months,
    exactQuantileLimit,
    sketchAccuracy: options.sketchAccuracy ?? 0.005,
    count: 0,
    sums: Array.from({ length: cells }, createExactSum),
    squares: Array.from({ length: cells }, createExactSum),
    values: new Float64Array(cells * Math.min(64, Math.max(1, exactQuantileLimit))),
    sketches: null,
    firstMonthCounts: options.events.map(() => new Int32Array(options.months)),
  };
  if (exactQuantileLimit === 0) switchToSketches(accumulator);
  return accumulator;
}

function cellCount(accumulator: EnsembleAccumulator): number {
  return accumulator.months * accumulator.observables.length;
}

/** Adds one run's results (mutates `accumulator`). */
export function addRunInPlace(accumulator: EnsembleAccumulator, run: Pick<RunResult, 'series' | 'eventMonths'>): void {
  const cells = cellCount(accumulator);
  if (run.series.length !== cells) throw new RangeError(`invalid run: ${run.series.length} values (expected ${cells})`);
  for (let c = 0; c < cells; c++) {
    const value = run.series[c] as number;
    addToExactSumInPlace(accumulator.sums[c] as ExactSum, value);
    addSquareToExactSumInPlace(accumulator.squares[c] as ExactSum, value);
  }
  accumulator.firstMonthCounts.forEach((counts, e) => {
    const month = run.eventMonths[e] as number;
    if (month >= 0) counts[month] = (counts[month] as number) + 1;
  });
  accumulator.count++;
  if (accumulator.sketches) {
    for (let c = 0; c < cells; c++) addToSketchInPlace(accumulator.sketches[c] as QuantileSketch, run.series[c] as number);
  } else if (accumulator.count > accumulator.exactQuantileLimit) {
    accumulator.count--;
    switchToSketches(accumulator);
    accumulator.count++;
    for (let c = 0; c < cells; c++) addToSketchInPlace(accumulator.sketches![c] as QuantileSketch, run.series[c] as number);
  } else {
    appendValues(accumulator, run.series, accumulator.count - 1);
  }
}

function appendValues(accumulator: EnsembleAccumulator, series: ArrayLike<number>, at: number): void {
  const cells = cellCount(accumulator);
  let values = accumulator.values as Float64Array;
  if ((at + 1) * cells > values.length) {
    const grown = new Float64Array(Math.min(accumulator.exactQuantileLimit, Math.max(at + 1, 2 * (values.length / cells))) * cells);
    grown.set(values);
    accumulator.values = values = grown;
  }
  values.set(series as ArrayLike<number>, at * cells);
}

/** Replaces the exact value store by sketches holding the same values (mutates `accumulator`). */
function switchToSketches(accumulator: EnsembleAccumulator): void {
  const cells = cellCount(accumulator);
  const sketches = Array.from({ length: cells }, () => createQuantileSketch(accumulator.sketchAccuracy));
  const values = accumulator.values;
  if (values) {
    for (let r = 0; r < accumulator.count; r++) {
      for (let c = 0; c < cells; c++) addToSketchInPlace(sketches[c] as QuantileSketch, values[r * cells + c] as number);
    }
  }
  accumulator.values = null;
  accumulator.sketches = sketches;
}

/**
 * Adds everything `other` has seen into `target` (mutates `target`). The result is the same,
 * bit for bit, whatever the split: merging is exact.
 */
export function mergeAccumulatorInPlace(target: EnsembleAccumulator, other: Readonly<EnsembleAccumulator>): void {
  const cells = cellCount(target);
  if (cells !== cellCount(other as EnsembleAccumulator) || target.events.length !== other.events.length) {
    throw new RangeError('cannot merge accumulators of different models or horizons');
  }
  for (let c = 0; c < cells; c++) {
    mergeExactSumInPlace(target.sums[c] as ExactSum, other.sums[c] as ExactSum);
    mergeExactSumInPlace(target.squares[c] as ExactSum, other.squares[c] as ExactSum);
  }
  target.firstMonthCounts.forEach((counts, e) => {
    const more = other.firstMonthCounts[e] as Int32Array;
    for (let m = 0; m < counts.length; m++) counts[m] = (counts[m] as number) + (more[m] as number);
  });
  const total = target.count + other.count;
  if (!target.sketches && !other.sketches && total <= target.exactQuantileLimit) {
    for (let r = 0; r < other.count; r++) {
      appendValues(target, (other.values as Float64Array).subarray(r * cells, (r + 1) * cells), target.count + r);
    }
  } else {
    if (!target.sketches) switchToSketches(target);
    const sketches = target.sketches as QuantileSketch[];
    if (other.sketches) {
      for (let c = 0; c < cells; c++) mergeSketchInPlace(sketches[c] as QuantileSketch, other.sketches[c] as QuantileSketch);
    } else {
      const values = other.values as Float64Array;
      for (let r = 0; r < other.count; r++) {
        for (let c = 0; c < cells; c++) addToSketchInPlace(sketches[c] as QuantileSketch, values[r * cells + c] as number);
      }
    }
  }
  target.count = total;
}

/** Whether the accumulator's quantiles are exact (true) or from the sketch (false). */
export function hasExactQuantiles(accumulator: Readonly<EnsembleAccumulator>): boolean {
  return accumulator.sketches === null;
}

/**
 * Means, standard deviations, quantile bands and event statistics of what was accumulated.
 * Means are the exact sums correctly rounded, divided by the count; standard deviations are the
 * square root of {@link exactVarianceFromSums} (the sum of squared deviations formed exactly,
 * so within a few units in the last place, whatever the mean; 0 for one run). Both depend only
 * on exact sums, so they are bit-identical for any split into merged parts. Quantiles are
 * type 7 when exact; from the sketch (relative error ≤ α) otherwise.
 */
export function summarizeAccumulator(accumulator: Readonly<EnsembleAccumulator>): {
  series: Record<string, SeriesSummary>;
  events: Record<string, EventSummary>;
} {
  const { observables, months, count } = accumulator;
  if (count === 0) throw new RangeError('cannot summarise an empty ensemble');
  const width = observables.length;
  const column = new Float64Array(count);
  const probabilities = Object.values(SUMMARY_QUANTILES);
  const series: Record<string, SeriesSummary> = {};
  observables.forEach((id, k) => {
    const summary = { mean: [] as number[], sd: [] as number[], p05: [] as number[], p25: [] as number[], p50: [] as number[], p75: [] as number[], p95: [] as number[] };
    for (let month = 0; month < months; month++) {
      const c = month * width + k;
      const sum = exactSumValue(accumulator.sums[c] as ExactSum);
      const mean = sum / count;
      summary.mean.push(mean);
      summary.sd.push(Math.sqrt(exactVarianceFromSums(accumulator.sums[c] as ExactSum, accumulator.squares[c] as ExactSum, count)));
      let bands: number[];
      if (accumulator.values) {
        const values = accumulator.values;
        for (let r = 0; r < count; r++) column[r] = values[r * width * months + c] as number;
        bands = quantiles(column, probabilities);
      } else {
        const sketch = (accumulator.sketches as QuantileSketch[])[c] as QuantileSketch;
        bands = probabilities.map((q) => sketchQuantile(sketch, q));
      }
      summary.p05.push(bands[0] as number);
      summary.p25.push(bands[1] as number);
      summary.p50.push(bands[2] as number);
      summary.p75.push(bands[3] as number);
      summary.p95.push(bands[4] as number);
    }
    series[id] = summary;
  });
  const events: Record<string, EventSummary> = {};
  accumulator.events.forEach((id, e) => {
    const counts = accumulator.firstMonthCounts[e] as Int32Array;
    const survival: number[] = [];
    const month: number[] = [];
    let happened = 0;
    for (let m = 0; m < months; m++) {
      happened += counts[m] as number;
      survival.push(1 - happened / count);
      month.push(m);
    }
    events[id] = {
      probability: happened / count,
      ci95: wilsonInterval(happened, count),
      medianMonth: medianSurvivalMonth({ month, survival }),
      medianMonthGivenEvent: happened > 0 ? medianOfHistogram(counts, happened) : null,
      survival,
    };
  });
  return { series, events };
}

/** The type-7 median of the months recorded in a histogram of `total` counts. */
function medianOfHistogram(counts: Int32Array, total: number): number {
  const position = (total - 1) / 2;
  const at = (rank: number) => {
    let seen = 0;
    for (let m = 0; m < counts.length; m++) {
      seen += counts[m] as number;
      if (seen > rank) return m;
    }
    return counts.length - 1;
  };
  const low = at(Math.floor(position));
  const high = at(Math.ceil(position));
  return low + (high - low) * (position - Math.floor(position));
}
