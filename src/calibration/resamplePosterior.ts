import type { RandomSource } from '../rng/randomSource.js';
import type { AbcPosterior } from './abcTypes.js';

/**
 * `count` equally weighted draws from a weighted posterior by systematic resampling: one
 * uniform u, then the draws at cumulative weights (u + m) / count, m = 0 … count − 1. Unbiased,
 * with lower variance than multinomial resampling. Returns copies of the rows.
 *
 * Cost: O(n + count). Reference: Kitagawa (1996), J. Comput. Graph. Stat. 5:1–25; Douc, Cappé &
 * Moulines (2005), "Comparison of resampling schemes for particle filtering", ISPA.
 *
 * @example
 * resamplePosterior({ samples: [[0], [1]], weights: [0.25, 0.75] }, 4, () => 0.5);
 * // [[0], [1], [1], [1]]
 */
export function resamplePosterior(
  posterior: Pick<AbcPosterior, 'samples' | 'weights'>,
  count: number,
  random: RandomSource,
): number[][] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`invalid count: ${count} (expected an integer ≥ 1)`);
  const { samples, weights } = posterior;
  let total = 0;
  for (const w of weights) total += w;
  const u = random();
  const result: number[][] = [];
  let cumulative = 0;
  let i = 0;
  for (let m = 0; m < count; m++) {
    const target = ((u + m) / count) * total;
    while (i < samples.length - 1 && cumulative + (weights[i] as number) <= target) {
      cumulative += weights[i] as number;
      i++;
    }
    result.push([...(samples[i] as number[])]);
  }
  return result;
}
