import { createRunStream } from '../rng/createRunStream.js';
import type { RandomSource } from '../rng/randomSource.js';
import type { SimulationContext } from './abcTypes.js';
import type { Prior } from './prior.js';

/** What `infer` receives for one replication. */
export interface InferenceContext {
  /** How many posterior draws to return (L). */
  readonly posteriorDraws: number;
  /** A stream private to this replication's inference. */
  readonly random: RandomSource;
  /** A seed private to this replication's inference (for inference methods that take a seed). */
  readonly seed: string;
  readonly replication: number;
}

/** Options of {@link sbc}. */
export interface SbcOptions<Data> {
  readonly prior: Prior;
  /** Simulates data at θ; randomness from `context` only. */
  readonly simulate: (theta: readonly number[], context: SimulationContext) => Data;
  /** The inference under test: `posteriorDraws` (approximately independent) posterior draws given data. */
  readonly infer: (data: Data, context: InferenceContext) => readonly (readonly number[])[];
  /** Number of replications N (prior draw → data → inference). */
  readonly replications: number;
  /** Posterior draws L per replication; ranks run 0 … L. */
  readonly posteriorDraws: number;
  /** Seed. Default 1. */
  readonly seed?: number | string;
  /** Called after each replication. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** The ranks of an SBC run. */
export interface SbcResult {
  readonly names: readonly string[];
  readonly posteriorDraws: number;
  /** ranks[r][k]: rank of replication r's true parameter k among its L posterior draws. */
  readonly ranks: number[][];
  /** The true parameters, one row per replication. */
  readonly truths: number[][];
}

/**
 * Simulation-based calibration (Talts et al. 2018, Algorithm 1): for each replication draw
 * θ̃ from the prior, simulate data ỹ at θ̃, ask the inference for L posterior draws given ỹ,
 * and record the rank of θ̃_k among the draws of parameter k (the number of draws below it).
 * If the inference returns the true posterior, each rank is uniform on 0 … L whatever the
 * prior, model or L (their Theorem 1); a ∪-shaped histogram means an overconfident posterior,
 * ∩-shaped an overdispersed one, and a slope a biased one. Test with
 * `rankHistogramChiSquare`. Ties (possible with discrete parameters or duplicated draws) are
 * broken uniformly at random, so ranks stay uniform.
 *
 * Replication r draws from streams keyed by (seed, r) only, so results do not depend on order.
 *
 * Cost: `replications` × (one simulation + one inference). Reference: Talts, Betancourt,
 * Simpson, Vehtari & Gelman (2018), arXiv:1804.06788; Cook, Gelman & Rubin (2006), J. Comput.
 * Graph. Stat. 15:675–692.
 *
 * @example
 * const result = sbc({ prior, simulate, infer: exactPosterior, replications: 200, posteriorDraws: 99, seed: 1 });
 * rankHistogramChiSquare(result.ranks.map((r) => r[0] as number), 99, 10).pValue; // large when infer is right
 */
export function sbc<Data>(options: SbcOptions<Data>): SbcResult {
  const { prior, replications, posteriorDraws } = options;
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError(`invalid replications: ${replications} (expected an integer ≥ 1)`);
  if (!Number.isInteger(posteriorDraws) || posteriorDraws < 1) throw new RangeError(`invalid posteriorDraws: ${posteriorDraws} (expected an integer ≥ 1)`);
  const seed = options.seed ?? 1;
  const key = `sbc/${String(seed)}`;
  const ranks: number[][] = [];
  const truths: number[][] = [];
  for (let r = 0; r < replications; r++) {
    const truth = prior.sample(createRunStream(key, r, 'prior'));
    const data = options.simulate(truth, { random: createRunStream(key, r, 'simulate'), seed: `${key}/simulate/${r}`, generation: 0, index: r });
    const draws = options.infer(data, { posteriorDraws, random: createRunStream(key, r, 'infer'), seed: `${key}/infer/${r}`, replication: r });
    if (draws.length !== posteriorDraws) throw new RangeError(`invalid inference: ${draws.length} draws (expected posteriorDraws = ${posteriorDraws})`);
    const ties = createRunStream(key, r, 'ties');
    ranks.push(
      truth.map((value, k) => {
        let below = 0;
        let equal = 0;
        for (const draw of draws) {
          const x = draw[k] as number;
          if (x < value) below++;
          else if (x === value) equal++;
        }
        return equal === 0 ? below : below + Math.floor(ties() * (equal + 1));
      }),
    );
    truths.push(truth);
    options.onProgress?.(r + 1, replications);
  }
  return { names: prior.names, posteriorDraws, ranks, truths };
}
