import { standardNormalCdf } from './standardNormalCdf.js';

/**
 * The standard normal upper tail 1 − Φ(x) without cancellation for large x.
 *
 * Cost: as {@link standardNormalCdf}. Reference: M. Abramowitz & I. A. Stegun (1964),
 * "Handbook of Mathematical Functions", 26.2.5 (Q(x) = Φ(−x)).
 *
 * @example
 * normalSurvival(1.959963984540054); // 0.025 (to 1e-15)
 */
export function normalSurvival(x: number): number {
  return standardNormalCdf(-x);
}
