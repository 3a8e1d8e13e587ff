import type { RandomSource } from './randomSource.js';
import { logFactorial } from './logFactorial.js';

/**
 * One Poisson(lambda) variate, exact.
 *
 * Below lambda = 10 Knuth's multiplication method (lambda + 1 uniforms on average); from 10 on
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
    const limit = Math.exp(-lambda);
    let product = random();
    let k = 0;
    while (product > limit) {
      product *= random();
      k++;
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
