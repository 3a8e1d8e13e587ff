import { coalitions, MAX_EXACT_PLAYERS } from '../analysis/attribution/coalitions.js';
import { permutationCoalitions } from '../analysis/attribution/permutationCoalitions.js';
import { sampledPermutations } from '../analysis/attribution/sampledPermutations.js';
import { shapleyFromPermutationValues } from '../analysis/attribution/shapleyFromPermutationValues.js';
import { largeInteractions, shapleyInteractionIndex, type LargeInteraction } from '../analysis/attribution/shapleyInteractions.js';
import { shapleyWithIntervals } from '../analysis/attribution/shapleyWithIntervals.js';
import type { IntervalEstimate } from '../analysis/attribution/intervalEstimate.js';
import { createRunStream } from '../rng/createRunStream.js';
import { inProcessExecutor, type RunExecutor, type RunTask } from './executor.js';
import { mixScenarios, scenarioDifference } from './mixScenarios.js';
import { outcomeValue, parseOutcome, type Outcome } from './outcome.js';
import { validScenario } from './simulate.js';

/** Options of {@link attribute}. */
export interface AttributeOptions {
  /** Outcomes to explain, e.g. ['fighters@24', 'territorialComeback']. Default: fighters at the horizon. */
  readonly outcomes?: readonly string[];
  /** Runs per coalition (paired across coalitions). Default 200. */
  readonly runs?: number;
  readonly seed?: number | string;
  /**
   * 'exact' (all 2^k coalitions; k ≤ 10), 'sampled' (random permutations, Castro et al. 2009) or
   * 'auto' (exact up to k = 8, where 2^k coalitions cost no more than ~64 sampled permutations;
   * sampled above). Default 'auto'.
   */
  readonly method?: 'exact' | 'sampled' | 'auto';
  /** Permutations for the sampled method. Default 64. */
  readonly permutations?: number;
  /** Interactions larger than this share of |total| are reported. Default 0.1. */
  readonly interactionThreshold?: number;
  readonly executor?: RunExecutor;
  readonly onProgress?: (done: number, total: number) => void;
}

/** The attribution of one outcome's change among the players. */
export interface OutcomeAttribution {
  readonly outcome: string;
  /** Mean outcome under the baseline (no player changed) and under the scenario (all changed). */
  readonly baseline: number;
  readonly scenario: number;
  /** Scenario − baseline, with its CI; the Shapley values add up to `total.value`. */
  readonly total: IntervalEstimate;
  /** Per player, sorted by |value|: Shapley value with its CI. */
  readonly factors: readonly (IntervalEstimate & { readonly player: string })[];
  /** Pairwise Shapley interaction indices larger than the threshold's share of |total| (exact method only). */
  readonly interactions: readonly LargeInteraction[];
}

/** What {@link attribute} returns. */
export interface Attribution {
  readonly players: readonly string[];
  readonly method: 'exact' | 'sampled';
  /** Coalitions evaluated (2^k exact; distinct permutation prefixes sampled). */
  readonly coalitions: number;
  readonly runs: number;
  readonly seed: number | string;
  readonly outcomes: readonly OutcomeAttribution[];
}

/**
 * Splits the change in outcomes between a baseline and a scenario among the factors (and
 * parameters) in which they differ, with Shapley values: every coalition S of changed factors is
 * run as its own ensemble (S from the scenario, the rest from the baseline) with common random
 * numbers across coalitions, so that the per-run values φ_i give confidence intervals. The values
 * add up to the total change (efficiency) run by run, hence exactly for the means too (to
 * floating-point rounding). Exact over all 2^k coalitions up to k = 10; by sampled permutations
 * beyond (or when asked), with CIs that include the permutation sampling.
 *
 * @example
 * const a = await attribute(SHIPPED_SCENARIOS['worst-case'], SHIPPED_SCENARIOS['baseline-2020'], { outcomes: ['fighters@24'], runs: 100 });
 * a.outcomes[0].factors[0]; // { player: 'usTroopsSyria', value: …, lower: …, upper: … }
 */
export async function attribute(scenario: unknown, baseline: unknown, options: AttributeOptions = {}): Promise<Attribution> {
  const to = validScenario(scenario);
  const from = validScenario(baseline);
  if (to.scenario.months !== from.scenario.months || to.scenario.start !== from.scenario.start) {
    throw new RangeError(
      `cannot attribute between scenarios on different calendars: ${from.scenario.name} runs ${from.scenario.months} months from ${from.scenario.start}, ${to.scenario.name} ${to.scenario.months} from ${to.scenario.start}`,
    );
  }
  const difference = scenarioDifference(from, to);
  const players = [...difference.factors, ...difference.parameters];
  const k = players.length;
  if (k === 0) throw new RangeError(`nothing to attribute: ${to.scenario.name} and ${from.scenario.name} have the same factors and parameters`);
  const method = options.method ?? 'auto';
  if (method === 'exact' && k > MAX_EXACT_PLAYERS) {
    throw new RangeError(
      `exact Shapley values need 2^${k} = ${2 ** k} coalitions for the ${k} changed factors (${players.join(', ')}); the limit is k ≤ ${MAX_EXACT_PLAYERS}: use method 'sampled' (--method sampled)`,
    );
  }
  const useExact = method === 'exact' || (method === 'auto' && k <= AUTO_EXACT_PLAYERS);
  const runs = options.runs ?? 200;
  const seed = options.seed ?? from.scenario.seed ?? 1;
  if (!Number.isInteger(runs) || runs < 2) throw new RangeError(`invalid runs: ${runs} (expected an integer ≥ 2)`);
  const outcomes: Outcome[] = (options.outcomes ?? [`fighters@${from.scenario.months}`]).map((text) => parseOutcome(text, from.scenario.months));

  // The coalitions to run, each a bit-mask over players (bit i set: player i from the scenario).
  const { masks, plan } = coalitionPlan(k, useExact, options.permutations ?? 64, seed);
  const tasks: RunTask[] = masks.map((mask) => {
    const members = new Set(players.filter((_, i) => mask & (1 << i)));
    return { scenario: mixScenarios(from, to, members, `coalition-${mask}`), seed, firstRun: 0, count: runs };
  });
  // values[o][r][c]: outcome o, run r, coalition c (common random numbers: run r shares streams).
  const values = outcomes.map(() => Array.from({ length: runs }, () => new Float64Array(masks.length)));
  await (options.executor ?? inProcessExecutor)(
    tasks,
    (task, result) => {
      outcomes.forEach((outcome, o) => {
        ((values[o] as Float64Array[])[result.run] as Float64Array)[task] = outcomeValue(outcome, result);
      });
    },
    options.onProgress,
  );

  const results = outcomes.map((outcome, o): OutcomeAttribution => {
    const perRun = values[o] as Float64Array[];
    const meanOf = (c: number) => perRun.reduce((sum, run) => sum + (run[c] as number), 0) / runs;
    if (useExact) {
      // coalitions(k) enumerates masks 0 … 2^k − 1 in order, so column c is mask c.
      const shapley = shapleyWithIntervals(players, perRun);
      const meanValues = Float64Array.from({ length: masks.length }, (_, c) => meanOf(c));
      const interactions = k >= 2 ? largeInteractions(shapleyInteractionIndex(players, meanValues), { threshold: options.interactionThreshold ?? 0.1 }) : [];
      return {
        outcome: outcome.label,
        baseline: meanOf(0),
        scenario: meanOf(masks.length - 1),
        total: shapley.total,
        factors: [...shapley.factors].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)),
        interactions,
      };
    }
    const sampled = shapleyFromPermutationValues(players, plan as NonNullable<typeof plan>, perRun);
    const full = masks.indexOf((1 << k) - 1);
    return {
      outcome: outcome.label,
      baseline: meanOf(masks.indexOf(0)),
      scenario: meanOf(full),
      total: sampled.total,
      factors: [...sampled.factors].sort((a, b) => Math.abs(b.value) - Math.abs(a.value)),
      interactions: [],
    };
  });
  return { players, method: useExact ? 'exact' : 'sampled', coalitions: masks.length, runs, seed, outcomes: results };
}

/**
 * Above this many changed factors, method 'auto' samples permutations: exact Shapley values need
 * 2^k coalitions (256 at k = 8, each an ensemble of `runs`), while 64 sampled permutations need at
 * most 64·(k − 1) + 2 distinct coalitions, fewer from k = 9 on.
 */
export const AUTO_EXACT_PLAYERS = 8;

/** The coalitions to run, as bit-masks over the players (bit i set: player i from the scenario). */
function coalitionPlan(k: number, exact: boolean, permutations: number, seed: number | string) {
  if (exact) return { masks: Array.from(coalitions(k), Number), plan: null };
  const plan = permutationCoalitions(sampledPermutations(k, permutations, createRunStream(seed, 0, 'attribution/permutations')));
  return { masks: plan.coalitions.map((members) => members.reduce((mask, bit, i) => (bit ? mask | (1 << i) : mask), 0)), plan };
}

/** What {@link attribute} will run for the same arguments, without running it. */
export interface AttributionPlan {
  readonly players: readonly string[];
  readonly method: 'exact' | 'sampled';
  /** Ensembles to run, one per coalition. */
  readonly coalitions: number;
  /** Runs per coalition. */
  readonly runs: number;
  /** Model runs in all: coalitions × runs. */
  readonly simulations: number;
}

/**
 * The work {@link attribute} would do (players, method, coalitions, model runs), computed without
 * running the model, so a caller can print a time estimate before it starts. Throws as `attribute`
 * does for an impossible request. Cost: O(2^k) for exact, O(permutations × k) for sampled.
 *
 * @example
 * attributionPlan(SHIPPED_SCENARIOS['worst-case'], SHIPPED_SCENARIOS['baseline-2020'], { runs: 100 });
 * // { players: [...12 factors], method: 'sampled', coalitions: 700, runs: 100, simulations: 70000 } (illustrative)
 */
export function attributionPlan(scenario: unknown, baseline: unknown, options: Pick<AttributeOptions, 'runs' | 'seed' | 'method' | 'permutations'> = {}): AttributionPlan {
  const to = validScenario(scenario);
  const from = validScenario(baseline);
  const difference = scenarioDifference(from, to);
  const players = [...difference.factors, ...difference.parameters];
  const k = players.length;
  if (k === 0) throw new RangeError(`nothing to attribute: ${to.scenario.name} and ${from.scenario.name} have the same factors and parameters`);
  const method = options.method ?? 'auto';
  if (method === 'exact' && k > MAX_EXACT_PLAYERS) throw new RangeError(`exact Shapley values need 2^${k} = ${2 ** k} coalitions; the limit is k ≤ ${MAX_EXACT_PLAYERS}: use method 'sampled' (--method sampled)`);
  const exact = method === 'exact' || (method === 'auto' && k <= AUTO_EXACT_PLAYERS);
  const runs = options.runs ?? 200;
  const { masks } = coalitionPlan(k, exact, options.permutations ?? 64, options.seed ?? from.scenario.seed ?? 1);
  return { players, method: exact ? 'exact' : 'sampled', coalitions: masks.length, runs, simulations: masks.length * runs };
}
