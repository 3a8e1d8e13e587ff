import { AnalysisInputError } from './analysisInputError.js';
import { checkExactPlayerCount } from './coalitions.js';
import { checkConfidence, checkFiniteVector, checkPlayers } from './checkInputs.js';
import { criticalValue, intervalEstimate, type IntervalEstimate, type IntervalMethod } from './intervalEstimate.js';
import { shapleyKernel, shapleyWeights } from './shapleyFromCoalitionValues.js';

/** Options of {@link shapleyWithIntervals}. */
export interface ShapleyIntervalOptions {
  /** Two-sided confidence level of the intervals. Default 0.95. */
  readonly confidence?: number;
  /** 't' (Student t, runs − 1 degrees of freedom) or 'normal'. Default 't'. */
  readonly method?: IntervalMethod;
}

/** The defaults of {@link ShapleyIntervalOptions}. */
export const shapleyIntervalDefaults = { confidence: 0.95, method: 't' } as const satisfies Required<ShapleyIntervalOptions>;

/** One player's Shapley value with its uncertainty. */
export interface ShapleyFactorEstimate extends IntervalEstimate {
  readonly player: string;
}

/** Shapley values of an ensemble with per-factor confidence intervals. */
export interface ShapleyWithIntervals {
  readonly players: readonly string[];
  /** φ_i of the ensemble-mean value function (= the mean of the per-run φ_i). */
  readonly values: Float64Array;
  /** Per player: value, standard error and interval, in player order. */
  readonly factors: readonly ShapleyFactorEstimate[];
  /** v(N) − v(∅) of the ensemble mean with its interval; Σ values equals total.value. */
  readonly total: IntervalEstimate;
  /** φ of each run (runs × k), in run order. */
  readonly perRun: readonly Float64Array[];
  readonly runs: number;
  readonly confidence: number;
  readonly method: IntervalMethod;
}

/**
 * Exact Shapley values with confidence intervals from paired Monte Carlo runs.
 *
 * `valuesPerRun[r][mask]` is the outcome of run r under coalition `mask`, all coalitions of a
 * run sharing its random numbers (common random numbers). The Shapley value is linear in v, so
 * φ of the ensemble mean equals the mean over runs of φ computed run by run; those per-run φ_i
 * are independent across runs (runs use independent streams), so
 *
 *   φ_i ± q · s_i/√n,   s_i the sample standard deviation (n − 1) of the per-run φ_i,
 *
 * is a confidence interval for the φ_i of the expected value function, with q the Student t
 * quantile on n − 1 degrees of freedom (method 't', exact if per-run φ_i are normal, otherwise
 * asymptotically valid by the central limit theorem) or the normal quantile ('normal'). Common
 * random numbers make the per-run differences v(S ∪ {i}) − v(S) far less variable than the values
 * themselves, which is where the narrow intervals come from. Each run's φ adds up to that run's
 * v(N) − v(∅), so efficiency holds for the mean and run by run.
 *
 * Throws an {@link AnalysisInputError} for fewer than 2 runs, k > 10, a run without 2^k finite
 * values, or confidence outside (0, 1).
 *
 * Cost: O(runs·k·2^k). Reference: Shapley (1953); common random numbers: A. M. Law (2015),
 * Simulation Modeling and Analysis, 5th ed., §11.2; t interval: Student (1908).
 *
 * @example
 * const runs = [Float64Array.of(0, 1, 1, 4), Float64Array.of(0, 3, 1, 4)];
 * const result = shapleyWithIntervals(['a', 'b'], runs);
 * result.values;             // Float64Array [2.5, 1.5]
 * result.factors[0]?.lower;  // -3.8531023680873293 (2.5 − t(1 df, 0.975)·0.5)
 */
export function shapleyWithIntervals(
  players: readonly string[],
  valuesPerRun: readonly ArrayLike<number>[],
  options: ShapleyIntervalOptions = {},
): ShapleyWithIntervals {
  checkPlayers(players);
  const k = players.length;
  checkExactPlayerCount(k);
  const confidence = options.confidence ?? shapleyIntervalDefaults.confidence;
  const method = options.method ?? shapleyIntervalDefaults.method;
  checkConfidence(confidence);
  if (method !== 't' && method !== 'normal') throw new AnalysisInputError('range', ['method'], "'t' or 'normal'", method);
  if (!Array.isArray(valuesPerRun) || valuesPerRun.length < 2) {
    throw new AnalysisInputError('length', ['valuesPerRun'], 'at least 2 runs (one array of 2^k coalition values per run)', valuesPerRun);
  }
  const count = 1 << k;
  valuesPerRun.forEach((values, r) => checkFiniteVector(values, count, ['valuesPerRun', r]));

  const weights = shapleyWeights(k);
  const runs = valuesPerRun.length;
  const perRun = valuesPerRun.map((values) => {
    const phi = new Float64Array(k);
    shapleyKernel(k, values, weights, phi);
    return phi;
  });
  const totals = valuesPerRun.map((values) => (values[count - 1] as number) - (values[0] as number));
  const critical = criticalValue(confidence, method, runs - 1);
  const values = new Float64Array(k);
  const factors = players.map((player, i) => {
    const estimate = meanEstimate(perRun.map((phi) => phi[i] as number), critical);
    values[i] = estimate.value;
    return { player, ...estimate };
  });
  return {
    players: [...players],
    values,
    factors,
    total: meanEstimate(totals, critical),
    perRun,
    runs,
    confidence,
    method,
  };
}

// Two-pass mean and n − 1 standard deviation, then value ± critical·sd/√n.
function meanEstimate(sample: readonly number[], critical: number): IntervalEstimate {
  const n = sample.length;
  let sum = 0;
  for (const x of sample) sum += x;
  const mean = sum / n;
  let squares = 0;
  for (const x of sample) squares += (x - mean) * (x - mean);
  return intervalEstimate(mean, Math.sqrt(squares / (n - 1) / n), critical);
}
