import { regularizedGammaQ } from './incompleteGamma.js';

/**
 * P(X > x) for X ~ χ²(degreesOfFreedom): the p-value of a chi-square statistic, equal to the
 * regularized upper incomplete gamma function Q(k/2, x/2).
 *
 * Returns 1 for x ≤ 0 and NaN when degreesOfFreedom is not positive.
 *
 * Cost: as {@link regularizedGammaQ}. Reference: Abramowitz & Stegun (1964) 26.4.19.
 *
 * @example
 * chiSquareSurvival(3.841458820694124, 1); // 0.05 (to 1e-12)
 * chiSquareSurvival(21.665994333461924, 9); // 0.01 (to 1e-12)
 */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  if (!(degreesOfFreedom > 0)) return NaN;
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(degreesOfFreedom / 2, x / 2);
}
