import type { AbcCommonOptions, AbcPosterior } from './abcTypes.js';
import { checkInteger, priorPopulation } from './priorPopulation.js';

/** Options of {@link abcRejection}. */
export interface AbcRejectionOptions<Output> extends AbcCommonOptions<Output> {
  /** Simulations from the prior. */
  readonly draws: number;
  /** Share of the draws kept, the nearest ones (0 < q ≤ 1). Default 0.01. */
  readonly acceptQuantile?: number;
}

/**
 * ABC rejection: draw θ from the prior `draws` times, simulate once each, and keep the
 * ⌈q · draws⌉ draws whose summaries lie nearest the observed ones; ε is the distance of the
 * last draw kept. The kept draws are an equally weighted sample from the ABC posterior
 * π(θ | d(s(θ), s_obs) ≤ ε), which approaches the posterior given the summaries as ε → 0
 * (for sufficient summaries, the posterior itself).
 *
 * Summaries are scaled by the prior-predictive MAD of the same draws (see
 * `madScaledEuclidean`). Draw i uses only the streams of (seed, 0, i): results do not depend
 * on evaluation order. Throws a RangeError for invalid options.
 *
 * Cost: `draws` simulations plus O(draws · log draws). Reference: Pritchard, Seielstad,
 * Perez-Lezaun & Feldman (1999), Mol. Biol. Evol. 16:1791–1798; Beaumont, Zhang & Balding
 * (2002), Genetics 162:2025–2035 (quantile acceptance and scaling).
 *
 * @example
 * // y ~ N(μ, 1), one observation y = 1, prior μ ~ U(−5, 5)
 * const posterior = abcRejection({
 *   prior: independentPrior({ mu: uniformPrior(-5, 5) }),
 *   simulate: ([mu], { random }) => (mu as number) + randomStandardNormal(random),
 *   summarize: (y) => [y],
 *   observed: [1],
 *   draws: 20_000,
 *   acceptQuantile: 0.02,
 *   seed: 1,
 * });
 * posterior.samples.length; // 400
 * summarizePosterior(posterior)[0]; // { mean: 1.0203…, sd: 0.9906…, … } (the posterior is N(1, 1) inside ±5)
 */
export function abcRejection<Output>(options: AbcRejectionOptions<Output>): AbcPosterior {
  checkInteger('draws', options.draws, 1);
  const q = options.acceptQuantile ?? 0.01;
  if (!(q > 0 && q <= 1)) throw new RangeError(`invalid acceptQuantile: ${q} (expected 0 < q ≤ 1)`);
  const keep = Math.max(1, Math.ceil(q * options.draws - 1e-9));
  const population = priorPopulation(options, options.draws, keep);
  const samples = population.nearest.map((i) => population.thetas[i] as number[]);
  const distances = population.nearest.map((i) => population.distances[i] as number);
  const epsilon = distances[distances.length - 1] as number;
  const generation = {
    generation: 0,
    epsilon,
    simulations: options.draws,
    acceptanceRate: keep / options.draws,
    effectiveSampleSize: keep,
    outsidePrior: 0,
  };
  return {
    method: 'rejection',
    names: options.prior.names,
    samples,
    weights: new Array<number>(keep).fill(1 / keep),
    distances,
    summaries: population.nearest.map((i) => population.summaries[i] as number[]),
    epsilon,
    epsilonSchedule: [epsilon],
    acceptanceRates: [generation.acceptanceRate],
    generations: [generation],
    simulations: options.draws,
    effectiveSampleSize: keep,
    scales: population.scaled.scales,
    stopReason: 'rejection',
    seed: options.seed ?? 1,
  };
}
