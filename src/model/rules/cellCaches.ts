import { createBinomialCache, type BinomialCache } from '../../rng/randomBinomial.js';
import { createPoissonCache, type PoissonCache } from '../../rng/randomPoisson.js';

/** Cell sizes that get a slot of their own per area; larger cells share slots (size mod 64). */
const SIZE_SLOTS = 64;

/**
 * A {@link PoissonCache} with one slot per (area, cell size below 64): within a month every cell
 * of the same area and size draws with the same λ (attacks, recruits), so e^(−λ) is computed
 * about once per slot instead of once per cell. Allocate one per mechanism per run.
 *
 * @example
 * createCellPoissonCache(19).lambdas.length; // 1216
 */
export function createCellPoissonCache(areaCount: number): PoissonCache {
  return createPoissonCache(areaCount * SIZE_SLOTS);
}

/**
 * A {@link BinomialCache} with one slot per (area, cell size below 64): within a month every
 * cell of the same area and size faces the same Binomial(fighters, hazard) of losses.
 *
 * @example
 * createCellBinomialCache(19).odds.length; // 1216
 */
export function createCellBinomialCache(areaCount: number): BinomialCache {
  return createBinomialCache(areaCount * SIZE_SLOTS);
}

/**
 * The slot of a cell of `fighters` fighters in `area` in a cache from
 * {@link createCellPoissonCache} or {@link createCellBinomialCache}. Any slot is correct (the
 * caches check their keys); this one makes equal keys meet.
 *
 * @example
 * cellSlot(2, 12); // 140
 */
export function cellSlot(area: number, fighters: number): number {
  return area * SIZE_SLOTS + (fighters & (SIZE_SLOTS - 1));
}
