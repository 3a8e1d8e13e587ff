import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shapleyFromCoalitionValues, shapleyWithIntervals, studentTQuantile } from '../../../src/analysis/attribution/index.js';
import { normalQuantile } from '../../../src/analysis/index.js';
import { createRunStream } from '../../../src/rng/index.js';
import { gameFromMobius, names } from './helpers.js';

// Standard normal draws by Box–Muller from a seeded stream (test-only).
function normals(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

describe('shapleyWithIntervals', () => {
  it('shapleyWithIntervals: φ of the mean values is the mean of per-run φ, and each run is efficient', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((k) =>
          fc.tuple(
            fc.constant(k),
            fc.array(fc.float64Array({ minLength: 2 ** k, maxLength: 2 ** k, min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 8 }),
          ),
        ),
        ([k, runs]) => {
          const result = shapleyWithIntervals(names(k), runs);
          const mean = Float64Array.from({ length: 2 ** k }, (_, mask) => runs.reduce((s, run) => s + (run[mask] as number), 0) / runs.length);
          const direct = shapleyFromCoalitionValues(names(k), mean).values;
          direct.forEach((x, i) => expect(Math.abs((result.values[i] as number) - x)).toBeLessThanOrEqual(1e-11));
          result.perRun.forEach((phi, r) => {
            const run = runs[r] as Float64Array;
            const total = (run[2 ** k - 1] as number) - (run[0] as number);
            expect(Math.abs(phi.reduce((s, x) => s + x, 0) - total)).toBeLessThanOrEqual(1e-11);
          });
          expect(Math.abs(result.values.reduce((s, x) => s + x, 0) - result.total.value)).toBeLessThanOrEqual(1e-11);
          result.factors.forEach((f) => {
            expect(f.lower).toBeLessThanOrEqual(f.value);
            expect(f.upper).toBeGreaterThanOrEqual(f.value);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('shapleyWithIntervals uses mean ± t(n − 1)·sd/√n, or the normal quantile on request', () => {
    const runs = [Float64Array.of(0, 1, 1, 4), Float64Array.of(0, 3, 1, 4), Float64Array.of(0, 2, 2, 5)];
    // Per-run φ_a: 2, 3, 2.5 → mean 2.5, sd 0.5, se 0.5/√3.
    const se = 0.5 / Math.sqrt(3);
    const t = shapleyWithIntervals(['a', 'b'], runs);
    const a = t.factors[0]!;
    expect(a.value).toBeCloseTo(2.5, 14);
    expect(a.standardError).toBeCloseTo(se, 14);
    expect(a.upper - a.value).toBeCloseTo(4.302652729749464 * se, 12); // t(2 df, 0.975), A&S Table 26.10
    const z = shapleyWithIntervals(['a', 'b'], runs, { method: 'normal', confidence: 0.9 }).factors[0]!;
    expect(z.upper - z.value).toBeCloseTo(normalQuantile(0.95) * se, 12);
    expect(t.total).toEqual({ value: 13 / 3, standardError: t.total.standardError, lower: t.total.lower, upper: t.total.upper });
  });

  it('shapleyWithIntervals covers the true φ at the nominal rate under common random numbers', () => {
    // A 3-player game with known φ (built from dividends), observed with a large noise shared by
    // all coalitions of a run (common random numbers) plus a small independent noise per
    // coalition. 600 replications of a 10-run ensemble: the count of intervals covering φ_0 is
    // Binomial(600, 0.95) if the t interval is exact (it is: the per-run φ are normal here), so it
    // must fall within 0.95·600 ± 4·√(600·0.95·0.05) ≈ 570 ± 21.
    const k = 3;
    const dividends = new Float64Array(8);
    dividends[0b001] = 1;
    dividends[0b010] = 2;
    dividends[0b110] = 1.5;
    const truth = gameFromMobius(dividends, k);
    const phi0 = 1;
    const random = createRunStream(7, 0, 'shapley-coverage');
    const gauss = normals(random);
    const replications = 600;
    let covered = 0;
    let widthSum = 0;
    for (let rep = 0; rep < replications; rep++) {
      const runs = Array.from({ length: 10 }, () => {
        const shared = 5 * gauss();
        return Float64Array.from(truth, (v) => v + shared + 0.3 * gauss());
      });
      const f = shapleyWithIntervals(names(k), runs).factors[0]!;
      if (f.lower <= phi0 && phi0 <= f.upper) covered++;
      widthSum += f.upper - f.lower;
    }
    const expected = 0.95 * replications;
    expect(Math.abs(covered - expected)).toBeLessThanOrEqual(4 * Math.sqrt(replications * 0.95 * 0.05));
    // The shared noise (sd 5) cancels: widths reflect the 0.3 noise, not 5. φ_0 per run has sd
    // 0.3·√(Σ w² over its 4 differences of independent noises) < 0.3·√2, so the width stays
    // below 2·t(9)·0.3·√2/√10 ≈ 0.61 on average, far below the ≈ 7 that shared noise would give.
    expect(widthSum / replications).toBeLessThan(2 * studentTQuantile(0.975, 9) * 0.3 * Math.SQRT2 / Math.sqrt(10));
  });

  it('shapleyWithIntervals gives point intervals when every run agrees', () => {
    const run = Float64Array.of(0, 1, 2, 3);
    const result = shapleyWithIntervals(['a', 'b'], [run, run, run]);
    expect(result.factors.map((f) => [f.lower, f.value, f.upper])).toEqual([[1, 1, 1], [2, 2, 2]]);
  });

  it('shapleyWithIntervals rejects bad input with clear errors', () => {
    expect(() => shapleyWithIntervals(['a'], [Float64Array.of(0, 1)])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid valuesPerRun: array of length 1 (expected at least 2 runs (one array of 2^k coalition values per run))]`,
    );
    expect(() => shapleyWithIntervals(['a'], [Float64Array.of(0, 1), Float64Array.of(0, Infinity)])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid valuesPerRun[1][1]: Infinity (expected a finite number)]`,
    );
    expect(() => shapleyWithIntervals(['a'], [Float64Array.of(0, 1), Float64Array.of(0, 1)], { confidence: 1 })).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid confidence: 1 (expected 0 < confidence < 1)]`,
    );
    expect(() => shapleyWithIntervals(names(11), [])).toThrow(/use sampledPermutations/);
  });
});
