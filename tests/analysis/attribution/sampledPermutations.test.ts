import { describe, expect, it } from 'vitest';
import { sampledPermutations } from '../../../src/analysis/attribution/index.js';
import { createRunStream } from '../../../src/rng/index.js';

describe('sampledPermutations', () => {
  it('sampledPermutations is reproducible bit for bit and pinned for a seed', () => {
    const a = sampledPermutations(3, 2, createRunStream(1, 0, 'shapley'));
    const b = sampledPermutations(3, 2, createRunStream(1, 0, 'shapley'));
    expect(a).toEqual(b);
    expect(a.map((p) => Array.from(p))).toEqual([[1, 0, 2], [0, 2, 1]]);
  });

  it('sampledPermutations returns permutations of 0 … k − 1', () => {
    for (const order of sampledPermutations(50, 200, createRunStream(2, 0, 'shapley'))) {
      expect(Array.from(order).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
  });

  it('sampledPermutations is uniform over the 24 orders of 4 players (chi-square test)', () => {
    // 24,000 draws, 24 cells of expected count 1,000: the statistic is χ² with 23 df, whose
    // 0.999 quantile is 49.73 (A&S Table 26.8), so a correct shuffle fails 1 time in 1,000 and
    // this seed is fixed; an off-by-one in the swap range gives χ² in the thousands.
    const counts = new Map<string, number>();
    for (const order of sampledPermutations(4, 24_000, createRunStream(3, 0, 'shapley'))) {
      const key = order.join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    let chiSquare = 0;
    for (const count of counts.values()) chiSquare += (count - 1000) ** 2 / 1000;
    expect(chiSquare).toBeLessThan(49.73);
  });

  it('sampledPermutations rejects bad arguments and bad random sources', () => {
    const random = createRunStream(1, 0, 'shapley');
    expect(() => sampledPermutations(0, 1, random)).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid k: 0 (expected an integer in [1, 65535])]`);
    expect(() => sampledPermutations(3, 0, random)).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid count: 0 (expected a positive integer)]`);
    expect(() => sampledPermutations(3, 1, () => 1)).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid random: 1 (expected draws in [0, 1))]`);
  });
});
