import type { RandomSource } from '../rng/randomSource.js';

/**
 * A prior on one parameter: its support, log density and a sampler that draws from an injected
 * random source. Densities are normalised (they integrate to 1 over the support).
 */
export interface UnivariatePrior {
  /** `uniform`, `log-uniform`, `truncated-normal`, or a name of your own. */
  readonly kind: string;
  readonly lower: number;
  readonly upper: number;
  /** ln of the density at x; −Infinity outside the support. */
  logDensity(x: number): number;
  /** One draw; uses exactly one uniform from `random`. */
  sample(random: RandomSource): number;
  /** The prior's parameters as data (for output files). */
  readonly spec: Readonly<Record<string, number | string>>;
}

/** A prior on a parameter vector: names, joint log density and a sampler. */
export interface Prior {
  readonly names: readonly string[];
  /** ln of the joint density; −Infinity outside the support. */
  logDensity(theta: readonly number[]): number;
  sample(random: RandomSource): number[];
}

/**
 * The product prior of independent univariate priors, one per named parameter, in the order
 * given.
 *
 * Cost: O(dimension) per density or draw.
 *
 * @example
 * const prior = independentPrior({ attackRate: uniformPrior(0.01, 0.1), recruitRate: logUniformPrior(0.05, 0.8) });
 * prior.names;                         // ['attackRate', 'recruitRate']
 * prior.logDensity([0.05, 0.2]);       // ln(1/0.09) + ln(1/(0.2·ln 16))
 * prior.logDensity([0.5, 0.2]);        // -Infinity (outside the support)
 */
export function independentPrior(parts: Readonly<Record<string, UnivariatePrior>>): Prior & {
  readonly parts: readonly UnivariatePrior[];
} {
  const names = Object.keys(parts);
  if (names.length === 0) throw new RangeError('invalid prior: no parameters (expected at least one)');
  const list = names.map((name) => parts[name] as UnivariatePrior);
  return {
    names,
    parts: list,
    logDensity(theta) {
      if (theta.length !== list.length) return -Infinity;
      let total = 0;
      for (let k = 0; k < list.length; k++) {
        total += (list[k] as UnivariatePrior).logDensity(theta[k] as number);
        if (total === -Infinity) return total;
      }
      return total;
    },
    sample(random) {
      return list.map((part) => part.sample(random));
    },
  };
}
