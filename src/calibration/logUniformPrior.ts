import type { RandomSource } from '../rng/randomSource.js';
import type { UnivariatePrior } from './prior.js';

/**
 * The log-uniform (reciprocal) prior on [lower, upper], 0 < lower < upper: ln x is uniform,
 * density 1 / (x · ln(upper / lower)). The usual choice for a positive rate whose order of
 * magnitude is uncertain (a range spanning a factor of 5 or more).
 *
 * Throws a RangeError (`invalid log-uniform prior: …`) unless 0 < lower < upper < ∞.
 *
 * Cost: O(1). Reference: Jeffreys (1961), Theory of Probability, §3.1 (the dv/v prior for a
 * scale); Gelman et al. (2013), Bayesian Data Analysis, 3rd ed., §2.8.
 *
 * @example
 * const p = logUniformPrior(1, Math.E);
 * Math.exp(p.logDensity(2)); // 0.5 (= 1 / (2 · ln e))
 */
export function logUniformPrior(lower: number, upper: number): UnivariatePrior {
  if (!(lower > 0 && Number.isFinite(upper) && lower < upper)) {
    throw new RangeError(`invalid log-uniform prior: [${lower}, ${upper}] (expected 0 < lower < upper)`);
  }
  const logLower = Math.log(lower);
  const logRatio = Math.log(upper) - logLower;
  const logNormaliser = Math.log(logRatio);
  return {
    kind: 'log-uniform',
    lower,
    upper,
    spec: { kind: 'log-uniform', lower, upper },
    logDensity: (x) => (x >= lower && x <= upper ? -Math.log(x) - logNormaliser : -Infinity),
    sample: (random: RandomSource) => Math.min(upper, Math.max(lower, Math.exp(logLower + random() * logRatio))),
  };
}
