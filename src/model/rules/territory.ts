import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';

/**
 * Where ISIS stands this month. An area is *operating* when at least `operatingMinFighters`
 * are there and effective coverage is below `freedomCoverage` (cells move freely); it is *held*
 * when at least `holdMinFighters` are there and they reach `holdRatio` × the effective security
 * present. Needs `state.areaFighters` current. Mutates `state.heldStreak` (consecutive months
 * held); returns the counts and the longest current streak.
 */
export function assessTerritory(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
): { operating: number; held: number; longestHold: number } {
  const { areas, parameters: p } = inputs;
  let operating = 0;
  let held = 0;
  let longestHold = 0;
  for (let a = 0; a < areas.count; a++) {
    const present = state.areaFighters[a] as number;
    if (present >= p.operatingMinFighters && (conditions.effectiveCoverage[a] as number) < p.freedomCoverage) operating++;
    const holds = present >= p.holdMinFighters && present >= p.holdRatio * (conditions.security[a] as number);
    state.heldStreak[a] = holds ? (state.heldStreak[a] as number) + 1 : 0;
    if (holds) held++;
    longestHold = Math.max(longestHold, state.heldStreak[a] as number);
  }
  return { operating, held, longestHold };
}
