import type { RandomSource } from '../rng/randomSource.js';
import type { UnivariatePrior } from './prior.js';

/**
 * The uniform prior on [lower, upper]: density 1 / (upper − lower). The usual choice for a
 * parameter whose documented range is all we know and whose scale is additive.
 *
 * Throws a RangeError (`invalid uniform prior: …`) unless lower < upper, both finite.
 *
 * Cost: O(1) per density or draw. Reference: Gelman et al. (2013), Bayesian Data Analysis,
 * 3rd ed., §2.8 (noninformative priors on a bounded range).
 *
 * @example
 * const p = uniformPrior(0, 4);
 * Math.exp(p.logDensity(1)); // 0.25
 * p.logDensity(5);           // -Infinity
 */
export function uniformPrior(lower: number, upper: number): UnivariatePrior {
  if (!(Number.isFinite(lower) && Number.isFinite(upper) && lower < upper)) {
    throw new RangeError(`invalid uniform prior: [${lower}, ${upper}] (expected finite lower < upper)`);
  }
  const logWidth = Math.log(upper - lower);
  return {
    kind: 'uniform',
    lower,
    upper,
    spec: { kind: 'uniform', lower, upper },
    logDensity: (x) => (x >= lower && x <= upper ? -logWidth : -Infinity),
    sample: (random: RandomSource) => lower + random() * (upper - lower),
  };
}
