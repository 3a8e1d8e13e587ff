import type { RandomSource } from '../../rng/randomSource.js';
import { randomBinomial } from '../../rng/randomBinomial.js';
import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import { addCell, type ModelState } from '../state.js';

/**
 * Escapes from the camps for ISIS-affiliated families (al-Hol, Roj): unlike a prison break,
 * a steady leak, smuggled out through networks. Each area's residents (its share of the
 * `campPopulation` factor, less those who already left) leave at
 * `campEscapeRate × (1 + 3 × guard shortfall) × (1 + nearby fighters / 1000)` a month;
 * `campJoinShare` of those who leave (most are women and children) join as fighters.
 * Needs `state.areaFighters` current. Mutates `state.campEscaped` and cells; returns
 * { escaped, joined }.
 */
export function stepCampEscapes(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  month: number,
  random: RandomSource,
): { escaped: number; joined: number } {
  const { areas, parameters: p, factors } = inputs;
  const cellSize = Math.max(1, Math.round(p.fightersPerCell));
  const campPopulation = factors.campPopulation[month] as number;
  let escaped = 0;
  let joined = 0;
  for (let a = 0; a < areas.count; a++) {
    const residents = Math.max(0, Math.round((areas.campShare[a] as number) * campPopulation - (state.campEscaped[a] as number)));
    if (residents === 0) continue;
    const rate = p.campEscapeRate * (1 + 3 * (conditions.guardShortfall[a] as number)) * (1 + (state.areaFighters[a] as number) / 1000);
    const leaving = randomBinomial(random, residents, Math.min(1, rate));
    const joining = randomBinomial(random, leaving, p.campJoinShare);
    state.campEscaped[a] = (state.campEscaped[a] as number) + leaving;
    escaped += leaving;
    joined += joining;
    for (let remaining = joining; remaining > 0; remaining -= cellSize) addCell(state, a, Math.min(cellSize, remaining), 0);
  }
  return { escaped, joined };
}
