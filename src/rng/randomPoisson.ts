import type { RandomSource } from './randomSource.js';
import { logFactorial } from './logFactorial.js';

/**
 * One Poisson(lambda) variate, exact.
 *
 * Below lambda = 10, inversion by sequential search: exactly one uniform per variate, so two
 * runs that share a stream (common random numbers) stay aligned draw for draw even when their
 * lambdas differ, and a small lambda costs one uniform instead of Knuth's lambda + 1. From 10 on,
 * Hörmann's transformed rejection PTRS (Hörmann 1993, "The transformed rejection method for
 * generating Poisson random variables", Insurance: Mathematics and Economics 12), which needs
 * about 2.3 uniforms whatever lambda is. The constants are Hörmann's.
 *
 * @example
 * randomPoisson(createRunStream(1, 0, 'demo'), 3); // 5
 */
export function randomPoisson(random: RandomSource, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 10) return poissonInversion(random(), lambda, Math.exp(-lambda));
  return poissonTransformedRejection(random, lambda);
}

/**
 * A table that remembers e^(−λ) per slot, for callers that draw many Poisson variates whose
 * λ repeats (in the model, every cell of the same area and size shares its λ within a month).
 * Each slot keeps the λ it was computed for; a lookup with any other λ recomputes, so a slot
 * can never return a stale value and the variates are bit-identical to {@link randomPoisson}'s.
 *
 * @example
 * const cache = createPoissonCache(64);
 * randomPoissonCached(createRunStream(1, 0, 'demo'), 3, cache, 3); // 5, as randomPoisson's
 */
export interface PoissonCache {
  /** The λ each slot holds e^(−λ) for (NaN: empty). */
  readonly lambdas: Float64Array;
  /** e^(−λ) for that λ. */
  readonly expMinusLambda: Float64Array;
}

/**
 * An empty {@link PoissonCache} of `slots` slots.
 *
 * @example
 * createPoissonCache(4).lambdas; // Float64Array [NaN, NaN, NaN, NaN]
 */
export function createPoissonCache(slots: number): PoissonCache {
  return { lambdas: new Float64Array(slots).fill(NaN), expMinusLambda: new Float64Array(slots) };
}

/**
 * {@link randomPoisson} with e^(−λ) looked up in `cache` at `slot` (any slot below the cache's
 * size; the caller picks slots so that equal λs tend to share one). The same uniforms, in the
 * same number, and the same result as `randomPoisson(random, lambda)`, bit for bit: Math.exp is
 * a pure function, so remembering its value changes nothing but the time (it was the largest
 * single cost of a model month, ~15% of a run).
 *
 * Cost: O(1) plus the inversion walk below λ = 10; one Math.exp per cache miss.
 *
 * @example
 * const cache = createPoissonCache(64);
 * randomPoissonCached(createRunStream(1, 0, 'demo'), 3, cache, 3); // 5
 */
export function randomPoissonCached(random: RandomSource, lambda: number, cache: PoissonCache, slot: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda >= 10) return poissonTransformedRejection(random, lambda);
  let expMinusLambda: number;
  if (cache.lambdas[slot] === lambda) {
    expMinusLambda = cache.expMinusLambda[slot] as number;
  } else {
    expMinusLambda = Math.exp(-lambda);
    cache.lambdas[slot] = lambda;
    cache.expMinusLambda[slot] = expMinusLambda;
  }
  return poissonInversion(random(), lambda, expMinusLambda);
}

/** Inversion by sequential search from k = 0 for one uniform `u`, given e^(−λ). */
function poissonInversion(u: number, lambda: number, expMinusLambda: number): number {
  let mass = expMinusLambda;
  let cumulative = mass;
  let k = 0;
  // The cap guards against u falling in the tail that rounding leaves above the summed CDF.
  while (u > cumulative && k < 200) {
    k++;
    mass *= lambda / k;
    cumulative += mass;
  }
  return k;
}

/** Hörmann's PTRS for λ ≥ 10 (kept out of line so the small-λ path stays small enough to inline). */
function poissonTransformedRejection(random: RandomSource, lambda: number): number {
  const sqrtLambda = Math.sqrt(lambda);
  const logLambda = Math.log(lambda);
  const b = 0.931 + 2.53 * sqrtLambda;
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <= -lambda + k * logLambda - logFactorial(k)) {
      return k;
    }
  }
}
