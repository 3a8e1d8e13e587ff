import type { RandomSource } from '../../rng/randomSource.js';
import { randomBinomialCached, type BinomialCache } from '../../rng/randomBinomial.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';
import { cellSlot, createCellBinomialCache } from './cellCaches.js';
import { areaHides } from './posture.js';

/**
 * Hide or be hit: a cell hides when its area's loss hazard is above the hide threshold, or when
 * the organisation lies low, and never in a surge (see `areaHides`; fewer attacks, less
 * exposure); then each fighter is lost (killed or captured) with the area's
 * hazard. Mutates the cells (and `cache`, see {@link createCellBinomialCache}; a run allocates
 * one); returns the fighters lost.
 *
 * Cost: O(cells), one uniform per cell with fighters (n·p < 10).
 *
 * @example
 * // inputs: the baseline-2020 scenario's; conditions computed for month 0
 * stepLosses(createInitialState(inputs), conditions, inputs, createRunStream(1, 0, 'losses')); // 331
 */
export function stepLosses(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  random: RandomSource,
  cache: BinomialCache = createCellBinomialCache(inputs.areas.count),
): number {
  const p = inputs.parameters;
  let lost = 0;
  for (let c = 0; c < state.cellCount; c++) {
    const area = state.cellArea[c] as number;
    const hazard = conditions.lossHazard[area] as number;
    const hiding = areaHides(state.posture, conditions, inputs, area);
    state.cellHiding[c] = hiding ? 1 : 0;
    const exposure = hiding ? hazard * p.hidingProtection : hazard;
    const fighters = state.cellFighters[c] as number;
    const losses = randomBinomialCached(random, fighters, Math.min(1, exposure), cache, cellSlot(area, fighters));
    state.cellFighters[c] = fighters - losses;
    lost += losses;
  }
  return lost;
}
