import type { RandomSource } from '../../rng/randomSource.js';
import { randomBinomial } from '../../rng/randomBinomial.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';

/**
 * Road access × freedom of movement: the weight of one fighter's extortion opportunity in an
 * area. Freedom is 1 − perceived risk, so income falls where security is dense.
 */
export function extortionWeight(mainRoads: number, perceivedRisk: number): number {
  return mainRoads * (1 - perceivedRisk);
}

/**
 * Extort, pay, draw on the war chest, desert. Each cell earns `yieldPerWeight × fighters ×
 * weight`, pays its fighters, asks the centre for any shortfall (a transfer that coordination
 * lets through), sends cash beyond two months of pay to the centre, and loses unpaid fighters
 * at the desertion rate. Mutates cells and reserves; returns { income, deserted } in USD and
 * fighters.
 */
export function stepFinance(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  yieldPerWeight: number,
  random: RandomSource,
): { income: number; deserted: number } {
  const { areas, parameters: p } = inputs;
  let income = 0;
  let deserted = 0;
  for (let c = 0; c < state.cellCount; c++) {
    const area = state.cellArea[c] as number;
    const fighters = state.cellFighters[c] as number;
    if (fighters === 0) continue;
    const earned =
      yieldPerWeight * fighters * extortionWeight(areas.mainRoads[area] as number, conditions.perceivedRisk[area] as number);
    income += earned;
    const payroll = fighters * p.salaryPerFighter;
    let cash = (state.cellCash[c] as number) + earned - payroll;
    if (cash < 0) {
      const transfer = Math.min(-cash, state.reserves) * state.coordination;
      state.reserves -= transfer;
      cash += transfer;
    }
    if (cash < 0) {
      const unpaidShare = Math.min(1, -cash / payroll);
      const leaving = randomBinomial(random, fighters, p.desertionRate * unpaidShare);
      state.cellFighters[c] = fighters - leaving;
      deserted += leaving;
      cash = 0;
    }
    const keep = 2 * payroll;
    if (cash > keep) {
      state.reserves += cash - keep;
      cash = keep;
    }
    state.cellCash[c] = cash;
  }
  return { income, deserted };
}
