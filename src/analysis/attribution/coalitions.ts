import { AnalysisInputError } from './analysisInputError.js';

/**
 * The largest number of players for exact Shapley values: 2^10 = 1,024 coalitions, each of
 * which is a Monte Carlo ensemble in resurgence. Beyond it, estimate by sampled permutations
 * ({@link sampledPermutations}, Castro et al. 2009).
 */
export const MAX_EXACT_PLAYERS = 10;

/**
 * Throws unless k is an integer in [1, MAX_EXACT_PLAYERS]; the message tells the caller what to
 * use instead. Shared by every exact function in this folder.
 *
 * @example
 * checkExactPlayerCount(11); // throws: invalid players: 11 (expected at most 10 players … use sampledPermutations …)
 */
export function checkExactPlayerCount(k: number, name = 'players'): void {
  if (!Number.isInteger(k) || k < 1) throw new AnalysisInputError('range', [name], 'at least 1 player', k);
  if (k > MAX_EXACT_PLAYERS) {
    throw new AnalysisInputError(
      'too-large',
      [name],
      `at most ${MAX_EXACT_PLAYERS} players for exact Shapley values (2^k coalitions); use sampledPermutations and shapleyFromPermutationValues`,
      k,
    );
  }
}

/**
 * Every coalition of k players as a bitmask, in increasing order 0 … 2^k − 1: bit i set means
 * player i takes part, so mask 0 is the empty coalition and 2^k − 1 the grand coalition. This is
 * the order of the `values` array that {@link shapleyFromCoalitionValues} expects: evaluate
 * coalition `mask` (an ensemble with common random numbers) and store its value at index `mask`.
 *
 * Throws an {@link AnalysisInputError} for k < 1 or k > {@link MAX_EXACT_PLAYERS}.
 *
 * Cost: O(2^k). Reference: L. S. Shapley (1953), "A value for n-person games", Contributions
 * to the Theory of Games II, 307–317 (the sum over all coalitions).
 *
 * @example
 * Array.from(coalitions(2)); // [0, 1, 2, 3]  (∅, {0}, {1}, {0, 1})
 */
export function coalitions(k: number): Uint32Array {
  checkExactPlayerCount(k, 'k');
  const masks = new Uint32Array(1 << k);
  for (let mask = 0; mask < masks.length; mask++) masks[mask] = mask;
  return masks;
}

/**
 * The names of the players in coalition `mask`, in player order: what to switch on when
 * building the scenario of that coalition.
 *
 * Throws an {@link AnalysisInputError} if mask is not an integer in [0, 2^players.length).
 *
 * Cost: O(k).
 *
 * @example
 * coalitionMembers(5, ['covid', 'camps', 'finance']); // ['covid', 'finance']
 */
export function coalitionMembers(mask: number, players: readonly string[]): string[] {
  const k = players.length;
  if (!Number.isInteger(mask) || mask < 0 || mask >= 2 ** k) {
    throw new AnalysisInputError('range', ['mask'], `an integer in [0, ${2 ** k})`, mask);
  }
  const members: string[] = [];
  for (let i = 0; i < k; i++) if ((mask >>> i) & 1) members.push(players[i] as string);
  return members;
}

/**
 * The number of players in coalition `mask` (population count).
 *
 * Cost: O(1). Reference: H. S. Warren (2012), Hacker's Delight, 2nd ed., §5-1.
 *
 * @example
 * coalitionSize(0b1011); // 3
 */
export function coalitionSize(mask: number): number {
  let x = mask >>> 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
