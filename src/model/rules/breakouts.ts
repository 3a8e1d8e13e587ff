import type { RandomSource } from '../../rng/randomSource.js';
import { randomBinomial } from '../../rng/randomBinomial.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import { addCell, type ModelState } from '../state.js';

/**
 * Break open detention sites: in each area still holding detainees, a break happens with
 * probability 1 − exp(−breakoutRate × nearby fighters / 1000 × (1 + 3 × guard shortfall)).
 * A break frees Binomial(detainees, escapeShare); Binomial(freed, rejoinShare) of them form
 * new cells there. Needs `state.areaFighters` current. Mutates detainees and cells; returns
 * { freed, rejoined }.
 */
export function stepBreakouts(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  random: RandomSource,
): { freed: number; rejoined: number } {
  const { areas, parameters: p } = inputs;
  const cellSize = Math.max(1, Math.round(p.fightersPerCell));
  let freed = 0;
  let rejoined = 0;
  for (let a = 0; a < areas.count; a++) {
    const held = state.detainees[a] as number;
    if (held <= 0) continue;
    const pressure = ((state.areaFighters[a] as number) / 1000) * (1 + 3 * (conditions.guardShortfall[a] as number));
    if (random() >= 1 - Math.exp(-p.breakoutRate * pressure)) continue;
    const escaped = randomBinomial(random, held, p.escapeShare);
    const joined = randomBinomial(random, escaped, p.rejoinShare);
    state.detainees[a] = held - escaped;
    freed += escaped;
    rejoined += joined;
    for (let remaining = joined; remaining > 0; remaining -= cellSize) addCell(state, a, Math.min(cellSize, remaining), 0);
  }
  return { freed, rejoined };
}
