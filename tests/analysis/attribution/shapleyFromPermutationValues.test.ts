import { describe, expect, it } from 'vitest';
import {
  permutationCoalitions,
  sampledPermutations,
  shapleyFromCoalitionValues,
  shapleyFromPermutationValues,
  type PermutationPlan,
} from '../../../src/analysis/attribution/index.js';
import { createRunStream } from '../../../src/rng/index.js';
import { names } from './helpers.js';

/** Evaluate a game given as a function of membership flags at every plan coalition. */
function evaluate(plan: PermutationPlan, v: (members: Uint8Array) => number): Float64Array {
  return Float64Array.from(plan.coalitions, v);
}

// A 12-player game with known Shapley values: v(S) = Σ_{i∈S} a_i + Σ_{pairs {i,j} ⊆ S} b_ij,
// so φ_i = a_i + Σ_j b_ij / 2 (each pair dividend split equally).
function quadraticGame(k: number, seed: number) {
  const random = createRunStream(seed, 0, 'game');
  const a = Array.from({ length: k }, () => 4 * random() - 2);
  const b = Array.from({ length: k }, () => Array.from({ length: k }, () => 0));
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) b[i]![j] = b[j]![i] = random() < 0.3 ? 6 * random() - 3 : 0;
  const v = (members: Uint8Array) => {
    let sum = 0;
    for (let i = 0; i < k; i++) {
      if (!members[i]) continue;
      sum += a[i]!;
      for (let j = i + 1; j < k; j++) if (members[j]) sum += b[i]![j]!;
    }
    return sum;
  };
  const phi = a.map((ai, i) => ai + b[i]!.reduce((s, x) => s + x, 0) / 2);
  return { v, phi };
}

describe('permutationCoalitions', () => {
  it('permutationCoalitions lists ∅ and N first, deduplicates, and indexes every prefix', () => {
    const plan = permutationCoalitions([Uint16Array.of(1, 0), Uint16Array.of(0, 1), Uint16Array.of(1, 0)]);
    expect(plan.coalitions.map((c) => Array.from(c))).toEqual([[0, 0], [1, 1], [0, 1], [1, 0]]);
    expect(Array.from(plan.prefixes)).toEqual([0, 2, 1, 0, 3, 1, 0, 2, 1]);
    const permutations = sampledPermutations(12, 30, createRunStream(1, 0, 'plan'));
    const big = permutationCoalitions(permutations);
    expect(big.coalitions.length).toBeLessThanOrEqual(30 * 11 + 2);
    permutations.forEach((order, p) => {
      for (let j = 0; j <= 12; j++) {
        const members = big.coalitions[big.prefixes[p * 13 + j]!]!;
        const expected = new Uint8Array(12);
        for (let q = 0; q < j; q++) expected[order[q]!] = 1;
        expect(members).toEqual(expected);
      }
    });
  });

  it('permutationCoalitions rejects non-permutations', () => {
    expect(() => permutationCoalitions([])).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid permutations: array of length 0 (expected at least one permutation)]`);
    expect(() => permutationCoalitions([Uint16Array.of(0, 0)])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid permutations[0][1]: 0 (expected a permutation of 0 … 1)]`,
    );
    expect(() => permutationCoalitions([Uint16Array.of(0, 1), Uint16Array.of(0)])).toThrow(/expected a Uint16Array of length 2/);
  });
});

describe('shapleyFromPermutationValues', () => {
  it('shapleyFromPermutationValues is exactly efficient for any permutations drawn', () => {
    const { v } = quadraticGame(12, 1);
    for (let seed = 0; seed < 20; seed++) {
      const plan = permutationCoalitions(sampledPermutations(12, 3, createRunStream(seed, 0, 'perm')));
      const values = evaluate(plan, v);
      const result = shapleyFromPermutationValues(names(12), plan, [values]);
      const total = (values[1] as number) - (values[0] as number);
      expect(result.total.value).toBe(total);
      // Telescoping in floating point: error of a few ulps of max|v| per prefix.
      expect(Math.abs(result.values.reduce((s, x) => s + x, 0) - total)).toBeLessThanOrEqual(1e-12 * 12 * 50);
    }
  });

  it('shapleyFromPermutationValues over all k! orders equals the exact Shapley value', () => {
    const k = 4;
    const orders: Uint16Array[] = [];
    const visit = (prefix: number[]): void => {
      if (prefix.length === k) orders.push(Uint16Array.from(prefix));
      else for (let i = 0; i < k; i++) if (!prefix.includes(i)) visit([...prefix, i]);
    };
    visit([]);
    const random = createRunStream(4, 0, 'game');
    const game = Float64Array.from({ length: 16 }, () => 10 * random());
    const plan = permutationCoalitions(orders);
    const values = evaluate(plan, (members) => game[members.reduce((mask, x, i) => mask | (x << i), 0)] as number);
    const sampled = shapleyFromPermutationValues(names(k), plan, [values]).values;
    const exact = shapleyFromCoalitionValues(names(k), game).values;
    exact.forEach((x, i) => expect(sampled[i]).toBeCloseTo(x, 12));
  });

  it('shapleyFromPermutationValues intervals cover the true φ at about the nominal rate (12 players)', () => {
    // 400 independent estimates with m = 60 permutations each; the normal interval is
    // asymptotic, so its coverage of φ_0 should be 0.95 up to a small finite-m bias; the count
    // of covering intervals is then ≈ Binomial(400, 0.95), mean 380, sd 4.4. We accept
    // 380 ± 4 sd (a correct method at 0.95 fails this about 1 time in 15,000; a standard error
    // off by a factor √2 drops coverage to ≈ 0.83, i.e. 332, and fails).
    const k = 12;
    const { v, phi } = quadraticGame(k, 2);
    const replications = 400;
    let covered = 0;
    let biasSum = 0;
    let seSum = 0;
    for (let rep = 0; rep < replications; rep++) {
      const plan = permutationCoalitions(sampledPermutations(k, 60, createRunStream(10, rep, 'perm')));
      const f = shapleyFromPermutationValues(names(k), plan, [evaluate(plan, v)]).factors[0]!;
      if (f.lower <= phi[0]! && phi[0]! <= f.upper) covered++;
      biasSum += f.value - phi[0]!;
      seSum += f.standardError;
    }
    const sd = Math.sqrt(replications * 0.95 * 0.05);
    expect(Math.abs(covered - 0.95 * replications)).toBeLessThanOrEqual(4 * sd);
    // Unbiased: the mean error over the 400 independent estimates has standard error
    // ≈ (mean per-estimate se)/√400, and must be within 4 of those of 0.
    expect(Math.abs(biasSum / replications)).toBeLessThan((4 * seSum) / replications / Math.sqrt(replications));
  });

  it('shapleyFromPermutationValues t intervals hold their level at m = 10 permutations (1,000 seeds, 12 players with interactions)', () => {
    // 1,000 independent estimates with m = 10 each. Per player, the count of covering intervals
    // of a method at 0.95 is Binomial(1000, 0.95): sd 6.9, so each player must be within 4 sd
    // (0.028) of 0.95, and the average over the 12 players within 0.02 (issue 16's criterion).
    // The normal quantile (before) covered 0.89–0.93 here: its average misses by > 0.02.
    const k = 12;
    const m = 10;
    const { v, phi } = quadraticGame(k, 2);
    const replications = 1000;
    const covered = new Array<number>(k).fill(0);
    const coveredNormal = new Array<number>(k).fill(0);
    const z = 1.959963984540054;
    for (let rep = 0; rep < replications; rep++) {
      const plan = permutationCoalitions(sampledPermutations(k, m, createRunStream(16, rep, 'perm')));
      const result = shapleyFromPermutationValues(names(k), plan, [evaluate(plan, v)]);
      expect(result.degreesOfFreedom[0]).toBe(m - 1);
      result.factors.forEach((f, i) => {
        if (f.lower <= phi[i]! && phi[i]! <= f.upper) covered[i]!++;
        if (Math.abs(f.value - phi[i]!) <= z * f.standardError) coveredNormal[i]!++;
      });
    }
    const sd = Math.sqrt(0.95 * 0.05 / replications);
    const rates = covered.map((c) => c / replications);
    for (const rate of rates) expect(Math.abs(rate - 0.95)).toBeLessThanOrEqual(4 * sd);
    const average = rates.reduce((a, b) => a + b, 0) / k;
    expect(Math.abs(average - 0.95)).toBeLessThanOrEqual(0.02);
    expect(0.95 - coveredNormal.reduce((a, b) => a + b, 0) / k / replications).toBeGreaterThan(0.02);
  });

  it('shapleyFromPermutationValues widens its intervals for Monte Carlo noise across runs', () => {
    // Each run sees the game plus a noise that depends on the coalition (drawn per run and per
    // player present), as an ensemble would. 300 replications of (40 permutations × 8 runs):
    // intervals that include the run term must cover φ_0 at ≥ 0.95 − 4 sd (conservative by
    // construction); ignoring runs (one averaged value vector) would under-cover.
    const k = 12;
    const { v, phi } = quadraticGame(k, 3);
    const replications = 300;
    let covered = 0;
    let coveredIgnoringRuns = 0;
    for (let rep = 0; rep < replications; rep++) {
      const plan = permutationCoalitions(sampledPermutations(k, 40, createRunStream(20, rep, 'perm')));
      const noise = createRunStream(30, rep, 'noise');
      const runs = Array.from({ length: 8 }, () => {
        const effects = Array.from({ length: k }, () => 3 * (noise() - 0.5));
        return evaluate(plan, (members) => v(members) + members.reduce((s, x, i) => s + x * effects[i]!, 0));
      });
      const f = shapleyFromPermutationValues(names(k), plan, runs).factors[0]!;
      if (f.lower <= phi[0]! && phi[0]! <= f.upper) covered++;
      const mean = Float64Array.from(plan.coalitions, (_, c) => runs.reduce((s, run) => s + run[c]!, 0) / runs.length);
      const g = shapleyFromPermutationValues(names(k), plan, [mean]).factors[0]!;
      if (g.lower <= phi[0]! && phi[0]! <= g.upper) coveredIgnoringRuns++;
    }
    const sd = Math.sqrt(replications * 0.95 * 0.05);
    expect(covered).toBeGreaterThanOrEqual(0.95 * replications - 4 * sd);
    expect(coveredIgnoringRuns).toBeLessThan(covered);
  });

  it('shapleyFromPermutationValues rejects bad input with clear errors', () => {
    const plan = permutationCoalitions([Uint16Array.of(0, 1), Uint16Array.of(1, 0)]);
    expect(() => shapleyFromPermutationValues(['a'], plan, [Float64Array.of(0, 1, 2, 3)])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid players: 1 (expected 2 players (as in the plan))]`,
    );
    expect(() => shapleyFromPermutationValues(['a', 'b'], plan, [Float64Array.of(0, 1, 2)])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid valuesPerRun[0]: Float64Array of length 3 (expected 4 values)]`,
    );
    const single = permutationCoalitions([Uint16Array.of(0, 1)]);
    expect(() => shapleyFromPermutationValues(['a', 'b'], single, [Float64Array.of(0, 1, 2)])).toThrow(/at least 2 permutations/);
  });
});
