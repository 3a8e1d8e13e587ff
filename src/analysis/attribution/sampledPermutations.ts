import type { RandomSource } from '../../rng/randomSource.js';
import { AnalysisInputError } from './analysisInputError.js';

/** The largest number of players a sampled permutation can hold (Uint16Array entries). */
export const MAX_SAMPLED_PLAYERS = 65_535;

/**
 * `count` orders of arrival of k players, each drawn uniformly from the k! permutations by the
 * Fisher–Yates shuffle (Durstenfeld's in-place form: for i = k − 1 … 1 swap entry i with a
 * uniform j ≤ i), one `random()` draw per swap. The same source state gives the same
 * permutations, bit for bit.
 *
 * These are the samples of Castro, Gómez & Tejada's (2009) estimator: pass them to
 * {@link permutationCoalitions} to learn which coalitions to evaluate.
 *
 * Throws an {@link AnalysisInputError} unless k is an integer in [1, 65535] and count a
 * positive integer.
 *
 * Cost: O(count·k) time and memory; count·(k − 1) draws. Reference: R. A. Fisher & F. Yates
 * (1938), Statistical Tables, Table XXXIII; R. Durstenfeld (1964), CACM 7(7):420 (Algorithm 235);
 * J. Castro, D. Gómez & J. Tejada (2009), "Polynomial calculation of the Shapley value based on
 * sampling", Computers & Operations Research 36(5):1726–1730.
 *
 * @example
 * sampledPermutations(3, 2, createRunStream(1, 0, 'shapley'));
 * // [Uint16Array [1, 0, 2], Uint16Array [0, 2, 1]] (the same on every machine)
 */
export function sampledPermutations(k: number, count: number, random: RandomSource): Uint16Array[] {
  if (!Number.isInteger(k) || k < 1 || k > MAX_SAMPLED_PLAYERS) {
    throw new AnalysisInputError('range', ['k'], `an integer in [1, ${MAX_SAMPLED_PLAYERS}]`, k);
  }
  if (!Number.isInteger(count) || count < 1) throw new AnalysisInputError('range', ['count'], 'a positive integer', count);
  if (typeof random !== 'function') throw new AnalysisInputError('type', ['random'], 'a RandomSource () => [0, 1)', random);
  const permutations: Uint16Array[] = [];
  for (let p = 0; p < count; p++) {
    const order = new Uint16Array(k);
    for (let i = 0; i < k; i++) order[i] = i;
    for (let i = k - 1; i > 0; i--) {
      const u = random();
      if (!(u >= 0 && u < 1)) throw new AnalysisInputError('range', ['random'], 'draws in [0, 1)', u);
      const j = Math.floor(u * (i + 1));
      const swap = order[i] as number;
      order[i] = order[j] as number;
      order[j] = swap;
    }
    permutations.push(order);
  }
  return permutations;
}
