import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { largeInteractions, shapleyFromCoalitionValues, shapleyInteractionIndex } from '../../../src/analysis/attribution/index.js';
import { mobius, names, popcount } from './helpers.js';

const game = (minK: number, maxK: number) =>
  fc.integer({ min: minK, max: maxK }).chain((k) =>
    fc.tuple(fc.constant(k), fc.float64Array({ minLength: 2 ** k, maxLength: 2 ** k, min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true })),
  );

describe('shapleyInteractionIndex', () => {
  it('shapleyInteractionIndex agrees with the Möbius form I_ij = Σ_{B ⊇ {i,j}} m(B)/(|B| − 1)', () => {
    // Grabisch (1997): I(A) = Σ_{B ⊇ A} m(B)/(|B| − |A| + 1). The tolerance scales with the
    // Möbius coefficients, which can reach 2^k·max|v|, and the 2^k terms summed.
    fc.assert(
      fc.property(game(2, 8), ([k, values]) => {
        const { index } = shapleyInteractionIndex(names(k), values);
        const m = mobius(values, k);
        const scale = 1e-12 * 2 ** k * Math.max(1, ...Array.from(m, Math.abs));
        const phi = shapleyFromCoalitionValues(names(k), values).values;
        for (let i = 0; i < k; i++) {
          expect(Math.abs((index[i * k + i] as number) - (phi[i] as number))).toBeLessThanOrEqual(scale);
          for (let j = i + 1; j < k; j++) {
            let expected = 0;
            for (let b = 0; b < 2 ** k; b++) if (b & (1 << i) && b & (1 << j)) expected += (m[b] as number) / (popcount(b) - 1);
            expect(Math.abs((index[i * k + j] as number) - expected)).toBeLessThanOrEqual(scale);
            expect(index[j * k + i]).toBe(index[i * k + j]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('shapleyInteractionIndex is 1/(|T| − 1) inside a unanimity game and 0 outside', () => {
    const k = 6;
    const carrier = 0b010111; // players 0, 1, 2, 4
    const values = Float64Array.from({ length: 2 ** k }, (_, mask) => ((mask & carrier) === carrier ? 1 : 0));
    const { index } = shapleyInteractionIndex(names(k), values);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        if (i === j) continue;
        const inside = carrier & (1 << i) && carrier & (1 << j);
        expect(index[i * k + j]).toBeCloseTo(inside ? 1 / 3 : 0, 14);
      }
    }
  });

  it('shapleyInteractionIndex is 0 for every pair of an additive game', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 8 }), fc.double({ min: -100, max: 100, noNaN: true }), (weights, constant) => {
        const k = weights.length;
        const values = Float64Array.from({ length: 2 ** k }, (_, mask) => weights.reduce((s, w, i) => s + (mask & (1 << i) ? w : 0), constant));
        const { index } = shapleyInteractionIndex(names(k), values);
        for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) expect(Math.abs(index[i * k + j] as number)).toBeLessThanOrEqual(1e-11);
      }),
      { numRuns: 100 },
    );
  });

  it('shapleyInteractionIndex rejects one player and more than ten', () => {
    expect(() => shapleyInteractionIndex(['a'], [0, 1])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid players: 1 (expected at least 2 players for pairwise interactions)]`,
    );
    expect(() => shapleyInteractionIndex(names(11), new Float64Array(2 ** 11))).toThrow(/use sampledPermutations/);
  });
});

describe('largeInteractions', () => {
  it('largeInteractions reports pairs above the share of the total, largest first', () => {
    // Dividends: a·b = 3 (synergy), b·c = −1 (redundancy), a·c = 0.2, singles 1 each; total 5.2.
    const v = (mask: number) => {
      const has = (i: number) => (mask & (1 << i) ? 1 : 0);
      return has(0) + has(1) + has(2) + 3 * has(0) * has(1) - has(1) * has(2) + 0.2 * has(0) * has(2);
    };
    const interactions = shapleyInteractionIndex(['a', 'b', 'c'], Float64Array.from({ length: 8 }, (_, mask) => v(mask)));
    const large = largeInteractions(interactions);
    expect(large.map((p) => [p.first, p.second])).toEqual([['a', 'b'], ['b', 'c']]);
    expect(large[0]!.interaction).toBeCloseTo(3, 14);
    expect(large[0]!.shareOfTotal).toBeCloseTo(3 / 5.2, 14);
    expect(large[1]!.interaction).toBeCloseTo(-1, 14);
    expect(largeInteractions(interactions, { threshold: 0.01 }).map((p) => p.first + p.second)).toEqual(['ab', 'bc', 'ac']);
    expect(largeInteractions(interactions, { threshold: 0.6 })).toEqual([]);
  });

  it('largeInteractions with a zero total reports every non-zero interaction', () => {
    // v(S) = 1 for {a, b} only, v(N) = v(∅) = 0: total 0 but a strong interaction.
    const values = Float64Array.from([0, 0, 0, 1, 0, 0, 0, 0]);
    const pairs = largeInteractions(shapleyInteractionIndex(['a', 'b', 'c'], values));
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((p) => p.interaction !== 0 && !Number.isFinite(p.shareOfTotal))).toBe(true);
    expect(() => largeInteractions(shapleyInteractionIndex(['a', 'b'], [0, 0, 0, 1]), { threshold: -1 })).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid threshold: -1 (expected a finite number ≥ 0)]`,
    );
  });
});
