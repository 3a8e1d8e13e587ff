import type { AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';

/**
 * ISIS's organisational posture: `sustain` (cells hide only where the local hazard passes
 * `hideThreshold`), `lieLow` (every cell hides, attacks fall to `hidingAttackShare` and exposure
 * to `hidingProtection`, while recruitment goes on: the organisation rebuilds), or `surge` (a
 * campaign month: no cell hides and attacks rise by `surgeAttackMultiplier`).
 */
export const POSTURE = { sustain: 0, lieLow: 1, surge: 2 } as const;

/** One of the {@link POSTURE} values. */
export type Posture = (typeof POSTURE)[keyof typeof POSTURE];

/**
 * The pressure ISIS feels as an organisation: the fighter-weighted mean of the areas' monthly
 * loss hazards (the loss rate it would suffer if no cell hid). Needs `state.areaFighters`
 * current. Pure. Cost: O(areas).
 *
 * @example
 * organisationalPressure(state, conditions, inputs); // 0.0235 (baseline-2020, month 0)
 */
export function organisationalPressure(state: Pick<ModelState, 'areaFighters'>, conditions: AreaConditions, inputs: ModelInputs): number {
  let weighted = 0;
  let total = 0;
  for (let a = 0; a < inputs.areas.count; a++) {
    const fighters = state.areaFighters[a] as number;
    weighted += fighters * Math.min(1, conditions.lossHazard[a] as number);
    total += fighters;
  }
  return total > 0 ? weighted / total : 0;
}

/**
 * Start of a month: ISIS chooses its posture. A campaign month (factor `isisCampaign`, or
 * a campaign the scenario schedules, ≥ 0.5) is a surge. Otherwise it lies low when the organisational pressure passes `lieLowPressure`
 * and resumes (sustain) when the pressure falls below 80% of it (hysteresis, so that it does not
 * flip every month). When it resumes after lying low for at least `reboundAfterMonths`, and
 * `reboundCampaignMonths` > 0 (off by default), it resumes with a campaign of its own: that many
 * surge months at full intensity (lie low, rebuild, return with an offensive). Sources: ISIS's retreat to the desert and "hibernation" in Iraq in late
 * 2018 under pressure, and its rebuilding there (Knights, CTC Sentinel Dec 2018; Musings on Iraq,
 * Jan 2019); its announced offensive campaigns, e.g. the 2019 "Battle of Attrition" (Knights &
 * Almeida, CTC Sentinel May 2020). Deterministic; needs `state.areaFighters` current; mutates
 * `state.posture`.
 *
 * Cost: O(areas).
 *
 * @example
 * stepPosture(state, conditions, inputs, 0); state.posture; // 0 (sustain, the baseline)
 */
export function stepPosture(state: ModelState, conditions: AreaConditions, inputs: ModelInputs, month: number): void {
  const p = inputs.parameters;
  const scheduled = inputs.events ? (inputs.events.campaign[month] as number) : 0;
  const campaign = Math.max(inputs.factors.isisCampaign[month] as number, scheduled);
  const rebounding = state.reboundLeft > 0;
  if (campaign >= 0.5 || rebounding) {
    state.posture = POSTURE.surge;
    state.campaign = rebounding ? Math.max(campaign, 1) : campaign;
    state.lowMonths = 0;
    if (rebounding) state.reboundLeft--;
    return;
  }
  state.campaign = 0;
  const threshold = p.lieLowPressure;
  const pressure = organisationalPressure(state, conditions, inputs);
  if (state.posture === POSTURE.lieLow && pressure < 0.8 * threshold) {
    // Resuming: after a long enough spell of rebuilding, with a campaign (when switched on).
    const rebound = p.reboundCampaignMonths > 0 && state.lowMonths >= p.reboundAfterMonths;
    state.lowMonths = 0;
    if (rebound) {
      state.posture = POSTURE.surge;
      state.campaign = 1;
      state.reboundLeft = p.reboundCampaignMonths - 1;
    } else {
      state.posture = POSTURE.sustain;
    }
    return;
  }
  state.posture = state.posture === POSTURE.lieLow || pressure > threshold ? POSTURE.lieLow : POSTURE.sustain;
  state.lowMonths = state.posture === POSTURE.lieLow ? state.lowMonths + 1 : 0;
}

/**
 * Whether the cells of `area` hide this month: never in a surge, always when lying low,
 * otherwise when the area's loss hazard passes `hideThreshold`. Pure.
 */
export function areaHides(posture: Posture, conditions: AreaConditions, inputs: ModelInputs, area: number): boolean {
  if (posture === POSTURE.surge) return false;
  return posture === POSTURE.lieLow || (conditions.lossHazard[area] as number) > inputs.parameters.hideThreshold;
}

/**
 * How many areas with fighters (at least one) have cells that hide this month (see
 * {@link areaHides}): every such area while ISIS lies low, none in a surge, otherwise those whose
 * loss hazard passes `hideThreshold`. The `areasHiding` output, which shows the posture at work.
 * Needs `state.areaFighters` current and `state.posture` chosen. Pure.
 *
 * Cost: O(areas).
 *
 * @example
 * hidingAreas(state, conditions, inputs); // 0 in baseline-2020's first month (no area passes the threshold)
 */
export function hidingAreas(state: Pick<ModelState, 'areaFighters' | 'posture'>, conditions: AreaConditions, inputs: ModelInputs): number {
  let count = 0;
  for (let a = 0; a < inputs.areas.count; a++) {
    if ((state.areaFighters[a] as number) >= 1 && areaHides(state.posture, conditions, inputs, a)) count++;
  }
  return count;
}
