import type { RandomSource } from '../../rng/randomSource.js';

/**
 * Shuffles the first `count` entries of `order` in place (Fisher–Yates, Knuth 1997, TAOCP vol. 2,
 * §3.4.2, Algorithm P), continuing from whatever order they are in: the fresh random activation
 * order of each tick in both activation modes. Takes exactly `count − 1` draws from `uniform`.
 *
 * Cost: O(count).
 *
 * @example
 * const order = Int32Array.from([0, 1, 2, 3]);
 * shuffleOrderInPlace(order, 4, schedule); // order is now a permutation of 0…3
 */
export function shuffleOrderInPlace(order: Int32Array, count: number, uniform: RandomSource): void {
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    const item = order[j] as number;
    order[j] = order[i] as number;
    order[i] = item;
  }
}
