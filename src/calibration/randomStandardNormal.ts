import { normalQuantile } from '../math/normalQuantile.js';
import type { RandomSource } from '../rng/randomSource.js';

/**
 * One standard normal variate by inversion, Φ⁻¹(u) with Wichura's AS 241: exactly one uniform
 * per draw, so that two runs sharing a stream stay aligned draw for draw (as `randomPoisson`
 * does for small means). A uniform of exactly 0 (possible from a [0, 1) source) is replaced by
 * the smallest positive double so that the result is finite.
 *
 * Cost: O(1). Reference: Devroye (1986), "Non-Uniform Random Variate Generation", §II.2
 * (inversion); Wichura (1988), Applied Statistics 37(3):477–484.
 *
 * @example
 * randomStandardNormal(createRunStream(1, 0, 'demo')); // 1.0772831295144785 (the same every time)
 */
export function randomStandardNormal(random: RandomSource): number {
  const u = random();
  return normalQuantile(u > 0 ? u : Number.MIN_VALUE);
}
