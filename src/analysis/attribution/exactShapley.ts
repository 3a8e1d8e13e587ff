import { checkExactPlayerCount, coalitionMembers } from './coalitions.js';
import { checkPlayers } from './checkInputs.js';
import { shapleyFromCoalitionValues, type ShapleyValues } from './shapleyFromCoalitionValues.js';

/**
 * Exact Shapley values for a cheap value function: evaluates `valueOf` once for each of the 2^k
 * coalitions (in mask order, with the member names) and passes the results to
 * {@link shapleyFromCoalitionValues}. For ensembles, evaluate the coalitions yourself (in
 * parallel, with common random numbers) and call {@link shapleyWithIntervals}.
 *
 * Throws an {@link AnalysisInputError} as shapleyFromCoalitionValues does, including when
 * `valueOf` returns a non-finite number.
 *
 * Cost: 2^k calls of valueOf plus O(k·2^k). Reference: Shapley (1953).
 *
 * @example
 * exactShapley(['a', 'b', 'c'], (mask, members) => members.length ** 2).values;
 * // Float64Array [3, 3, 3]  (symmetric players share v(N) = 9)
 */
export function exactShapley(
  players: readonly string[],
  valueOf: (mask: number, members: readonly string[]) => number,
): ShapleyValues {
  checkPlayers(players);
  checkExactPlayerCount(players.length);
  const values = new Float64Array(1 << players.length);
  for (let mask = 0; mask < values.length; mask++) values[mask] = valueOf(mask, coalitionMembers(mask, players));
  return shapleyFromCoalitionValues(players, values);
}
