import { describe, expect, it } from 'vitest';
import { createRunStream } from '../../src/rng/createRunStream.js';
import {
  addRunInPlace,
  createEnsembleAccumulator,
  hasExactQuantiles,
  mergeAccumulatorInPlace,
  summarizeAccumulator,
  type EnsembleAccumulator,
} from '../../src/experiment/ensembleAccumulator.js';
import { rationalVariance } from '../helpers/rationalVariance.js';

const observables = ['attacks', 'money'];
const months = 4;

/** Synthetic runs: counts and money with fractional parts, and one event at a random month. */
function syntheticRuns(count: number) {
  const random = createRunStream(3, 0, 'acc');
  return Array.from({ length: count }, (_, run) => {
    const series = new Float64Array(months * observables.length);
    for (let c = 0; c < series.length; c++) series[c] = c % 2 === 0 ? Math.floor(200 * random()) : 1e6 * random() + 0.1;
    const first = random() < 0.4 ? Math.floor(months * random()) : -1;
    return { run, series, eventMonths: Int32Array.of(first) };
  });
}

function accumulate(runs: ReturnType<typeof syntheticRuns>, exactQuantileLimit: number): EnsembleAccumulator {
  const accumulator = createEnsembleAccumulator({ observables, events: ['comeback'], months, exactQuantileLimit });
  runs.forEach((run) => addRunInPlace(accumulator, run));
  return accumulator;
}

describe('ensembleAccumulator', () => {
  it('summarizeAccumulator gives means and sds equal to a two-pass computation, and event counts', () => {
    const runs = syntheticRuns(500);
    const summary = summarizeAccumulator(accumulate(runs, 1000));
    const values = runs.map((r) => r.series[1 * 2 + 1]!);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
    expect(summary.series.money!.mean[1]).toBeCloseTo(mean, 6);
    expect(summary.series.money!.sd[1]! / sd).toBeCloseTo(1, 10);
    const happened = runs.filter((r) => r.eventMonths[0]! >= 0).length;
    expect(summary.events.comeback!.probability).toBe(happened / runs.length);
    expect(summary.events.comeback!.survival.at(-1)).toBeCloseTo(1 - happened / runs.length, 12);
  });

  it('summarizeAccumulator sds equal the rational-arithmetic sd to 2 ulp on large values with a small spread', () => {
    // Reserves-like money (≈ 2.5e8 with a spread of a few units): the textbook Σx² − (Σx)²/n,
    // used before, was off by ~1e-7 relative here; the exact sum of squared deviations is not.
    const random = createRunStream(4, 0, 'acc-sd');
    const runs = Array.from({ length: 400 }, (_, run) => ({
      run,
      series: Float64Array.from({ length: months * observables.length }, () => 2.5e8 + 3 * random()),
      eventMonths: Int32Array.of(-1),
    }));
    const summary = summarizeAccumulator(accumulate(runs, 1000));
    for (let month = 0; month < months; month++) {
      const reference = Math.sqrt(rationalVariance(runs.map((r) => r.series[month * 2 + 1]!)));
      const sd = summary.series.money!.sd[month]!;
      expect(Math.abs(sd - reference)).toBeLessThanOrEqual(2 * 2 ** (Math.floor(Math.log2(reference)) - 52));
    }
  });

  it('mergeAccumulatorInPlace gives bit-identical summaries for any split, exact and sketched', () => {
    const runs = syntheticRuns(300);
    for (const limit of [1000, 200, 0]) {
      const whole = summarizeAccumulator(accumulate(runs, limit));
      for (const cuts of [[1], [150], [7, 100, 299], [299]]) {
        const bounds = [0, ...cuts, runs.length];
        const parts = bounds.slice(1).map((end, i) => accumulate(runs.slice(bounds[i], end), limit));
        const merged = parts.pop()!; // merge in reverse order on purpose
        for (const part of parts.reverse()) mergeAccumulatorInPlace(merged, part);
        expect(JSON.stringify(summarizeAccumulator(merged))).toBe(JSON.stringify(whole));
        expect(hasExactQuantiles(merged)).toBe(limit >= runs.length);
      }
    }
  });

  it('createEnsembleAccumulator switches to sketches past the exact limit, with quantiles within the sketch accuracy', () => {
    const runs = syntheticRuns(400);
    const exact = summarizeAccumulator(accumulate(runs, 400));
    const sketched = accumulate(runs, 100);
    expect(hasExactQuantiles(sketched)).toBe(false);
    const approximate = summarizeAccumulator(sketched);
    // Type-7 interpolation vs the sketch's lower quantile: they differ by at most one order
    // statistic's gap plus α; compare the medians of the money series relative to their size.
    for (let m = 0; m < months; m++) {
      expect(Math.abs(approximate.series.money!.p50[m]! / exact.series.money!.p50[m]! - 1)).toBeLessThan(0.02);
    }
    expect(approximate.series.money!.mean).toEqual(exact.series.money!.mean);
  });

  it('addRunInPlace rejects a run of the wrong shape and summarizeAccumulator an empty ensemble', () => {
    const accumulator = createEnsembleAccumulator({ observables, events: [], months });
    expect(() => addRunInPlace(accumulator, { series: new Float64Array(3), eventMonths: new Int32Array(0) })).toThrow(/expected 8/);
    expect(() => summarizeAccumulator(accumulator)).toThrow(/empty/);
  });
});
