import type { RandomSource } from './randomSource.js';

/**
 * One Binomial(trials, probability) variate, exact.
 *
 * Why two methods: in the model most calls are small cells with small probabilities, where
 * inversion by sequential search costs a single uniform. When trials × p is large (a prison
 * break, a big cell), (1 − p)^n underflows, so we count successes by geometric waiting times
 * instead (Devroye 1986, "Non-Uniform Random Variate Generation", X.4), which costs about
 * trials × p + 1 uniforms. Probabilities above 0.5 use the mirror image.
 *
 * @example
 * randomBinomial(createRunStream(1, 0, 'demo'), 10, 0.3); // 5
 */
export function randomBinomial(random: RandomSource, trials: number, probability: number): number {
  if (trials <= 0 || probability <= 0) return 0;
  if (probability >= 1) return trials;
  if (probability > 0.5) return trials - randomBinomial(random, trials, 1 - probability);
  if (trials * probability < 10) return inversion(random, trials, probability);
  return waitingTimes(random, trials, probability);
}

/**
 * A table that remembers, per slot, the odds p / (1 − p) and P(0) = (1 − p)^n of the last
 * Binomial(n, p) drawn there: the two quantities the inversion needs before its first uniform.
 * In the model every cell of one area and size faces the same (n, p) within a month, so most
 * draws find them ready. Each slot keeps the (n, p) it holds them for, so a lookup can never
 * return a stale value.
 *
 * @example
 * const cache = createBinomialCache(64);
 * randomBinomialCached(createRunStream(1, 0, 'demo'), 10, 0.3, cache, 10); // 5, as randomBinomial's
 */
export interface BinomialCache {
  /** The p each slot holds its odds and P(0) for (NaN: empty). */
  readonly probabilities: Float64Array;
  /** The n each slot holds P(0) for. */
  readonly trials: Float64Array;
  /** p / (1 − p). */
  readonly odds: Float64Array;
  /** (1 − p)^n, by repeated squaring as the uncached draw computes it. */
  readonly massAtZero: Float64Array;
}

/**
 * An empty {@link BinomialCache} of `slots` slots.
 *
 * @example
 * createBinomialCache(2).probabilities; // Float64Array [NaN, NaN]
 */
export function createBinomialCache(slots: number): BinomialCache {
  return {
    probabilities: new Float64Array(slots).fill(NaN),
    trials: new Float64Array(slots),
    odds: new Float64Array(slots),
    massAtZero: new Float64Array(slots),
  };
}

/**
 * {@link randomBinomial} with the inversion's odds and P(0) looked up in `cache` at `slot` (any
 * slot below the cache's size; the caller picks slots so that equal (n, p) tend to share one).
 * The same uniforms and the same result as `randomBinomial(random, trials, probability)`, bit
 * for bit: only pure arithmetic is remembered. Saves a division and the squaring loop, whose
 * branches on the bits of n the processor cannot predict.
 *
 * Cost: O(1) plus the inversion walk (about n·p steps); draws with p > 0.5 or n·p ≥ 10 are not
 * cached.
 *
 * @example
 * const cache = createBinomialCache(64);
 * randomBinomialCached(createRunStream(1, 0, 'demo'), 10, 0.3, cache, 10); // 5
 */
export function randomBinomialCached(random: RandomSource, trials: number, probability: number, cache: BinomialCache, slot: number): number {
  if (trials <= 0 || probability <= 0 || probability > 0.5 || !(trials * probability < 10)) {
    return randomBinomial(random, trials, probability);
  }
  let odds: number;
  let massAtZero: number;
  if (cache.probabilities[slot] === probability && cache.trials[slot] === trials) {
    odds = cache.odds[slot] as number;
    massAtZero = cache.massAtZero[slot] as number;
  } else {
    odds = probability / (1 - probability);
    massAtZero = integerPower(1 - probability, trials);
    cache.probabilities[slot] = probability;
    cache.trials[slot] = trials;
    cache.odds[slot] = odds;
    cache.massAtZero[slot] = massAtZero;
  }
  return inversionFrom(random(), trials, odds, massAtZero);
}

function inversion(random: RandomSource, trials: number, p: number): number {
  return inversionFrom(random(), trials, p / (1 - p), integerPower(1 - p, trials));
}

/**
 * Sequential search for one uniform `u`, given the odds p / (1 − p) and P(0) = (1 − p)^trials:
 * the same operations, in the same order, whether those two come from a cache or not.
 */
function inversionFrom(u: number, trials: number, odds: number, massAtZero: number): number {
  let mass = massAtZero;
  let cumulative = mass;
  let k = 0;
  while (u > cumulative && k < trials) {
    mass *= ((trials - k) / (k + 1)) * odds;
    cumulative += mass;
    k++;
  }
  return k;
}

function waitingTimes(random: RandomSource, trials: number, p: number): number {
  const logQ = Math.log1p(-p);
  let position = 0;
  let successes = 0;
  for (;;) {
    position += Math.floor(Math.log(1 - random()) / logQ) + 1;
    if (position > trials) return successes;
    successes++;
  }
}

/**
 * base^exponent for a whole exponent by repeated squaring. Why not Math.pow: with a varying
 * exponent V8 takes its slow general path (~90 ns here against ~10 ns), and plain
 * multiplications are correctly rounded IEEE-754 operations, the same on every engine.
 */
function integerPower(base: number, exponent: number): number {
  let result = 1;
  let factor = base;
  for (let e = exponent; e > 0; e >>>= 1) {
    if (e & 1) result *= factor;
    factor *= factor;
  }
  return result;
}
