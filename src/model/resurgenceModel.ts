import type { BinomialCache } from '../rng/randomBinomial.js';
import type { PoissonCache } from '../rng/randomPoisson.js';
import type { RandomSource } from '../rng/randomSource.js';
import { iraqTotal } from './areas.js';
import { computeAreaConditionsInto, createAreaConditions, type AreaConditions } from './conditions.js';
import type { ModelInputs } from './inputs.js';
import { EVENT_IDS, OBSERVABLE_IDS, OBSERVABLE_INDEX as O, type EventId } from './observables.js';
import { drawClaims, stepAttacks } from './rules/attacks.js';
import { stepBreakouts } from './rules/breakouts.js';
import { createCellBinomialCache, createCellPoissonCache } from './rules/cellCaches.js';
import { stepCampEscapes } from './rules/campEscapes.js';
import { countFightersByArea, stepSplitAndCompact } from './rules/cells.js';
import { extortionWeight, stepFinance } from './rules/finance.js';
import { stepLosses } from './rules/losses.js';
import { stepMovement } from './rules/movement.js';
import { applyLeadershipShock, stepOrganisation } from './rules/organisation.js';
import { stepRecruitment } from './rules/recruitment.js';
import { stepIntelligence } from './rules/intelligence.js';
import { applyScheduledEvents } from './rules/scheduledEvents.js';
import { hidingAreas, stepPosture } from './rules/posture.js';
import { assessTerritory, stepContest, withdrawnAreas } from './rules/territory.js';
import type { SimulationModel } from './simulationModel.js';
import { createInitialState, type ModelState } from './state.js';

/** A run's state plus its per-run scratch buffers. */
export interface ResurgenceRunState extends ModelState {
  readonly conditions: AreaConditions;
  readonly attacksByCountry: Float64Array;
  /** Odds and P(0) of the loss draws, per area and cell size (see `createCellBinomialCache`). */
  readonly lossCache: BinomialCache;
  /** e^(−λ) of the attack draws, per area and cell size (see `createCellPoissonCache`). */
  readonly attackCache: PoissonCache;
  /** e^(−λ) of the recruitment draws, per area and cell size. */
  readonly recruitCache: PoissonCache;
  /** Scratch: each area's room for recruits this month (see `stepRecruitment`). */
  readonly recruitRoom: Float64Array;
  /** Scratch: each area's attacks per fighter this month (see `stepAttacks`). */
  readonly attackRates: Float64Array;
  /** Scratch: each area's expected attacks this month, the per-fighter rate × fighters (see `stepContest`). */
  readonly areaAttacks: Float64Array;
  /** Scratch: each area's attractiveness this month (see `stepMovement`). */
  readonly attractiveness: Float64Array;
  /** USD of income per unit of extortion weight, fixed at the start (see `incomeYield`). */
  readonly incomeYield: number;
  firstMonthAttacks: number;
}

/** Random streams, one per mechanism. */
export const RESURGENCE_STREAMS = ['losses', 'finance', 'recruitment', 'attacks', 'claims', 'movement', 'breakouts', 'camps', 'shocks', 'events'] as const;

const TERRITORIAL_COMEBACK_MONTHS = 3;
const EVENT_INDEX = Object.fromEntries(EVENT_IDS.map((id, index) => [id, index])) as Record<EventId, number>;

/**
 * USD per unit of extortion weight, chosen so that the initial cells under the baseline's
 * month-0 conditions earn exactly the baseline's `extortionIncome` (the article's $3M a month);
 * each month the model then scales it by the scenario's `extortionIncome` over that baseline.
 * Deterministic; computed once per inputs object.
 */
export function incomeYield(inputs: ModelInputs): number {
  const cached = incomeYieldCache.get(inputs);
  if (cached !== undefined) return cached;
  const reference = createAreaConditions(inputs.areas.count);
  const baselineInputs: ModelInputs = {
    ...inputs,
    months: 1,
    factors: Object.fromEntries(
      Object.entries(inputs.baselineAtStart).map(([id, value]) => [id, Float64Array.of(value)]),
    ) as ModelInputs['factors'],
  };
  const start = createInitialState(baselineInputs);
  computeAreaConditionsInto(reference, baselineInputs, 0, start);
  let weight = 0;
  for (let c = 0; c < start.cellCount; c++) {
    const area = start.cellArea[c] as number;
    weight += (start.cellFighters[c] as number) * extortionWeight(inputs.areas.mainRoads[area] as number, reference.perceivedRisk[area] as number);
  }
  const result = weight > 0 ? (inputs.baselineAtStart.extortionIncome * 1e6) / weight : 0;
  incomeYieldCache.set(inputs, result);
  return result;
}

// The yield depends only on the inputs, which an ensemble shares: compute it once per ensemble.
const incomeYieldCache = new WeakMap<ModelInputs, number>();

/**
 * The resurgence model: cells in the 19 areas, each month (in this order) ISIS chooses its
 * posture (sustain, lie low, surge), cells are hit or hide, are paid, recruit, attack, move;
 * detention sites may break and camp residents slip out; the events the scenario schedules
 * happen (prison breaks at named sites, foreign fighters); cells split or dissolve; organisation and intelligence evolve; then the territory each area
 * represents is assessed, and the contest over it (`stepContest`) may break the morale of an
 * area's security forces, who then withdraw from the next month.
 */
export const resurgenceModel: SimulationModel<ModelInputs, ResurgenceRunState> = {
  name: 'resurgence',
  streams: RESURGENCE_STREAMS,
  observables: OBSERVABLE_IDS,
  events: EVENT_IDS,
  horizon: (inputs) => inputs.months,
  initialize(inputs) {
    const state = createInitialState(inputs);
    countFightersByArea(state);
    return Object.assign(state, {
      attackRates: new Float64Array(inputs.areas.count),
      conditions: createAreaConditions(inputs.areas.count),
      attacksByCountry: new Float64Array(2),
      attractiveness: new Float64Array(inputs.areas.count),
      areaAttacks: new Float64Array(inputs.areas.count),
      recruitRoom: new Float64Array(inputs.areas.count),
      lossCache: createCellBinomialCache(inputs.areas.count),
      attackCache: createCellPoissonCache(inputs.areas.count),
      recruitCache: createCellPoissonCache(inputs.areas.count),
      incomeYield: incomeYield(inputs),
      firstMonthAttacks: 0,
    });
  },
  step(state, inputs, month, random, row) {
    const p = inputs.parameters;
    const stream = (name: (typeof RESURGENCE_STREAMS)[number]) => random[name] as RandomSource;
    applyLeadershipShock(state, inputs, month);
    computeAreaConditionsInto(state.conditions, inputs, month, state);
    const conditions = state.conditions;
    stepPosture(state, conditions, inputs, month);
    const hiding = hidingAreas(state, conditions, inputs);

    const lost = stepLosses(state, conditions, inputs, stream('losses'), state.lossCache);
    const incomeScale = (inputs.factors.extortionIncome[month] as number) / (inputs.baselineAtStart.extortionIncome || 1);
    const finance = stepFinance(state, conditions, inputs, state.incomeYield * incomeScale, stream('finance'));
    countFightersByArea(state);
    const recruits = stepRecruitment(state, conditions, inputs, stream('recruitment'), state.recruitCache, state.recruitRoom);
    countFightersByArea(state);
    state.attacksByCountry.fill(0);
    stepAttacks(state, conditions, inputs, stream('attacks'), state.attacksByCountry, state.attackCache, stream('shocks'), state.attackRates);
    for (let a = 0; a < inputs.areas.count; a++) state.areaAttacks[a] = (state.attackRates[a] as number) * (state.areaFighters[a] as number);
    stepMovement(state, conditions, inputs, stream('movement'), state.attractiveness);
    countFightersByArea(state);
    const breaks = stepBreakouts(state, conditions, inputs, stream('breakouts'));
    const camps = stepCampEscapes(state, conditions, inputs, month, stream('camps'));
    const scheduled = applyScheduledEvents(state, inputs, month, stream('events'));
    stepSplitAndCompact(state, inputs);
    const fighters = countFightersByArea(state);
    stepOrganisation(state, inputs, month);
    stepIntelligence(state, conditions, inputs, month);

    const territory = assessTerritory(state, conditions, inputs);
    const collapsed = stepContest(state, conditions, inputs, month, state.areaAttacks);

    const attacksIraq = state.attacksByCountry[0] as number;
    const attacksSyria = state.attacksByCountry[1] as number;
    const attacks = attacksIraq + attacksSyria;
    if (month === 0) state.firstMonthAttacks = attacks;
    // Iraq's attacks first, then Syria's, from the one claims stream: the same uniforms in the
    // same order as one draw over all attacks, so the total is unchanged by the split.
    const claimedIraq = drawClaims(stream('claims'), attacksIraq, p.claimShare);
    const claimedSyria = drawClaims(stream('claims'), attacksSyria, p.claimShare);

    row[O.attacksIraq] = attacksIraq;
    row[O.attacksSyria] = attacksSyria;
    row[O.attacks] = attacks;
    row[O.claimedAttacks] = claimedIraq + claimedSyria;
    row[O.claimedAttacksIraq] = claimedIraq;
    row[O.claimedAttacksSyria] = claimedSyria;
    row[O.fighters] = fighters;
    // Per country, for sources that count one country only (an estimate of fighters "in Iraq").
    const fightersIraq = iraqTotal(inputs.areas, state.areaFighters);
    row[O.fightersIraq] = fightersIraq;
    row[O.fightersSyria] = fighters - fightersIraq;
    row[O.recruits] = recruits + breaks.rejoined + camps.joined + scheduled.joined;
    row[O.losses] = lost + finance.deserted;
    row[O.income] = finance.income / 1e6;
    row[O.reserves] = state.reserves / 1e6;
    row[O.prisonersFreed] = breaks.freed + scheduled.freed;
    row[O.campEscapes] = camps.escaped;
    row[O.areasOperating] = territory.operating;
    row[O.areasHeld] = territory.held;
    row[O.areasCollapsed] = withdrawnAreas(state);
    row[O.areasHiding] = hiding;

    const first = state.firstEventMonth;
    const doubled = month > 0 && state.firstMonthAttacks > 0 && attacks >= 2 * state.firstMonthAttacks;
    if (first[EVENT_INDEX.attacksDouble] === -1 && doubled) first[EVENT_INDEX.attacksDouble] = month;
    if (first[EVENT_INDEX.territorialComeback] === -1 && territory.longestHold >= TERRITORIAL_COMEBACK_MONTHS) {
      first[EVENT_INDEX.territorialComeback] = month;
    }
    if (first[EVENT_INDEX.forcesCollapse] === -1 && collapsed > 0) first[EVENT_INDEX.forcesCollapse] = month;
  },
  eventMonths: (state) => state.firstEventMonth,
};
