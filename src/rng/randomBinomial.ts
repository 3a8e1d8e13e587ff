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

function inversion(random: RandomSource, trials: number, p: number): number {
  const odds = p / (1 - p);
  let mass = integerPower(1 - p, trials);
  let cumulative = mass;
  const u = random();
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
