import type { RandomSource } from '../../rng/randomSource.js';
import { randomPoisson } from '../../rng/randomPoisson.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';

/**
 * Recruit: a cell draws Poisson(recruitRate × fighters × net grievance × coordination) new
 * fighters. Net grievance is Epstein's (2002) activation margin G − R·P − T in the cell's area,
 * with G = sectarian tension × Sunni Arab share × (1 − legitimacy). Mutates the cells; returns
 * the recruits.
 */
export function stepRecruitment(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  random: RandomSource,
): number {
  const rate = inputs.parameters.recruitRate * state.coordination;
  let recruits = 0;
  for (let c = 0; c < state.cellCount; c++) {
    const fighters = state.cellFighters[c] as number;
    if (fighters === 0) continue;
    const grievance = conditions.netGrievance[state.cellArea[c] as number] as number;
    if (grievance <= 0) continue;
    const joined = randomPoisson(random, rate * fighters * grievance);
    state.cellFighters[c] = fighters + joined;
    recruits += joined;
  }
  return recruits;
}
