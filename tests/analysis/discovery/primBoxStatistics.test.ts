import { describe, expect, it } from 'vitest';
import { binomialUpperTail, preparePrimData, primBoxStatistics, rowsInBox, type BoxLimits } from '../../../src/analysis/discovery/index.js';
import { logFactorial } from '../../../src/rng/index.js';
import { NAMES, syntheticBox } from './syntheticBox.js';

// Independent path: the binomial upper tail by summing the pmf in log space.
function tailBySum(k: number, n: number, p: number): number {
  let sum = 0;
  for (let j = k; j <= n; j++) sum += Math.exp(logFactorial(n) - logFactorial(j) - logFactorial(n - j) + j * Math.log(p) + (n - j) * Math.log1p(-p));
  return sum;
}

describe('binomialUpperTail', () => {
  it('binomialUpperTail is P(X ≥ k) for X ~ Binomial(n, p)', () => {
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 15);
    for (const [k, n, p] of [[3, 20, 0.1], [50, 120, 0.3], [190, 200, 0.9], [1, 5, 0.01]] as const) {
      expect(Math.abs(binomialUpperTail(k, n, p) - tailBySum(k, n, p))).toBeLessThanOrEqual(1e-12 * Math.max(1e-3, tailBySum(k, n, p)));
    }
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(1, 10, 0)).toBe(0);
    expect(binomialUpperTail(1.5, 10, 0.3)).toBeNaN();
  });
});

describe('primBoxStatistics', () => {
  const { x, y } = syntheticBox(3000, 0.05, 21);
  const data = preparePrimData({ names: NAMES, x, y });
  // The true box plus an irrelevant restriction x3 ≤ 0.8.
  const limits: BoxLimits = data.initialBox.map((limit, d) =>
    d === 0 ? { kind: 'interval', lower: 0.2, upper: 0.6 } : d === 1 ? { kind: 'interval', lower: 0.5, upper: 0.9 } : d === 2 ? { kind: 'interval', lower: limit.kind === 'interval' ? limit.lower : 0, upper: 0.8 } : limit,
  );

  it('primBoxStatistics reports coverage, density and mass from counts', () => {
    const stats = primBoxStatistics(data, limits);
    const rows = rowsInBox(data, limits);
    const positives = Array.from(rows).reduce((s, r) => s + y[r]!, 0);
    expect(stats.count).toBe(rows.length);
    expect(stats.positives).toBe(positives);
    expect(stats.coverage).toBe(positives / data.positives);
    expect(stats.density).toBe(positives / rows.length);
    expect(stats.mass).toBe(rows.length / 3000);
  });

  it('primBoxStatistics computes each quasi-p-value as the one-sided binomial test of EMA', () => {
    const stats = primBoxStatistics(data, limits);
    expect(stats.restricted.map((r) => r.name)).toEqual(['x1', 'x2', 'x3']);
    // Recompute qp for x3's upper side by hand: drop it, count, sum the binomial tail.
    const widened = limits.map((limit, d) => (d === 2 ? data.initialBox[2]! : limit));
    const wideRows = rowsInBox(data, widened);
    const p = Array.from(wideRows).reduce((s, r) => s + y[r]!, 0) / wideRows.length;
    const x3 = stats.restricted[2]!;
    expect(x3.qpLower).toBeNull();
    expect(Math.abs(x3.qpUpper! - tailBySum(stats.positives, stats.count, p))).toBeLessThanOrEqual(1e-10);
    expect(x3.qp).toBe(x3.qpUpper);
    // The relevant limits are overwhelmingly significant; the irrelevant one is not (under the
    // null the quasi-p-value is roughly uniform; this fixed seed gives a value far above 0.01,
    // while each relevant side is below 1e-10).
    for (const r of stats.restricted.slice(0, 2)) {
      expect(r.qpLower!).toBeLessThan(1e-10);
      expect(r.qpUpper!).toBeLessThan(1e-10);
    }
    expect(x3.qp).toBeGreaterThan(0.01);
  });

  it('primBoxStatistics gives one quasi-p-value for a categorical restriction', () => {
    const xs = Array.from({ length: 300 }, (_, r) => [r % 3, ((r * 37) % 300) / 300]);
    const ys = xs.map(([c, u]) => c === 2 || u! < 0.1);
    const prepared = preparePrimData({ names: ['c', 'u'], kinds: ['categorical', 'continuous'], x: xs, y: ys });
    const stats = primBoxStatistics(prepared, [{ kind: 'categories', values: [2] }, prepared.initialBox[1]!]);
    expect(stats.restricted).toHaveLength(1);
    expect(stats.restricted[0]).toMatchObject({ name: 'c', qpLower: null, qpUpper: null });
    expect(stats.restricted[0]!.qp).toBeLessThan(1e-10);
  });
});
