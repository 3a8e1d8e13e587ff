import type { RandomSource } from './randomSource.js';

/**
 * One gamma variate with mean 1 and variance `dispersion` (shape 1/dispersion), from exactly one
 * uniform, so that two runs sharing a stream (common random numbers) stay aligned draw for draw
 * whatever their dispersions. Used as a month-level shock shared by the cells of an area: a
 * Poisson count whose mean is multiplied by it is negative binomial (gamma–Poisson), with
 * Var = μ + dispersion·μ².
 *
 * Method: the Wilson–Hilferty cube of a normal quantile (Wilson & Hilferty 1931, PNAS 17;
 * Johnson, Kotz & Balakrishnan, "Continuous Univariate Distributions" vol. 1, §17.5), the normal
 * quantile by Acklam's rational approximation (relative error < 1.2e-9), then divided by the
 * cube's exact mean so that the mean is exactly 1 for every dispersion. For dispersion ≤ 0.5
 * (shape ≥ 2) the variance is within 1% of `dispersion` (tested by moments); negative cubes,
 * possible only below −3√shape standard deviations, are set to 0. `dispersion` 0 returns 1
 * without using the uniform's value (the uniform is still drawn).
 *
 * Cost: O(1), one uniform, one log for the tails.
 *
 * @example
 * randomGammaMeanOne(createRunStream(1, 0, 'demo'), 0.1); // 1.3399 (mean 1, variance 0.1)
 */
export function randomGammaMeanOne(random: RandomSource, dispersion: number): number {
  const u = random();
  if (!(dispersion > 0)) return 1;
  const c = dispersion / 9; // 1/(9k), k = 1/dispersion
  const a = 1 - c;
  const b = Math.sqrt(c);
  const mean = a * a * a + 3 * a * b * b; // E[(a + bZ)^3]
  const root = a + b * standardNormalQuantile(u);
  return root > 0 ? (root * root * root) / mean : 0;
}

// Acklam's coefficients (P. J. Acklam, "An algorithm for computing the inverse normal
// cumulative distribution function", 2003).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const LOW = 0.02425;

/** Φ⁻¹(u) for u in (0, 1) (u = 0 is treated as the smallest positive double). */
function standardNormalQuantile(u: number): number {
  const p = u > 0 ? u : Number.MIN_VALUE;
  if (p < LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}
