import type { RandomSource } from '../rng/randomSource.js';
import { computeAreaConditionsInto, createAreaConditions, type AreaConditions } from './conditions.js';
import type { ModelInputs } from './inputs.js';
import { EVENT_IDS, OBSERVABLE_IDS, OBSERVABLE_INDEX as O } from './observables.js';
import { stepAttacks } from './rules/attacks.js';
import { stepBreakouts } from './rules/breakouts.js';
import { stepCampEscapes } from './rules/campEscapes.js';
import { countFightersByArea, stepSplitAndCompact } from './rules/cells.js';
import { extortionWeight, stepFinance } from './rules/finance.js';
import { stepLosses } from './rules/losses.js';
import { stepMovement } from './rules/movement.js';
import { applyLeadershipShock, stepOrganisation } from './rules/organisation.js';
import { stepRecruitment } from './rules/recruitment.js';
import type { SimulationModel } from './simulationModel.js';
import { createInitialState, type ModelState } from './state.js';

/** A run's state plus its per-run scratch buffers. */
export interface ResurgenceRunState extends ModelState {
  readonly conditions: AreaConditions;
  readonly attacksByCountry: Float64Array;
  /** USD of income per unit of extortion weight, fixed at the start (see `incomeYield`). */
  readonly incomeYield: number;
  firstMonthAttacks: number;
}

/** Random streams, one per mechanism. */
export const RESURGENCE_STREAMS = ['losses', 'finance', 'recruitment', 'attacks', 'movement', 'breakouts', 'camps'] as const;

const TERRITORIAL_COMEBACK_MONTHS = 3;

/**
 * USD per unit of extortion weight, chosen so that the initial cells under the baseline's
 * month-0 conditions earn exactly the article's figure × the scenario's `extortionIncome`
 * ratio to it. Deterministic.
 */
export function incomeYield(inputs: ModelInputs, state: ModelState): number {
  const reference = createAreaConditions(inputs.areas.count);
  const baselineInputs: ModelInputs = {
    ...inputs,
    months: 1,
    factors: Object.fromEntries(
      Object.entries(inputs.baselineAtStart).map(([id, value]) => [id, Float64Array.of(value)]),
    ) as ModelInputs['factors'],
  };
  computeAreaConditionsInto(reference, baselineInputs, 0, 1);
  let weight = 0;
  for (let c = 0; c < state.cellCount; c++) {
    const area = state.cellArea[c] as number;
    weight += (state.cellFighters[c] as number) * extortionWeight(inputs.areas.mainRoads[area] as number, reference.perceivedRisk[area] as number);
  }
  return weight > 0 ? (inputs.baselineAtStart.extortionIncome * 1e6) / weight : 0;
}

/**
 * The resurgence model: cells in the 19 areas, each month (in this order) hit or hiding,
 * paid, recruiting, attacking, moving; detention sites may break and camp residents slip out;
 * cells split or dissolve; then the territory each area represents is assessed.
 */
export const resurgenceModel: SimulationModel<ModelInputs, ResurgenceRunState> = {
  name: 'resurgence',
  streams: RESURGENCE_STREAMS,
  observables: OBSERVABLE_IDS,
  events: EVENT_IDS,
  horizon: (inputs) => inputs.months,
  initialize(inputs) {
    const state = createInitialState(inputs);
    return Object.assign(state, {
      conditions: createAreaConditions(inputs.areas.count),
      attacksByCountry: new Float64Array(2),
      incomeYield: incomeYield(inputs, state),
      firstMonthAttacks: 0,
    });
  },
  step(state, inputs, month, random, row) {
    const { parameters: p, areas } = inputs;
    const stream = (name: (typeof RESURGENCE_STREAMS)[number]) => random[name] as RandomSource;
    applyLeadershipShock(state, inputs, month);
    computeAreaConditionsInto(state.conditions, inputs, month, state.iraqiForceQuality);
    const conditions = state.conditions;

    const lost = stepLosses(state, conditions, inputs, stream('losses'));
    const incomeScale = (inputs.factors.extortionIncome[month] as number) / (inputs.baselineAtStart.extortionIncome || 1);
    const finance = stepFinance(state, conditions, inputs, state.incomeYield * incomeScale, stream('finance'));
    countFightersByArea(state);
    const recruits = stepRecruitment(state, conditions, inputs, stream('recruitment'));
    state.attacksByCountry.fill(0);
    stepAttacks(state, conditions, inputs, stream('attacks'), state.attacksByCountry);
    countFightersByArea(state);
    stepMovement(state, conditions, inputs, stream('movement'));
    countFightersByArea(state);
    const breaks = stepBreakouts(state, conditions, inputs, stream('breakouts'));
    const camps = stepCampEscapes(state, conditions, inputs, month, stream('camps'));
    stepSplitAndCompact(state, inputs);
    const fighters = countFightersByArea(state);
    stepOrganisation(state, inputs, month);

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

    const attacksIraq = state.attacksByCountry[0] as number;
    const attacksSyria = state.attacksByCountry[1] as number;
    const attacks = attacksIraq + attacksSyria;
    if (month === 0) state.firstMonthAttacks = attacks;
    // Claims are a share of attacks, drawn from the attacks stream after the cells' draws.
    let claimed = 0;
    const claimsRandom = stream('attacks');
    for (let i = 0; i < attacks; i++) if (claimsRandom() < p.claimShare) claimed++;

    row[O.attacksIraq] = attacksIraq;
    row[O.attacksSyria] = attacksSyria;
    row[O.attacks] = attacks;
    row[O.claimedAttacks] = claimed;
    row[O.fighters] = fighters;
    row[O.recruits] = recruits + breaks.rejoined + camps.joined;
    row[O.losses] = lost + finance.deserted;
    row[O.income] = finance.income / 1e6;
    row[O.reserves] = state.reserves / 1e6;
    row[O.prisonersFreed] = breaks.freed;
    row[O.campEscapes] = camps.escaped;
    row[O.areasOperating] = operating;
    row[O.areasHeld] = held;

    const events = state.firstEventMonth;
    if (events[0] === -1 && month > 0 && attacks >= 2 * state.firstMonthAttacks && state.firstMonthAttacks > 0) events[0] = month;
    if (events[1] === -1 && longestHold >= TERRITORIAL_COMEBACK_MONTHS) events[1] = month;
  },
  eventMonths: (state) => state.firstEventMonth,
};
