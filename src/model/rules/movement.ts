import type { RandomSource } from '../../rng/randomSource.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';
import { extortionWeight } from './finance.js';

/**
 * How attractive an area is to a cell: safety (1 − loss hazard scaled), road income and
 * recruits. Pure; the scale of each term makes them comparable (all roughly 0–1).
 */
export function areaAttractiveness(conditions: AreaConditions, inputs: ModelInputs, area: number): number {
  const roads = inputs.areas.mainRoads[area] as number;
  const safety = 1 - Math.min(1, 10 * (conditions.lossHazard[area] as number));
  const income = extortionWeight(roads, conditions.perceivedRisk[area] as number) / 5;
  return safety + 0.5 * income + (conditions.netGrievance[area] as number);
}

/**
 * Move: with `moveProbability` a cell looks at one neighbouring area chosen at random and
 * moves there if it is more attractive. Mutates cell areas; returns the number of moves.
 */
export function stepMovement(state: ModelState, conditions: AreaConditions, inputs: ModelInputs, random: RandomSource): number {
  const { areas, parameters: p } = inputs;
  let moves = 0;
  for (let c = 0; c < state.cellCount; c++) {
    if ((state.cellFighters[c] as number) === 0) continue;
    if (random() >= p.moveProbability) continue;
    const area = state.cellArea[c] as number;
    const first = areas.neighbourStart[area] as number;
    const degree = (areas.neighbourStart[area + 1] as number) - first;
    if (degree === 0) continue;
    const target = areas.neighbours[first + Math.floor(random() * degree)] as number;
    if (areaAttractiveness(conditions, inputs, target) > areaAttractiveness(conditions, inputs, area)) {
      state.cellArea[c] = target;
      moves++;
    }
  }
  return moves;
}
