import { regularizedIncompleteBeta } from '../../math/regularizedIncompleteBeta.js';

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the one-sided binomial test's p-value for k successes
 * (scipy's `binomtest(k, n, p, alternative='greater')`). Uses P(X ≥ k) = I_p(k, n − k + 1)
 * for 1 ≤ k ≤ n; 1 for k ≤ 0, 0 for k > n.
 *
 * Returns NaN unless n is a non-negative integer, k an integer and 0 ≤ p ≤ 1.
 *
 * Cost: one incomplete beta evaluation, O(√n). Reference: Abramowitz & Stegun (1964) 26.5.24.
 *
 * @example
 * binomialUpperTail(8, 10, 0.5); // 0.054687499999999854 (exact: 56/1024 = 0.0546875)
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || !(p >= 0 && p <= 1)) return NaN;
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return regularizedIncompleteBeta(p, k, n - k + 1);
}
