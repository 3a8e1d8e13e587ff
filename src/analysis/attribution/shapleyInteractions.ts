import { checkExactPlayerCount } from './coalitions.js';
import { checkFiniteVector, checkPlayers } from './checkInputs.js';
import { AnalysisInputError } from './analysisInputError.js';

/** Pairwise Shapley interaction indices of k players. */
export interface ShapleyInteractions {
  readonly players: readonly string[];
  /**
   * k × k, row-major: index[i·k + j] = I_ij for i ≠ j (symmetric); the diagonal holds the Shapley
   * value φ_i, so the matrix is the whole second-order picture.
   */
  readonly index: Float64Array;
  /** v(N) − v(∅), the scale that {@link largeInteractions} compares with. */
  readonly total: number;
}

/**
 * Grabisch's (1997) Shapley interaction index of every pair of players, from the 2^k coalition
 * values (`values[mask]`, as in {@link coalitions}):
 *
 *   I_ij = Σ_{S ⊆ N∖{i,j}} (k − |S| − 2)!·|S|!/(k − 1)! · [v(S∪{i,j}) − v(S∪{i}) − v(S∪{j}) + v(S)]
 *
 * I_ij > 0: i and j together do more than the sum of what each adds (synergy); I_ij < 0: they
 * are substitutes (redundancy); 0 for an additive game. For the unanimity game of a set T ∋ i, j
 * (v(S) = 1 when T ⊆ S), I_ij = 1/(|T| − 1). The diagonal holds φ_i (the interaction index of
 * a single player is its Shapley value).
 *
 * The index is linear in v, so with common random numbers it can be computed per run and
 * averaged like {@link shapleyWithIntervals} does for φ.
 *
 * Throws an {@link AnalysisInputError} for k < 2, k > 10, or values that are not 2^k finite
 * numbers.
 *
 * Cost: O(k²·2^k). Reference: M. Grabisch (1997), "k-order additive discrete fuzzy measures
 * and their representation", Fuzzy Sets and Systems 92(2):167–189 (the interaction index I(A)
 * with |A| = 2, which T. Murofushi & S. Soneda (1993) first proposed for pairs).
 *
 * @example
 * // a and b only matter together: v({a, b}) = 1, else 0.
 * shapleyInteractionIndex(['a', 'b'], Float64Array.of(0, 0, 0, 1)).index;
 * // Float64Array [0.5, 1, 1, 0.5]  (φ on the diagonal, I_ab = 1 off it)
 */
export function shapleyInteractionIndex(players: readonly string[], values: ArrayLike<number>): ShapleyInteractions {
  checkPlayers(players);
  const k = players.length;
  checkExactPlayerCount(k);
  if (k < 2) throw new AnalysisInputError('range', ['players'], 'at least 2 players for pairwise interactions', k);
  const count = 1 << k;
  checkFiniteVector(values, count, ['values']);

  // Weights for the pair index, w2(s) = s!(k − s − 2)!/(k − 1)! = 1/((k − 1)·C(k − 2, s)),
  // and for the diagonal, w1(s) = s!(k − s − 1)!/k! = 1/(k·C(k − 1, s)).
  const pairWeights = new Float64Array(k - 1);
  for (let s = 0, binomial = 1; s <= k - 2; s++) {
    pairWeights[s] = 1 / ((k - 1) * binomial);
    binomial = (binomial * (k - 2 - s)) / (s + 1);
  }
  const singleWeights = new Float64Array(k);
  for (let s = 0, binomial = 1; s <= k - 1; s++) {
    singleWeights[s] = 1 / (k * binomial);
    binomial = (binomial * (k - 1 - s)) / (s + 1);
  }
  const sizes = new Uint8Array(count);
  for (let mask = 1; mask < count; mask++) sizes[mask] = (sizes[mask >>> 1] as number) + (mask & 1);

  const index = new Float64Array(k * k);
  for (let mask = 0; mask < count; mask++) {
    const size = sizes[mask] as number;
    const base = values[mask] as number;
    for (let i = 0; i < k; i++) {
      const bi = 1 << i;
      if (mask & bi) continue;
      const withI = values[mask | bi] as number;
      index[i * k + i] = (index[i * k + i] as number) + (singleWeights[size] as number) * (withI - base);
      for (let j = i + 1; j < k; j++) {
        const bj = 1 << j;
        if (mask & bj) continue;
        const delta = (values[mask | bi | bj] as number) - withI - (values[mask | bj] as number) + base;
        index[i * k + j] = (index[i * k + j] as number) + (pairWeights[size] as number) * delta;
      }
    }
  }
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) index[j * k + i] = index[i * k + j] as number;
  return { players: [...players], index, total: (values[count - 1] as number) - (values[0] as number) };
}

/** One pair of players whose interaction is large. */
export interface LargeInteraction {
  readonly first: string;
  readonly second: string;
  /** I_ij. */
  readonly interaction: number;
  /** I_ij / (v(N) − v(∅)); ±Infinity when the total is 0. */
  readonly shareOfTotal: number;
}

/** Options of {@link largeInteractions}. */
export interface LargeInteractionOptions {
  /** Report pairs with |I_ij| ≥ threshold·|v(N) − v(∅)|. Default 0.1 (a tenth of the total). */
  readonly threshold?: number;
}

/**
 * The pairs whose interaction is large relative to the total difference v(N) − v(∅): those with
 * |I_ij| ≥ threshold·|total|, largest |I_ij| first (ties in player order). These are the pairs for
 * which reporting φ alone hides something: the Shapley value splits an interaction equally
 * between its two players (Grabisch 1997, and Shapley's symmetry axiom). When the total is 0,
 * every non-zero interaction is reported.
 *
 * Throws an {@link AnalysisInputError} unless threshold ≥ 0.
 *
 * Cost: O(k² log k).
 *
 * @example
 * largeInteractions(shapleyInteractionIndex(['a', 'b'], Float64Array.of(0, 0, 0, 1)));
 * // [{ first: 'a', second: 'b', interaction: 1, shareOfTotal: 1 }]
 */
export function largeInteractions(interactions: ShapleyInteractions, options: LargeInteractionOptions = {}): LargeInteraction[] {
  const threshold = options.threshold ?? 0.1;
  if (!(threshold >= 0) || !Number.isFinite(threshold)) throw new AnalysisInputError('range', ['threshold'], 'a finite number ≥ 0', threshold);
  const { players, index, total } = interactions;
  const k = players.length;
  const scale = Math.abs(total);
  const pairs: LargeInteraction[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const interaction = index[i * k + j] as number;
      const large = scale === 0 ? interaction !== 0 : Math.abs(interaction) >= threshold * scale;
      if (large) {
        pairs.push({ first: players[i] as string, second: players[j] as string, interaction, shareOfTotal: interaction / total });
      }
    }
  }
  return pairs.sort((a, b) => Math.abs(b.interaction) - Math.abs(a.interaction));
}
