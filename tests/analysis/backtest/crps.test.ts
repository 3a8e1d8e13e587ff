// The ensemble CRPS against its O(n²) definition, against the closed form for a normal
// forecast (Gneiting & Raftery 2007, eq. 21 for the normal CRPS), and its invariances.
import { describe, expect, it } from 'vitest';
import { crps } from '../../../src/analysis/backtest/crps.js';
import { normalQuantile } from '../../../src/math/normalQuantile.js';
import { standardNormalCdf } from '../../../src/math/standardNormalCdf.js';
import { createRunStream } from '../../../src/rng/createRunStream.js';

/** E|X − y| − ½E|X − X′| by the double sum (O(n²)); `pairs` = n² or n(n − 1). */
function bruteForce(xs: readonly number[], y: number, fair = false): number {
  const n = xs.length;
  let absolute = 0;
  let pairSum = 0;
  for (const x of xs) {
    absolute += Math.abs(x - y);
    for (const z of xs) pairSum += Math.abs(x - z);
  }
  return absolute / n - pairSum / (2 * (fair ? n * (n - 1) : n * n));
}

/** CRPS of N(μ, σ²) at y: σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π], z = (y − μ)/σ (Gneiting & Raftery 2007, eq. 21). */
function normalCrps(mean: number, sd: number, y: number): number {
  const z = (y - mean) / sd;
  const density = Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  return sd * (z * (2 * standardNormalCdf(z) - 1) + 2 * density - 1 / Math.sqrt(Math.PI));
}

describe('crps', () => {
  it('crps equals the O(n²) definition on random ensembles (empirical and fair)', () => {
    const random = createRunStream(1, 0, 'crps');
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(random() * 40);
      const xs = Array.from({ length: n }, () => Math.round((random() * 200 - 50) * 4) / 4); // with ties
      const y = random() * 200 - 50;
      expect(crps(xs, y)).toBeCloseTo(bruteForce(xs, y), 9);
      if (n > 1) expect(crps(xs, y, { fair: true })).toBeCloseTo(bruteForce(xs, y, true), 9);
    }
  });

  it('crps of one member is the absolute error, and NaN for empty or NaN input', () => {
    expect(crps([7], 3)).toBe(4);
    expect(crps([], 3)).toBeNaN();
    expect(crps([1, NaN], 3)).toBeNaN();
    expect(crps([1, 2], NaN)).toBeNaN();
  });

  it('crps is shift-invariant and scales with the data', () => {
    const xs = [3, 9, 1, 4, 4, 12];
    expect(crps(xs.map((x) => 2.5 * x + 10), 2.5 * 5 + 10)).toBeCloseTo(2.5 * crps(xs, 5), 12);
  });

  it('crps of a large normal sample matches the closed-form normal CRPS', () => {
    // n = 20,000 draws of N(10, 3²) by inversion. The fair score is unbiased; its standard error is
    // below (sd|X − y| + sd|X − X′|)/√n, both sds estimated from the sample; allow 5 of them.
    const n = 20000;
    const random = createRunStream(2, 0, 'crps-normal');
    const xs = Array.from({ length: n }, () => 10 + 3 * normalQuantile(random() || Number.MIN_VALUE));
    for (const y of [10, 12.5, 4, 25]) {
      const estimate = crps(xs, y, { fair: true });
      const sd = (values: number[]) => {
        const m = values.reduce((s, v) => s + v, 0) / values.length;
        return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
      };
      const half = n / 2;
      const tolerance = (5 * (sd(xs.map((x) => Math.abs(x - y))) + sd(xs.slice(0, half).map((x, i) => Math.abs(x - (xs[half + i] as number)))))) / Math.sqrt(n);
      expect(Math.abs(estimate - normalCrps(10, 3, y)), `y = ${y}`).toBeLessThan(tolerance);
      // The empirical (non-fair) score is biased by ½E|X − X′|/n = σ/(√π n) only.
      expect(crps(xs, y) - estimate).toBeCloseTo(3 / Math.sqrt(Math.PI) / n, 4);
    }
  });

  it('crps runs in O(n log n): 10^6 members in well under a second', () => {
    const random = createRunStream(3, 0, 'crps-big');
    const xs = Float64Array.from({ length: 1_000_000 }, () => random());
    const start = performance.now();
    const value = crps(xs, 0.5);
    expect(performance.now() - start).toBeLessThan(2000);
    // Closed form for U(0, 1) at y = 1/2: E|X − y| = 1/4, ½E|X − X′| = 1/6, so CRPS = 1/12.
    expect(value).toBeCloseTo(1 / 12, 3);
  });
});
