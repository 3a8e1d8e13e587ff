import { quantileSorted } from '../math/quantile.js';
import { abcSimulationSeed, abcStreams } from './abcStreams.js';
import type { AbcCommonOptions, AbcGeneration, AbcPosterior } from './abcTypes.js';
import { cholesky } from '../math/cholesky.js';
import { mahalanobisSquared } from '../math/mahalanobisSquared.js';
import { checkInteger, priorPopulation } from './priorPopulation.js';
import { randomStandardNormal } from './randomStandardNormal.js';
import { effectiveSampleSize, normalizeWeights, pickIndex, weightedCovariance } from './weightedStatistics.js';

/** Options of {@link abcSmc}; all but the common ones are optional. */
export interface AbcSmcOptions<Output> extends AbcCommonOptions<Output> {
  /** Particles per generation. Default 200. */
  readonly particles?: number;
  /** Prior draws in generation 0, of which the `particles` nearest are kept. Default 2 × particles. */
  readonly initialDraws?: number;
  /** ε of generation g is this quantile of generation g − 1's distances. Default 0.5. */
  readonly epsilonQuantile?: number;
  /** Stop once ε reaches this value. Default 0. */
  readonly targetEpsilon?: number;
  /**
   * Acceptance-rate floor: a generation that would end below it (it has used particles / rate
   * simulations without filling up) is abandoned and the previous one returned. 0 disables it.
   * Default 0.01.
   */
  readonly minAcceptanceRate?: number;
  /** Most generations, generation 0 included. Default 10. */
  readonly maxGenerations?: number;
  /** Simulation budget; a generation cut short by it is discarded. Default Infinity. */
  readonly maxSimulations?: number;
}

/** Defaults of {@link AbcSmcOptions}. */
export const ABC_SMC_DEFAULTS = {
  particles: 200,
  epsilonQuantile: 0.5,
  targetEpsilon: 0,
  minAcceptanceRate: 0.01,
  maxGenerations: 10,
  maxSimulations: Infinity,
} as const;

/** Most proposals outside the prior's support per particle before giving up. */
const MAX_OUTSIDE_PER_PARTICLE = 10_000;

/**
 * ABC sequential Monte Carlo, the population Monte Carlo sampler of Beaumont, Cornuet, Marin &
 * Robert (2009) (ABC-SMC of Toni et al. 2009 with their weights):
 *
 * 1. Generation 0: `initialDraws` draws from the prior; the `particles` nearest are kept, ε₀ is
 *    the distance of the last one; the distance's scales are the prior-predictive MADs of these
 *    draws and stay fixed afterwards.
 * 2. Generation g: ε_g = max(target, the α-quantile of generation g − 1's distances) (an
 *    adaptive schedule in the spirit of Del Moral, Doucet & Jasra 2012 and Drovandi & Pettitt
 *    2011); when ties (discrete summaries) keep that quantile at ε_{g−1}, the largest distance
 *    below ε_{g−1} is used instead, so ε always decreases. Proposals pick a particle θ_j with probability w_j and perturb it with a Gaussian
 *    kernel of covariance 2·Σ, Σ the weighted covariance of generation g − 1 (Beaumont et al.
 *    2009, §3; the factor 2 minimises the KL divergence to the next target, Filippi et al.
 *    2013). Proposals outside the prior's support are dropped without simulating. A proposal is
 *    accepted when its simulated summaries lie within ε_g; the first `particles` accepted (in
 *    draw-index order) form the generation.
 * 3. Weights: w_i ∝ π(θ_i) / Σ_j w_j K(θ_i | θ_j) (Beaumont et al. 2009, eq. 3; Toni et al.
 *    2009, Alg. 4), computed in log space.
 *
 * Stops when ε reaches `targetEpsilon`, after `maxGenerations`, when a generation's
 * acceptance rate would fall below `minAcceptanceRate` (it is abandoned once it has used
 * particles / minAcceptanceRate simulations), or when `maxSimulations` runs out; an abandoned
 * generation is discarded (its simulations still count) and the last complete one returned.
 *
 * Reproducible: draw i of generation g uses only the streams of (seed, g, i) for its proposal
 * and its simulation, so the result does not depend on evaluation order.
 *
 * Cost: the simulations, plus O(particles² · d²) per generation for the weights.
 * References: Toni, Welch, Strelkowa, Ipsen & Stumpf (2009), J. R. Soc. Interface 6:187–202;
 * Beaumont, Cornuet, Marin & Robert (2009), Biometrika 96(4):983–990; Del Moral, Doucet & Jasra
 * (2012), Stat. Comput. 22:1009–1020; Filippi, Barnes, Cornebise & Stumpf (2013), Stat. Appl.
 * Genet. Mol. Biol. 12:87–107.
 *
 * @example
 * const posterior = abcSmc({
 *   prior: independentPrior({ mu: uniformPrior(-5, 5) }),
 *   simulate: ([mu], { random }) => (mu as number) + randomStandardNormal(random) / 10,
 *   summarize: (y) => [y],
 *   observed: [1],
 *   particles: 200,
 *   maxGenerations: 6,
 *   seed: 1,
 * });
 * posterior.epsilonSchedule.map((e) => +e.toPrecision(3)); // [0.659, 0.321, 0.157, 0.0721, 0.0334, 0.0151]
 * posterior.simulations; // 3787
 */
export function abcSmc<Output>(options: AbcSmcOptions<Output>): AbcPosterior {
  const particles = options.particles ?? ABC_SMC_DEFAULTS.particles;
  checkInteger('particles', particles, 2);
  const initialDraws = options.initialDraws ?? 2 * particles;
  checkInteger('initialDraws', initialDraws, particles);
  const alpha = options.epsilonQuantile ?? ABC_SMC_DEFAULTS.epsilonQuantile;
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`invalid epsilonQuantile: ${alpha} (expected 0 < α < 1)`);
  const targetEpsilon = options.targetEpsilon ?? ABC_SMC_DEFAULTS.targetEpsilon;
  if (!(targetEpsilon >= 0)) throw new RangeError(`invalid targetEpsilon: ${targetEpsilon} (expected a number ≥ 0)`);
  const minAcceptanceRate = options.minAcceptanceRate ?? ABC_SMC_DEFAULTS.minAcceptanceRate;
  if (!(minAcceptanceRate >= 0 && minAcceptanceRate <= 1)) {
    throw new RangeError(`invalid minAcceptanceRate: ${minAcceptanceRate} (expected 0 to 1)`);
  }
  const maxGenerations = options.maxGenerations ?? ABC_SMC_DEFAULTS.maxGenerations;
  checkInteger('maxGenerations', maxGenerations, 1);
  const maxSimulations = options.maxSimulations ?? ABC_SMC_DEFAULTS.maxSimulations;
  if (!(maxSimulations >= initialDraws)) {
    throw new RangeError(`invalid maxSimulations: ${maxSimulations} (expected at least initialDraws = ${initialDraws})`);
  }
  const seed = options.seed ?? 1;
  const streams = options.streams ?? abcStreams(seed);
  const { prior } = options;
  const dimension = prior.names.length;

  const start = priorPopulation(options, initialDraws, particles);
  const distanceOf = start.scaled.distance;
  let samples = start.nearest.map((i) => start.thetas[i] as number[]);
  let summaries = start.nearest.map((i) => start.summaries[i] as number[]);
  let distances = start.nearest.map((i) => start.distances[i] as number);
  let weights = new Array<number>(particles).fill(1 / particles);
  let simulations = initialDraws;
  const generations: AbcGeneration[] = [
    {
      generation: 0,
      epsilon: distances[particles - 1] as number,
      simulations: initialDraws,
      acceptanceRate: particles / initialDraws,
      effectiveSampleSize: particles,
      outsidePrior: 0,
    },
  ];
  let stopReason: AbcPosterior['stopReason'] = 'max-generations';
  if ((distances[particles - 1] as number) <= targetEpsilon) stopReason = 'target-epsilon';

  for (let g = 1; g < maxGenerations && stopReason === 'max-generations'; g++) {
    const epsilon = nextEpsilon(distances, alpha, (generations[g - 1] as AbcGeneration).epsilon, targetEpsilon);
    const kernel = cholesky(weightedCovariance(samples, weights).map((row) => row.map((v) => 2 * v)));
    const cumulative: number[] = [];
    let running = 0;
    for (const w of weights) cumulative.push((running += w));

    const next: number[][] = [];
    const nextSummaries: number[][] = [];
    const nextDistances: number[] = [];
    const nextLogPrior: number[] = [];
    let generationSimulations = 0;
    let outsidePrior = 0;
    let abandoned: 'max-simulations' | 'min-acceptance' | undefined;
    // A generation that has used particles / minAcceptanceRate simulations without filling up
    // would end below the floor: abandon it (this also ends runs whose ε can no longer be met).
    const floorSimulations = minAcceptanceRate > 0 ? particles / minAcceptanceRate : Infinity;
    for (let i = 0; next.length < particles; i++) {
      if (simulations >= maxSimulations) {
        abandoned = 'max-simulations';
        break;
      }
      if (generationSimulations >= floorSimulations) {
        abandoned = 'min-acceptance';
        break;
      }
      const random = streams(g, i, 'proposal');
      const ancestor = samples[pickIndex(cumulative, random)] as number[];
      const z = Array.from({ length: dimension }, () => randomStandardNormal(random));
      const theta = ancestor.map((value, a) => {
        let shift = 0;
        const row = kernel[a] as number[];
        for (let b = 0; b <= a; b++) shift += (row[b] as number) * (z[b] as number);
        return value + shift;
      });
      const logPrior = prior.logDensity(theta);
      if (logPrior === -Infinity) {
        outsidePrior++;
        if (outsidePrior > MAX_OUTSIDE_PER_PARTICLE * particles) {
          throw new RangeError('invalid prior: the perturbation kernel almost never lands inside its support');
        }
        continue;
      }
      const output = options.simulate(theta, { random: streams(g, i, 'simulate'), seed: abcSimulationSeed(seed, g, i), generation: g, index: i });
      const summary = [...options.summarize(output)];
      const distance = distanceOf(summary);
      simulations++;
      generationSimulations++;
      if (distance <= epsilon && distance < Infinity) {
        next.push(theta);
        nextSummaries.push(summary);
        nextDistances.push(distance);
        nextLogPrior.push(logPrior);
      }
      options.onProgress?.({ generation: g, accepted: next.length, needed: particles, simulations, epsilon });
    }
    if (abandoned) {
      stopReason = abandoned;
      break;
    }

    // Importance weights π(θ_i) / Σ_j w_j K(θ_i | θ_j); K's normalising constant is common to all.
    const logWeights = next.map((theta, i) => {
      const terms = samples.map((previous, j) => Math.log(weights[j] as number) - 0.5 * mahalanobisSquared(kernel, theta.map((v, a) => v - (previous[a] as number))));
      return (nextLogPrior[i] as number) - logSumExp(terms);
    });
    const maxLog = Math.max(...logWeights);
    weights = normalizeWeights(logWeights.map((lw) => Math.exp(lw - maxLog)));
    samples = next;
    summaries = nextSummaries;
    distances = nextDistances;
    const acceptanceRate = particles / generationSimulations;
    generations.push({ generation: g, epsilon, simulations: generationSimulations, acceptanceRate, effectiveSampleSize: effectiveSampleSize(weights), outsidePrior });
    if (epsilon <= targetEpsilon) stopReason = 'target-epsilon';
  }

  const last = generations[generations.length - 1] as AbcGeneration;
  return {
    method: 'smc',
    names: prior.names,
    samples,
    weights,
    distances,
    summaries,
    epsilon: last.epsilon,
    epsilonSchedule: generations.map((g) => g.epsilon),
    acceptanceRates: generations.map((g) => g.acceptanceRate),
    generations,
    simulations,
    effectiveSampleSize: effectiveSampleSize(weights),
    scales: start.scaled.scales,
    stopReason,
    seed,
  };
}

/**
 * ε of the next generation: the α-quantile of the current distances, forced below the current
 * ε. With discrete summaries many distances tie, and the quantile can equal the current ε
 * forever (e.g. half the particles at distance 1); then the largest distance below the current
 * ε is used, or α·ε if there is none. Never below the target.
 */
function nextEpsilon(distances: readonly number[], alpha: number, current: number, target: number): number {
  const sorted = Float64Array.from(distances).sort();
  let epsilon = quantileSorted(sorted, alpha);
  if (!(epsilon < current)) {
    let below = -Infinity;
    for (const d of sorted) if (d < current && d > below) below = d;
    epsilon = below > -Infinity ? below : alpha * current;
  }
  return Math.max(target, epsilon);
}

function logSumExp(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  if (max === -Infinity) return -Infinity;
  let total = 0;
  for (const v of values) total += Math.exp(v - max);
  return max + Math.log(total);
}
