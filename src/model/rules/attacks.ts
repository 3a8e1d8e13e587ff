import type { RandomSource } from '../../rng/randomSource.js';
import { randomPoissonCached, type PoissonCache } from '../../rng/randomPoisson.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';
import { cellSlot, createCellPoissonCache } from './cellCaches.js';

/**
 * Attack: a cell launches Poisson(attackRate × fighters × coordination × network capacity ×
 * opportunity) attacks,
 * where opportunity = 0.3 + 0.7 × (1 − perceived risk) (attacks still happen under pressure,
 * more where cells move freely) and a hiding cell keeps only `hidingAttackShare` of them.
 * Adds to `attacksByCountry` ([Iraq, Syria]) and remembers e^(−λ) in `cache` (see
 * {@link createCellPoissonCache}; a run allocates one); mutates nothing else.
 *
 * Cost: O(cells), one uniform per cell with fighters (λ < 10).
 */
export function stepAttacks(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  random: RandomSource,
  attacksByCountry: Float64Array,
  cache: PoissonCache = createCellPoissonCache(inputs.areas.count),
): void {
  const { areas, parameters: p } = inputs;
  const rate = p.attackRate * state.coordination * state.networkCapacity;
  // Per-country totals in locals, added to `attacksByCountry` once: whole numbers, so exact in
  // any grouping, and no load-add-store through the same slot for every cell.
  let iraq = 0;
  let syria = 0;
  for (let c = 0; c < state.cellCount; c++) {
    const fighters = state.cellFighters[c] as number;
    if (fighters === 0) continue;
    const area = state.cellArea[c] as number;
    const opportunity = 0.3 + 0.7 * (1 - (conditions.perceivedRisk[area] as number));
    const hidingShare = state.cellHiding[c] ? p.hidingAttackShare : 1;
    const attacks = randomPoissonCached(random, rate * fighters * opportunity * hidingShare, cache, cellSlot(area, fighters));
    if (areas.isIraq[area]) iraq += attacks;
    else syria += attacks;
  }
  attacksByCountry[0] = (attacksByCountry[0] as number) + iraq;
  attacksByCountry[1] = (attacksByCountry[1] as number) + syria;
}

/**
 * How many of `attacks` ISIS claims: each is claimed with probability `claimShare`, one
 * uniform each, from a stream of its own, so that how many attacks there were never shifts the
 * draws of the next month's attacks.
 */
export function drawClaims(random: RandomSource, attacks: number, claimShare: number): number {
  let claimed = 0;
  for (let i = 0; i < attacks; i++) if (random() < claimShare) claimed++;
  return claimed;
}
