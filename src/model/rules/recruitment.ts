import type { RandomSource } from '../../rng/randomSource.js';
import { randomPoissonCached, type PoissonCache } from '../../rng/randomPoisson.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';
import { cellSlot, createCellPoissonCache } from './cellCaches.js';

/**
 * Recruit: a cell draws Poisson(recruitRate × fighters × net grievance × coordination × room)
 * new fighters. Net grievance is Epstein's (2002) activation margin G − R·P − T in the cell's
 * area, with G = sectarian tension × Sunni Arab share × (1 − legitimacy). `room` = 1 − (fighters
 * in the area / the area's mobilisable pool) makes growth logistic: recruits come from people,
 * so the empty desert hides cells but does not grow them. Needs `state.areaFighters` current.
 * Mutates the cells (and the scratch `cache`, see {@link createCellPoissonCache}, and
 * `roomByArea`, one slot per area; a run allocates both once); returns the recruits.
 *
 * Cost: O(areas + cells), one uniform per recruiting cell (λ < 10).
 *
 * @example
 * // inputs: the baseline-2020 scenario's; state: createInitialState(inputs) after
 * // countFightersByArea(state); conditions computed for month 0
 * stepRecruitment(state, conditions, inputs, createRunStream(1, 0, 'recruitment')); // 218
 */
export function stepRecruitment(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  random: RandomSource,
  cache: PoissonCache = createCellPoissonCache(inputs.areas.count),
  roomByArea: Float64Array = new Float64Array(inputs.areas.count),
): number {
  const { areas, parameters: p } = inputs;
  const rate = p.recruitRate * state.coordination;
  // Room depends only on the area while the month's recruits are drawn (areaFighters is not
  // updated cell by cell): one division per area instead of one per cell, the same doubles.
  for (let a = 0; a < areas.count; a++) {
    const pool = p.mobilisableShare * (areas.population[a] as number) * (areas.sunniArabShare[a] as number);
    roomByArea[a] = pool > 0 ? 1 - (state.areaFighters[a] as number) / pool : 0;
  }
  let recruits = 0;
  for (let c = 0; c < state.cellCount; c++) {
    const fighters = state.cellFighters[c] as number;
    if (fighters === 0) continue;
    const area = state.cellArea[c] as number;
    const grievance = conditions.netGrievance[area] as number;
    if (grievance <= 0) continue;
    const room = roomByArea[area] as number;
    if (room <= 0) continue;
    const joined = randomPoissonCached(random, rate * fighters * grievance * room, cache, cellSlot(area, fighters));
    state.cellFighters[c] = fighters + joined;
    recruits += joined;
  }
  return recruits;
}
