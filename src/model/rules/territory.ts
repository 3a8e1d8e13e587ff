import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';

/**
 * Where ISIS stands this month. An area is *operating* when at least `operatingMinFighters`
 * are there and effective coverage is below `freedomCoverage` (cells move freely); it is *held*
 * when at least `holdMinFighters` are there and they reach `holdRatio` × the effective security
 * present. The security present is what the contest (`stepContest`) left there: after a
 * collapse only `withdrawalFloor` of it, so that a collapse, not the ratio alone, is how a
 * garrison far larger than the attackers loses an area (Mosul, June 2014). Needs
 * `state.areaFighters` current. Mutates `state.heldStreak` (consecutive months held); returns the
 * counts and the longest current streak.
 *
 * Cost: O(areas).
 *
 * @example
 * // inputs: the baseline-2020 scenario's; conditions computed for month 0
 * assessTerritory(state, conditions, inputs); // { operating: 12, held: 0, longestHold: 0 } (the initial state, fighters counted)
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

/**
 * The gap in leadership and pay of an area's security forces in month `month`, 0–1: in Iraq
 * 1 − (1 − iraqGovernanceGap)(1 − covidDiversion) (no functioning government to pay and command
 * them; units pulled onto curfew duty), in Syria 0 (no factor describes the Syrian forces' pay
 * and command). Pure.
 *
 * Cost: O(1).
 *
 * @example
 * leadershipGap(inputs, 0, 0); // 0.72 (baseline-2020, Anbar in month 0: gap 0.6, diversion 0.3)
 */
export function leadershipGap(inputs: ModelInputs, area: number, month: number): number {
  if (inputs.areas.isIraq[area] !== 1) return 0;
  const f = inputs.factors;
  return 1 - (1 - (f.iraqGovernanceGap[month] as number)) * (1 - (f.covidDiversion[month] as number));
}

/**
 * The contest over each area, after the month's fighting: the morale (cohesion) of the area's
 * security forces falls with the local balance and with sustained losses, faster where
 * leadership and pay are absent, and recovers with time; when it falls below
 * `collapseThreshold` the forces collapse and withdraw, leaving `withdrawalFloor` of their
 * personnel (see `computeAreaConditionsInto`) for `withdrawalMonths` months, after which they
 * return with morale restored. Each month, for an area whose forces are present,
 *
 *   m ← min(1, max(0, m + moraleRecoveryRate·(1 − m) − stress)),
 *   stress = [moraleRatioLoss·(r − moraleRatioOnset)⁺ + moraleAttackLoss·(k − moraleAttackOnset)⁺]
 *            × (1 + moraleLeadershipWeight·gap),
 *
 * with r = fighters / effective security (the old hold threshold's ratio, now one input of the
 * contest), k = the month's expected attacks per 1,000 effective security personnel (sustained
 * local losses: attacks are what kill soldiers), and gap = {@link leadershipGap}. Both onsets lie
 * above what the 2020 scenarios reach, so that in 2020 conditions morale never leaves 1 and no
 * run changes (the shipped posteriors were fitted on the model without the contest).
 * Deterministic: no random draws. Mutates `defenderMorale`, `withdrawnMonths` and `collapses`;
 * returns the areas that collapsed this month.
 *
 * Sources: the Iraqi parliamentary Mosul inquiry (Aug 2015) and Cordesman (CSIS, 2014) on the
 * collapse of June 2014 (absent commanders, unpaid and "ghost" soldiers, a year of
 * intimidation, then the offensive); Lyall (2020, Divided Armies) on cohesion and collapse;
 * McLauchlin (2010, Comparative Politics 42(3)) on desertion under sustained local risk. The
 * values are judgement (see the parameters).
 *
 * Cost: O(areas).
 *
 * @example
 * // areaAttacks: expected attacks per area this month (stepAttacks' per-fighter rate × fighters)
 * stepContest(state, conditions, inputs, 0, areaAttacks); // 0 in baseline-2020 (morale stays 1)
 */
export function stepContest(
  state: ModelState,
  conditions: AreaConditions,
  inputs: ModelInputs,
  month: number,
  areaAttacks: Float64Array,
): number {
  const { areas, parameters: p } = inputs;
  let collapsed = 0;
  for (let a = 0; a < areas.count; a++) {
    const withdrawn = state.withdrawnMonths[a] as number;
    if (withdrawn > 0) {
      state.withdrawnMonths[a] = withdrawn - 1;
      if (withdrawn === 1) state.defenderMorale[a] = 1;
      continue;
    }
    const security = conditions.security[a] as number;
    const fighters = state.areaFighters[a] as number;
    let stress = 0;
    if (security > 0) {
      const ratio = fighters / security;
      const intensity = (1000 * (areaAttacks[a] as number)) / security;
      const erosion = p.moraleRatioLoss * Math.max(0, ratio - p.moraleRatioOnset) + p.moraleAttackLoss * Math.max(0, intensity - p.moraleAttackOnset);
      if (erosion > 0) stress = erosion * (1 + p.moraleLeadershipWeight * leadershipGap(inputs, a, month));
    }
    const morale = state.defenderMorale[a] as number;
    // Untouched morale stays exactly 1 (no rounding drift) while nothing erodes it.
    if (stress === 0 && morale === 1) continue;
    const next = Math.min(1, Math.max(0, morale + p.moraleRecoveryRate * (1 - morale) - stress));
    state.defenderMorale[a] = next;
    if (next < p.collapseThreshold) {
      state.withdrawnMonths[a] = Math.max(1, Math.round(p.withdrawalMonths));
      state.collapses++;
      collapsed++;
    }
  }
  return collapsed;
}

/**
 * How many areas' security forces are withdrawn after a collapse (see {@link stepContest}):
 * the `areasCollapsed` output. Pure.
 *
 * Cost: O(areas).
 *
 * @example
 * withdrawnAreas(state); // 0 in baseline-2020 (morale never leaves 1)
 */
export function withdrawnAreas(state: Pick<ModelState, 'withdrawnMonths'>): number {
  let count = 0;
  for (const months of state.withdrawnMonths) if (months > 0) count++;
  return count;
}
