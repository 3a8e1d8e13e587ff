import type { RandomSource } from '../../rng/randomSource.js';
import { randomBinomial } from '../../rng/randomBinomial.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';

/**
 * Hide or be hit: a cell hides when its area's loss hazard is above the hide threshold (fewer
 * attacks, less exposure); then each fighter is lost (killed or captured) with the area's
 * hazard. Mutates the cells; returns the fighters lost.
 */
export function stepLosses(state: ModelState, conditions: AreaConditions, inputs: ModelInputs, random: RandomSource): number {
  const p = inputs.parameters;
  let lost = 0;
  for (let c = 0; c < state.cellCount; c++) {
    const area = state.cellArea[c] as number;
    const hazard = conditions.lossHazard[area] as number;
    const hiding = hazard > p.hideThreshold;
    state.cellHiding[c] = hiding ? 1 : 0;
    const exposure = hiding ? hazard * p.hidingProtection : hazard;
    const losses = randomBinomial(random, state.cellFighters[c] as number, Math.min(1, exposure));
    state.cellFighters[c] = (state.cellFighters[c] as number) - losses;
    lost += losses;
  }
  return lost;
}
