import type { RandomSource } from '../../rng/randomSource.js';
import { randomPoissonCached, type PoissonCache } from '../../rng/randomPoisson.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';
import { randomGammaMeanOne } from '../../rng/randomGammaMeanOne.js';
import { cellSlot, createCellPoissonCache } from './cellCaches.js';
import { areaHides, POSTURE } from './posture.js';
import { areaTargetCapacity, targetLimit } from './targets.js';

/**
 * Attack: a cell launches Poisson(attackRate × fighters × coordination × network capacity ×
 * surge × opportunity × hiding × targets × shock) attacks, where
 * - opportunity = 0.3 + 0.7 × (1 − perceived risk): attacks still happen under pressure, more
 *   where cells move freely;
 * - hiding: a hiding cell keeps only `hidingAttackShare` of them (see `areaHides`);
 * - surge = 1 + (surgeAttackMultiplier − 1) × isisCampaign in a campaign month;
 * - targets = 1 / (1 + wanted / capacity), the area's wanted attacks (the same product over its
 *   fighters) saturating towards the targets it offers (`areaTargetCapacity`): attacks need
 *   contact with people, roads and security posts, not only freedom from risk;
 * - shock: a gamma variate of mean 1 and variance `attackDispersion`, one per area and month,
 *   shared by the area's cells (`randomGammaMeanOne`), so that monthly counts are negative
 *   binomial (overdispersed, as observed), not Poisson. Drawn from the `shocks` stream, one
 *   uniform per area every month whatever happens, so that common random numbers stay aligned.
 * Needs `state.areaFighters` current. Adds to `attacksByCountry` ([Iraq, Syria]), writes the
 * per-area multiplier into `scratch` (one slot per area) and remembers e^(−λ) in `cache` (see
 * {@link createCellPoissonCache}; a run allocates both once); mutates nothing else.
 *
 * Cost: O(areas + cells), one uniform per area for the shocks and one per cell with fighters
 * (λ < 10).
 */
export function stepAttacks(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  random: RandomSource,
  attacksByCountry: Float64Array,
  cache: PoissonCache = createCellPoissonCache(inputs.areas.count),
  shocks: RandomSource = random,
  scratch: Float64Array = new Float64Array(inputs.areas.count),
): void {
  const { areas, parameters: p } = inputs;
  const capacity = areaTargetCapacity(inputs);
  const rate = p.attackRate * state.coordination * state.networkCapacity * surgeMultiplier(state, inputs);
  const dispersion = p.attackDispersion;
  for (let a = 0; a < areas.count; a++) {
    const shock = randomGammaMeanOne(shocks, dispersion);
    const opportunity = 0.3 + 0.7 * (1 - (conditions.perceivedRisk[a] as number));
    const hidingShare = areaHides(state.posture, conditions, inputs, a) ? p.hidingAttackShare : 1;
    const perFighter = rate * opportunity * hidingShare;
    scratch[a] = perFighter * targetLimit(perFighter * (state.areaFighters[a] as number), capacity[a] as number) * shock;
  }
  // Per-country totals in locals, added to `attacksByCountry` once: whole numbers, so exact in
  // any grouping, and no load-add-store through the same slot for every cell.
  let iraq = 0;
  let syria = 0;
  for (let c = 0; c < state.cellCount; c++) {
    const fighters = state.cellFighters[c] as number;
    if (fighters === 0) continue;
    const area = state.cellArea[c] as number;
    const attacks = randomPoissonCached(random, (scratch[area] as number) * fighters, cache, cellSlot(area, fighters));
    if (areas.isIraq[area]) iraq += attacks;
    else syria += attacks;
  }
  attacksByCountry[0] = (attacksByCountry[0] as number) + iraq;
  attacksByCountry[1] = (attacksByCountry[1] as number) + syria;
}

/**
 * The attack multiplier of the organisation's posture: 1 + (surgeAttackMultiplier − 1) ×
 * isisCampaign in a surge, 1 otherwise. Pure.
 */
export function surgeMultiplier(state: Pick<ModelState, 'posture' | 'campaign'>, inputs: ModelInputs): number {
  return state.posture === POSTURE.surge ? 1 + (inputs.parameters.surgeAttackMultiplier - 1) * state.campaign : 1;
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
