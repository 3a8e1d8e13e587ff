import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exactShapley, shapleyFromCoalitionValues } from '../../../src/analysis/attribution/index.js';
import { gameFromMobius, mobius, names, shapleyByAllPermutations, shapleyFromMobius } from './helpers.js';

// A random game on k players: 2^k values in [-1000, 1000], v(∅) arbitrary too.
const game = (minK: number, maxK: number) =>
  fc.integer({ min: minK, max: maxK }).chain((k) =>
    fc.tuple(fc.constant(k), fc.float64Array({ minLength: 2 ** k, maxLength: 2 ** k, min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true })),
  );

// Rounding: each φ_i is a sum of 2^(k−1) weighted differences of values ≤ max|v| in size, with
// weights summing to 1, so its error is a few ulps of max|v| (compensated summation); 1e-12·max|v|
// leaves a wide margin and still catches any wrong weight (which errs by ≥ 1e-3 relative).
const tolerance = (values: ArrayLike<number>) => 1e-12 * Math.max(1, ...Array.from(values, Math.abs));

describe('shapleyFromCoalitionValues', () => {
  it('shapleyFromCoalitionValues is efficient: Σφ = v(N) − v(∅) to floating-point precision', () => {
    fc.assert(
      fc.property(game(1, 10), ([k, values]) => {
        const { values: phi, total } = shapleyFromCoalitionValues(names(k), values);
        expect(total).toBe((values[2 ** k - 1] as number) - (values[0] as number));
        expect(Math.abs(phi.reduce((s, x) => s + x, 0) - total)).toBeLessThanOrEqual(k * tolerance(values));
      }),
      { numRuns: 200 },
    );
  });

  it('shapleyFromCoalitionValues agrees with the average over all k! orders of arrival', () => {
    fc.assert(
      fc.property(game(1, 6), ([k, values]) => {
        const phi = shapleyFromCoalitionValues(names(k), values).values;
        shapleyByAllPermutations(values, k).forEach((expected, i) => expect(Math.abs((phi[i] as number) - expected)).toBeLessThanOrEqual(tolerance(values)));
      }),
      { numRuns: 100 },
    );
  });

  it('shapleyFromCoalitionValues agrees with Harsanyi dividends shared equally (Möbius form)', () => {
    fc.assert(
      fc.property(game(1, 9), ([k, values]) => {
        const phi = shapleyFromCoalitionValues(names(k), values).values;
        const m = mobius(values, k);
        const scale = tolerance(m) * 2 ** k;
        shapleyFromMobius(m, k).forEach((expected, i) => expect(Math.abs((phi[i] as number) - expected)).toBeLessThanOrEqual(scale));
      }),
      { numRuns: 50 },
    );
  });

  it('shapleyFromCoalitionValues gives equal values to symmetric players', () => {
    fc.assert(
      fc.property(game(2, 8), fc.nat(), fc.nat(), ([k, base], a, b) => {
        const i = a % k;
        const j = (i + 1 + (b % (k - 1))) % k;
        // Symmetrise: v(S) = f(S) + f(swap_ij(S)) is invariant under swapping i and j.
        const swap = (mask: number) => {
          const bi = (mask >> i) & 1;
          const bj = (mask >> j) & 1;
          return (mask & ~((1 << i) | (1 << j))) | (bi << j) | (bj << i);
        };
        const values = Float64Array.from(base, (x, mask) => x + (base[swap(mask)] as number));
        const phi = shapleyFromCoalitionValues(names(k), values).values;
        expect(Math.abs((phi[i] as number) - (phi[j] as number))).toBeLessThanOrEqual(2 * tolerance(values));
      }),
      { numRuns: 100 },
    );
  });

  it('shapleyFromCoalitionValues gives a null player 0', () => {
    fc.assert(
      fc.property(game(1, 8), fc.nat(), ([k, base], a) => {
        const i = a % k;
        // v(S) = f(S ∖ {i}): adding i never changes the value, so every marginal contribution is 0.
        const values = Float64Array.from(base, (_, mask) => base[mask & ~(1 << i)] as number);
        expect(shapleyFromCoalitionValues(names(k), values).values[i]).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('shapleyFromCoalitionValues is additive: φ(v + w) = φ(v) + φ(w)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((k) => {
          const vector = fc.float64Array({ minLength: 2 ** k, maxLength: 2 ** k, min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });
          return fc.tuple(fc.constant(k), vector, vector);
        }),
        ([k, v, w]) => {
          const sum = Float64Array.from(v, (x, i) => x + (w[i] as number));
          const phiV = shapleyFromCoalitionValues(names(k), v).values;
          const phiW = shapleyFromCoalitionValues(names(k), w).values;
          const phiSum = shapleyFromCoalitionValues(names(k), sum).values;
          phiSum.forEach((x, i) => expect(Math.abs(x - (phiV[i] as number) - (phiW[i] as number))).toBeLessThanOrEqual(3 * tolerance(sum)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('shapleyFromCoalitionValues splits a unanimity game equally among its carriers', () => {
    // v(S) = 1 if {0, 2, 3} ⊆ S: each of the three gets 1/3, the others 0 (Shapley 1953, Lemma 2).
    const k = 5;
    const carrier = 0b01101;
    const values = Float64Array.from({ length: 2 ** k }, (_, mask) => ((mask & carrier) === carrier ? 1 : 0));
    const phi = shapleyFromCoalitionValues(names(k), values).values;
    expect(Array.from(phi, (x) => Number(x.toFixed(14)))).toEqual([1 / 3, 0, 1 / 3, 1 / 3, 0].map((x) => Number(x.toFixed(14))));
  });

  it('shapleyFromCoalitionValues reproduces a game built from known dividends', () => {
    const k = 4;
    const m = new Float64Array(16);
    m[0b0001] = 2; // f0 alone
    m[0b0110] = 3; // f1 and f2 together
    m[0b1111] = -4; // all four
    const values = gameFromMobius(m, k);
    expect(Array.from(shapleyFromCoalitionValues(names(k), values).values)).toEqual([2 - 1, 1.5 - 1, 1.5 - 1, -1]);
  });

  it('shapleyFromCoalitionValues rejects bad input with clear errors', () => {
    expect(() => shapleyFromCoalitionValues(['a', 'b'], [0, 1, 2])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid values: array of length 3 (expected 4 values)]`,
    );
    expect(() => shapleyFromCoalitionValues(['a', 'b'], [0, 1, NaN, 2])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid values[2]: NaN (expected a finite number)]`,
    );
    expect(() => shapleyFromCoalitionValues(['a', 'a'], [0, 1, 1, 2])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid players[1]: "a" (expected distinct player names)]`,
    );
    expect(() => shapleyFromCoalitionValues(names(11), new Float64Array(2 ** 11))).toThrow(/use sampledPermutations/);
  });
});

describe('exactShapley', () => {
  it('exactShapley evaluates each coalition once with its members and matches the value form', () => {
    const seen: string[] = [];
    const result = exactShapley(['a', 'b', 'c'], (mask, members) => {
      seen.push(`${mask}:${members.join('')}`);
      return members.length ** 2;
    });
    expect(seen).toEqual(['0:', '1:a', '2:b', '3:ab', '4:c', '5:ac', '6:bc', '7:abc']);
    expect(Array.from(result.values)).toEqual([3, 3, 3]);
    expect(result.total).toBe(9);
  });
});
