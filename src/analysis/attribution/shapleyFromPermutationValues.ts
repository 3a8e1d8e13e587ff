import { AnalysisInputError } from './analysisInputError.js';
import { checkConfidence, checkFiniteVector, checkPlayers } from './checkInputs.js';
import { criticalValue, intervalEstimate, type IntervalEstimate } from './intervalEstimate.js';
import type { PermutationPlan } from './permutationCoalitions.js';
import type { ShapleyFactorEstimate } from './shapleyWithIntervals.js';

/** Options of {@link shapleyFromPermutationValues}. */
export interface SampledShapleyOptions {
  /** Two-sided confidence level of the intervals. Default 0.95. */
  readonly confidence?: number;
}

/** Shapley values estimated from sampled permutations, with Student t intervals. */
export interface SampledShapley {
  readonly players: readonly string[];
  /** φ̂_i: mean marginal contribution of player i over permutations and runs. */
  readonly values: Float64Array;
  /** Per player: estimate, standard error and interval, in player order. */
  readonly factors: readonly ShapleyFactorEstimate[];
  /** Mean v(N) − v(∅) over runs (standard error 0 with one run); Σ values equals total.value. */
  readonly total: IntervalEstimate;
  readonly permutations: number;
  readonly runs: number;
  readonly confidence: number;
  /**
   * 't': each factor's interval is φ̂ ± t_ν·se with ν its Welch–Satterthwaite degrees of
   * freedom (m − 1 with one run), listed in `degreesOfFreedom`.
   */
  readonly method: 't';
  /** Per player, the degrees of freedom ν of its t interval, in player order. */
  readonly degreesOfFreedom: Float64Array;
}

/**
 * The sampled-permutation Shapley estimator of Castro, Gómez & Tejada (2009): φ̂_i is the mean,
 * over m sampled orders of arrival (and over n Monte Carlo runs), of player i's marginal
 * contribution x = v(players before i, plus i) − v(players before i).
 *
 * Efficiency holds exactly, not just on average: within one permutation and one run the marginal
 * contributions telescope to v(N) − v(∅), so Σ_i φ̂_i = mean over runs of v(N) − v(∅) (to
 * rounding), whatever permutations were drawn.
 *
 * Uncertainty. `valuesPerRun[r][c]` is run r's value of `plan.coalitions[c]`, all coalitions of a
 * run sharing its random numbers; pass `[values]` when only ensemble means are available. The
 * contributions x_{p,r} form a crossed design (permutations p × runs r, drawn independently), so
 * Var φ̂ = σ²_perm/m + σ²_run/n + σ²_resid/(mn) (Hoeffding decomposition). The standard error
 * used is √(s²_rows/m + s²_cols/n), with s²_rows the sample variance over permutations of the
 * run-averaged contributions and s²_cols (only when n ≥ 2) that over runs of the
 * permutation-averaged ones; its expectation exceeds Var φ̂ by σ²_resid/(mn). With n = 1 it is
 * Castro et al.'s σ̂²/m, which ignores the Monte Carlo error of the values. The interval is
 * φ̂ ± t_ν·se with the Student t quantile on ν = (A + B)²/(A²/(m − 1) + B²/(n − 1)) degrees of
 * freedom, A = s²_rows/m and B = s²_cols/n (Welch–Satterthwaite; ν = m − 1 with one run); it
 * needs m ≥ 2. The normal quantile of Castro et al. (2009, §4), valid as m → ∞, under-covers at
 * few permutations (0.86–0.92 instead of 0.95 at m = 10 on a 12-player game with pairwise
 * interactions); the t quantile keeps coverage near nominal there (within 2 points on average
 * over the players of that game, 1,000 independent estimates each; tested). With strongly
 * skewed marginal contributions (a few rare large interactions) it can still under-cover at
 * small m: use m ≥ 30 where that matters.
 *
 * Throws an {@link AnalysisInputError} for fewer than 2 permutations, a player count different
 * from the plan's, no runs, or a run without one finite value per plan coalition.
 *
 * Cost: O(k·m·n). Reference: J. Castro, D. Gómez & J. Tejada (2009), "Polynomial calculation of
 * the Shapley value based on sampling", Computers & Operations Research 36(5):1726–1730;
 * Welch–Satterthwaite: F. E. Satterthwaite (1946), Biometrics Bulletin 2(6):110–114;
 * crossed-design variance: D. C. Montgomery (2017), Design and Analysis of Experiments, 9th ed.,
 * §13.2 (two-factor random effects without replication).
 *
 * @example
 * const plan = permutationCoalitions([Uint16Array.of(0, 1), Uint16Array.of(1, 0)]);
 * // plan.coalitions: ∅, N, {0}, {1}; values v(∅) = 0, v(N) = 4, v({0}) = 1, v({1}) = 1
 * shapleyFromPermutationValues(['a', 'b'], plan, [Float64Array.of(0, 4, 1, 1)]).values;
 * // Float64Array [2, 2] (both orders seen, so exact here)
 */
export function shapleyFromPermutationValues(
  players: readonly string[],
  plan: PermutationPlan,
  valuesPerRun: readonly ArrayLike<number>[],
  options: SampledShapleyOptions = {},
): SampledShapley {
  checkPlayers(players);
  const k = players.length;
  if (k !== plan.k) throw new AnalysisInputError('mismatch', ['players'], `${plan.k} players (as in the plan)`, k);
  const m = plan.permutations.length;
  if (m < 2) throw new AnalysisInputError('length', ['plan', 'permutations'], 'at least 2 permutations for an interval', m);
  const confidence = options.confidence ?? 0.95;
  checkConfidence(confidence);
  if (!Array.isArray(valuesPerRun) || valuesPerRun.length < 1) {
    throw new AnalysisInputError('length', ['valuesPerRun'], 'at least 1 run (one value per plan coalition)', valuesPerRun);
  }
  const coalitionCount = plan.coalitions.length;
  valuesPerRun.forEach((values, r) => checkFiniteVector(values, coalitionCount, ['valuesPerRun', r]));
  const n = valuesPerRun.length;

  // position[p·k + i] = where player i arrives in permutation p.
  const position = new Int32Array(m * k);
  plan.permutations.forEach((order, p) => {
    for (let j = 0; j < k; j++) position[p * k + (order[j] as number)] = j;
  });

  const rowSums = new Float64Array(m);
  const columnSums = new Float64Array(n);
  const values = new Float64Array(k);
  const degreesOfFreedom = new Float64Array(k);
  const factors = players.map((player, i) => {
    rowSums.fill(0);
    columnSums.fill(0);
    for (let p = 0; p < m; p++) {
      const j = position[p * k + i] as number;
      const before = plan.prefixes[p * (k + 1) + j] as number;
      const after = plan.prefixes[p * (k + 1) + j + 1] as number;
      for (let r = 0; r < n; r++) {
        const run = valuesPerRun[r] as ArrayLike<number>;
        const x = (run[after] as number) - (run[before] as number);
        rowSums[p] = (rowSums[p] as number) + x;
        columnSums[r] = (columnSums[r] as number) + x;
      }
    }
    let total = 0;
    for (let p = 0; p < m; p++) total += rowSums[p] as number;
    const mean = total / (m * n);
    const rowPart = sampleVariance(rowSums, n, mean) / m;
    const columnPart = n >= 2 ? sampleVariance(columnSums, m, mean) / n : 0;
    const variance = rowPart + columnPart;
    const nu = welchSatterthwaite(rowPart, m - 1, columnPart, n - 1);
    values[i] = mean;
    degreesOfFreedom[i] = nu;
    return { player, ...intervalEstimate(mean, Math.sqrt(variance), criticalValue(confidence, 't', nu)) };
  });

  const totals = valuesPerRun.map((run) => (run[1] as number) - (run[0] as number));
  const totalMean = totals.reduce((s, x) => s + x, 0) / n;
  const totalSe = n >= 2 ? Math.sqrt(totals.reduce((s, x) => s + (x - totalMean) ** 2, 0) / (n - 1) / n) : 0;
  return {
    players: [...players],
    values,
    factors,
    total: intervalEstimate(totalMean, totalSe, n >= 2 ? criticalValue(confidence, 't', n - 1) : 0),
    permutations: m,
    runs: n,
    confidence,
    method: 't',
    degreesOfFreedom,
  };
}

// Welch–Satterthwaite degrees of freedom of a + b, where a and b are variance estimates on
// dfA and dfB degrees of freedom (b = 0 with dfB = 0 gives dfA). At least 1; dfA when both are 0.
function welchSatterthwaite(a: number, dfA: number, b: number, dfB: number): number {
  if (b === 0 || dfB < 1) return dfA;
  if (a === 0) return dfB;
  return Math.max(1, (a + b) ** 2 / ((a * a) / dfA + (b * b) / dfB));
}

// Sample variance (n − 1) of sums[g]/size around `mean`.
function sampleVariance(sums: Float64Array, size: number, mean: number): number {
  let squares = 0;
  for (const sum of sums) {
    const d = sum / size - mean;
    squares += d * d;
  }
  return squares / (sums.length - 1);
}
