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
  if (lambda < 10) {
    const u = random();
    let mass = Math.exp(-lambda);
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
