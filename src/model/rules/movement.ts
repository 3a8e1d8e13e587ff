import type { RandomSource } from '../../rng/randomSource.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';
import { extortionWeight } from './finance.js';

/**
 * How attractive an area is to a cell: safety (1 − 10 × loss hazard), road income, recruits,
 * minus crowding (fighters already there over the area's mobilisable pool: an empty desert
 * hides a few cells but cannot feed an army). Pure; each term is roughly on a 0–1 scale.
 * Needs `state.areaFighters` current.
 */
export function areaAttractiveness(state: ModelState, conditions: AreaConditions, inputs: ModelInputs, area: number): number {
  const { areas, parameters: p } = inputs;
  const roads = areas.mainRoads[area] as number;
  const safety = 1 - Math.min(1, 10 * (conditions.lossHazard[area] as number));
  const income = extortionWeight(roads, conditions.perceivedRisk[area] as number) / 5;
  const pool = p.mobilisableShare * (areas.population[area] as number) * (areas.sunniArabShare[area] as number);
  const crowding = pool > 0 ? Math.min(2, (state.areaFighters[area] as number) / pool) : 2;
  return safety + 0.5 * income + (conditions.netGrievance[area] as number) - 0.5 * crowding;
}

/**
 * Move: with `moveProbability` a cell looks at one neighbouring area chosen at random and
 * moves there if it is more attractive (as the month began: crowding is not updated move by
 * move, so the order of cells does not favour the first movers). Needs `state.areaFighters`
 * current. Mutates cell areas (and `attractiveness`, a scratch column of one slot per area that
 * a run can allocate once); returns the number of moves.
 *
 * Cost: O(areas + cells). Because crowding is frozen for the month, each area's attractiveness
 * is computed once into `attractiveness` instead of twice per considering cell; the comparisons
 * see the very same doubles, so the moves (and the two uniforms per cell) are unchanged.
 *
 * @example
 * // inputs: the baseline-2020 scenario's; state: createInitialState(inputs), with
 * // countFightersByArea(state) and conditions computed for month 0
 * const scratch = new Float64Array(inputs.areas.count);
 * stepMovement(state, conditions, inputs, createRunStream(1, 0, 'movement'), scratch); // 87 (moves)
 */
export function stepMovement(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  random: RandomSource,
  attractiveness: Float64Array = new Float64Array(inputs.areas.count),
): number {
  const { areas, parameters: p } = inputs;
  for (let a = 0; a < areas.count; a++) attractiveness[a] = areaAttractiveness(state, conditions, inputs, a);
  const moveProbability = p.moveProbability;
  const neighbourStart = areas.neighbourStart;
  const neighbours = areas.neighbours;
  const cellFighters = state.cellFighters;
  const cellArea = state.cellArea;
  const cellCount = state.cellCount;
  let moves = 0;
  for (let c = 0; c < cellCount; c++) {
    if ((cellFighters[c] as number) === 0) continue;
    // Always two uniforms per cell, used or not, so that paired runs stay aligned draw for draw.
    const considers = random() < moveProbability;
    const pick = random();
    if (!considers) continue;
    const area = cellArea[c] as number;
    const first = neighbourStart[area] as number;
    const degree = (neighbourStart[area + 1] as number) - first;
    if (degree === 0) continue;
    const target = neighbours[first + Math.floor(pick * degree)] as number;
    if ((attractiveness[target] as number) > (attractiveness[area] as number)) {
      cellArea[c] = target;
      moves++;
    }
  }
  return moves;
}
