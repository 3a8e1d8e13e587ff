/**
 * The interval score of a central (1 − α) prediction interval [lower, upper] for observation y
 * (Gneiting & Raftery 2007, eq. 43): (upper − lower) + (2/α)(lower − y) if y < lower, + (2/α)(y − upper)
 * if y > upper. It rewards narrow intervals and penalises misses in proportion to their
 * distance; lower is better, in the units of y. A proper score for the α/2 and 1 − α/2 quantiles.
 *
 * Returns NaN when an argument is NaN, when α is not in (0, 1) or when upper < lower.
 *
 * Cost: O(1). Reference: T. Gneiting & A. E. Raftery (2007), JASA 102(477):359–378, §6.2, eq. 43.
 *
 * @example
 * intervalScore(10, 20, 15, 0.1); // 10 (inside: the width)
 * intervalScore(10, 20, 25, 0.1); // 110 (10 + (2 / 0.1) · 5)
 */
export function intervalScore(lower: number, upper: number, observation: number, alpha: number): number {
  if (!(alpha > 0 && alpha < 1) || !(upper >= lower) || Number.isNaN(observation)) return NaN;
  const below = observation < lower ? (2 / alpha) * (lower - observation) : 0;
  const above = observation > upper ? (2 / alpha) * (observation - upper) : 0;
  return upper - lower + below + above;
}
