import { AnalysisInputError } from './analysisInputError.js';

/** The coalitions that sampled permutations need, deduplicated, and where each prefix lives. */
export interface PermutationPlan {
  /** Number of players. */
  readonly k: number;
  /** The permutations the plan was made from. */
  readonly permutations: readonly Uint16Array[];
  /**
   * The distinct coalitions to evaluate, as membership flags (1 = player takes part). Index 0 is
   * always the empty coalition and index 1 the grand coalition; the rest follow in order of
   * first appearance (permutation by permutation, prefix by prefix).
   */
  readonly coalitions: readonly Uint8Array[];
  /**
   * prefixes[p·(k + 1) + j] is the index in `coalitions` of the first j players of permutation p
   * (j = 0 … k).
   */
  readonly prefixes: Int32Array;
}

/**
 * The coalitions to evaluate for a set of sampled permutations: for each permutation, every
 * prefix (the players that arrived before each arrival, and the grand coalition), deduplicated so
 * that each coalition is one Monte Carlo ensemble however many permutations share it. Evaluate
 * `plan.coalitions[c]` (the value for run r at index c of valuesPerRun[r]), then call
 * {@link shapleyFromPermutationValues}.
 *
 * Throws an {@link AnalysisInputError} if the permutations are empty, of unequal length, or not
 * permutations of 0 … k − 1.
 *
 * Cost: O(count·k²) time for the keys; at most count·(k − 1) + 2 coalitions.
 * Reference: Castro, Gómez & Tejada (2009), §3 (each permutation needs k + 1 evaluations).
 *
 * @example
 * const plan = permutationCoalitions([Uint16Array.of(1, 0), Uint16Array.of(0, 1)]);
 * plan.coalitions;  // [Uint8Array [0, 0], Uint8Array [1, 1], Uint8Array [0, 1], Uint8Array [1, 0]]
 * plan.prefixes;    // Int32Array [0, 2, 1, 0, 3, 1]
 */
export function permutationCoalitions(permutations: readonly Uint16Array[]): PermutationPlan {
  if (!Array.isArray(permutations) || permutations.length === 0) {
    throw new AnalysisInputError('length', ['permutations'], 'at least one permutation', permutations);
  }
  const k = (permutations[0] as Uint16Array).length;
  if (k < 1) throw new AnalysisInputError('length', ['permutations', 0], 'a permutation of at least 1 player', permutations[0]);
  const seen = new Uint8Array(k);
  permutations.forEach((order, p) => {
    if (!(order instanceof Uint16Array) || order.length !== k) {
      throw new AnalysisInputError('length', ['permutations', p], `a Uint16Array of length ${k}`, order);
    }
    seen.fill(0);
    for (let j = 0; j < k; j++) {
      const player = order[j] as number;
      if (player >= k || seen[player]) throw new AnalysisInputError('mismatch', ['permutations', p, j], `a permutation of 0 … ${k - 1}`, player);
      seen[player] = 1;
    }
  });

  const empty = new Uint8Array(k);
  const full = new Uint8Array(k).fill(1);
  const coalitions: Uint8Array[] = [empty, full];
  const index = new Map<string, number>([[key(empty), 0], [key(full), 1]]);
  const prefixes = new Int32Array(permutations.length * (k + 1));
  permutations.forEach((order, p) => {
    const members = new Uint8Array(k);
    prefixes[p * (k + 1)] = 0;
    for (let j = 1; j <= k; j++) {
      members[order[j - 1] as number] = 1;
      const name = key(members);
      let c = index.get(name);
      if (c === undefined) {
        c = coalitions.length;
        coalitions.push(members.slice());
        index.set(name, c);
      }
      prefixes[p * (k + 1) + j] = c;
    }
  });
  return { k, permutations, coalitions, prefixes };
}

function key(members: Uint8Array): string {
  return members.join('');
}
