import { checkExactPlayerCount } from './coalitions.js';
import { checkFiniteVector, checkPlayers } from './checkInputs.js';

/** Exact Shapley values of one value function. */
export interface ShapleyValues {
  /** The player names, in the order of `values`. */
  readonly players: readonly string[];
  /** φ_i for each player i: its average marginal contribution over all orders of arrival. */
  readonly values: Float64Array;
  /** v(grand coalition) − v(∅), which the values add up to (efficiency). */
  readonly total: number;
}

/**
 * Shapley weights w(s) = s!(k − s − 1)!/k! = 1/(k·C(k − 1, s)) for s = 0 … k − 1: the share of
 * the k! orders of arrival in which a player joins a given coalition of size s (Shapley 1953).
 *
 * @example
 * shapleyWeights(3); // Float64Array [1/3, 1/6, 1/3]
 */
export function shapleyWeights(k: number): Float64Array {
  const weights = new Float64Array(k);
  let binomial = 1; // C(k − 1, s)
  for (let s = 0; s < k; s++) {
    weights[s] = 1 / (k * binomial);
    binomial = (binomial * (k - 1 - s)) / (s + 1);
  }
  return weights;
}

/**
 * Shapley values computed into `out` (length k) from the 2^k coalition values starting at
 * `offset` in `values`, without validation: the shared kernel of the exact functions.
 * Each φ_i is a compensated (Neumaier) sum of w(|S|)·(v(S ∪ {i}) − v(S)), so the values add up
 * to v(N) − v(∅) to within a few units of rounding of the largest coalition value.
 *
 * @example
 * const out = new Float64Array(2);
 * shapleyKernel(2, [0, 1, 1, 4], shapleyWeights(2), out); // out is now [2, 2]
 */
export function shapleyKernel(k: number, values: ArrayLike<number>, weights: Float64Array, out: Float64Array): void {
  const count = 1 << k;
  const sums = new Float64Array(k);
  const compensation = new Float64Array(k);
  const sizes = new Uint8Array(count);
  for (let mask = 1; mask < count; mask++) sizes[mask] = (sizes[mask >>> 1] as number) + (mask & 1);
  for (let mask = 0; mask < count; mask++) {
    const weight = weights[sizes[mask] as number] as number;
    const base = values[mask] as number;
    for (let i = 0; i < k; i++) {
      const bit = 1 << i;
      if (mask & bit) continue;
      const term = weight * ((values[mask | bit] as number) - base);
      const sum = sums[i] as number;
      const next = sum + term;
      compensation[i] = (compensation[i] as number) + (Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum);
      sums[i] = next;
    }
  }
  for (let i = 0; i < k; i++) out[i] = (sums[i] as number) + (compensation[i] as number);
}

/**
 * Exact Shapley values of k players (k ≤ 10) from the values of all 2^k coalitions,
 * `values[mask]` being v of the coalition whose members are the set bits of `mask` (see
 * {@link coalitions}):
 *
 *   φ_i = Σ_{S ⊆ N∖{i}} |S|!(k − |S| − 1)!/k! · (v(S ∪ {i}) − v(S))   (Shapley 1953)
 *
 * The values satisfy efficiency (Σφ_i = v(N) − v(∅)), symmetry, the null-player property and
 * additivity; the tests check all four. The expensive part, evaluating the coalitions, is the
 * caller's: this function only combines the numbers.
 *
 * Throws an {@link AnalysisInputError} if players are not distinct, k > 10 (use sampled
 * permutations), or `values` does not hold 2^k finite numbers.
 *
 * Cost: O(k·2^k). Reference: L. S. Shapley (1953), "A value for n-person games", Contributions
 * to the Theory of Games II, 307–317, eq. (the formula above); A. Neumaier (1974), ZAMM 54:39–51
 * (compensated summation).
 *
 * @example
 * // Two factors: each alone adds 1, together 4 (an interaction of 2, split equally).
 * shapleyFromCoalitionValues(['a', 'b'], Float64Array.of(0, 1, 1, 4));
 * // { players: ['a', 'b'], values: Float64Array [2, 2], total: 4 }
 */
export function shapleyFromCoalitionValues(players: readonly string[], values: ArrayLike<number>): ShapleyValues {
  checkPlayers(players);
  const k = players.length;
  checkExactPlayerCount(k);
  checkFiniteVector(values, 1 << k, ['values']);
  const out = new Float64Array(k);
  shapleyKernel(k, values, shapleyWeights(k), out);
  return { players: [...players], values: out, total: (values[(1 << k) - 1] as number) - (values[0] as number) };
}
