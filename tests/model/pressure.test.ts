import { describe, expect, it } from 'vitest';
import { meanField } from '../../src/meanfield/meanField.js';
import { OBSERVABLE_IDS } from '../../src/model/observables.js';
import { resurgenceModel } from '../../src/model/resurgenceModel.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { computeAreaConditionsInto, createAreaConditions } from '../../src/model/conditions.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { stepAttacks } from '../../src/model/rules/attacks.js';
import { countFightersByArea } from '../../src/model/rules/cells.js';
import { startingIntelligence, stepIntelligence } from '../../src/model/rules/intelligence.js';
import { hidingAreas, organisationalPressure, POSTURE, stepPosture } from '../../src/model/rules/posture.js';
import { areaTargetCapacity, targetLimit } from '../../src/model/rules/targets.js';
import { addCell, createInitialState } from '../../src/model/state.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

function inputs(extra: Record<string, unknown> = {}): ModelInputs {
  const parsed = parseScenario({ name: 't', question: 'q', start: '2020-05', months: 24, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return toModelInputs(parsed.value);
}

const ANBAR = 0; // IQ-ANB, the first area of data/areas-2020.json
const HOMS_BADIA = 13; // SY-HOM-E

/** The initial state of `input` (fighters counted by area) and its month-0 conditions. */
function monthZero(input: ModelInputs) {
  const state = createInitialState(input);
  countFightersByArea(state);
  const conditions = createAreaConditions(input.areas.count);
  computeAreaConditionsInto(conditions, input, 0, state);
  return { state, conditions };
}

describe('stepIntelligence', () => {
  it('stepIntelligence: sustained pressure compounds: at 1.5× tempo the targeted hazard keeps rising for months', () => {
    const input = inputs({ factors: { iraqiOperationsTempo: 1.5 } });
    const state = createInitialState(input);
    const conditions = createAreaConditions(input.areas.count);
    const hazards: number[] = [];
    for (let month = 0; month < 24; month++) {
      computeAreaConditionsInto(conditions, input, month, state);
      hazards.push(conditions.lossHazard[ANBAR] as number);
      stepIntelligence(state, conditions, input, month);
    }
    // Month 0 has the tempo but not yet the intelligence it builds.
    expect(hazards[1] as number).toBeGreaterThan(hazards[0] as number);
    expect(hazards[6] as number).toBeGreaterThan(hazards[1] as number);
    expect(hazards[23] as number).toBeGreaterThan(hazards[6] as number);
    expect(state.intelligence[ANBAR] as number).toBeGreaterThan(startingIntelligence(input)[ANBAR] as number);
  });

  it('stepIntelligence keeps the baseline’s intelligence where it starts when nothing changes (the start is its equilibrium)', () => {
    const input = inputs({ factors: { iraqGovernanceGap: 0.6, covidDiversion: 0.3 } });
    const state = createInitialState(input);
    const conditions = createAreaConditions(input.areas.count);
    computeAreaConditionsInto(conditions, input, 0, state);
    const before = Float64Array.from(state.intelligence);
    stepIntelligence(state, conditions, input, 0);
    for (let a = 0; a < input.areas.count; a++) expect(state.intelligence[a]).toBeCloseTo(before[a] as number, 12);
  });
});

describe('computeAreaConditionsInto (counter-insurgency pressure)', () => {
  it('computeAreaConditionsInto: sloppy pressure backfires: with poor intelligence a higher tempo raises grievance, with good intelligence it does not', () => {
    const calm = inputs();
    const raised = inputs({ factors: { iraqiOperationsTempo: 2 } });
    const grievance = (input: ModelInputs, intelligence: number) => {
      const state = createInitialState(input);
      state.intelligence.fill(intelligence);
      const conditions = createAreaConditions(input.areas.count);
      computeAreaConditionsInto(conditions, input, 0, state);
      return { net: conditions.netGrievance[ANBAR] as number, cooperation: conditions.cooperation[ANBAR] as number };
    };
    const sloppyCalm = grievance(calm, 0.05);
    const sloppyRaised = grievance(raised, 0.05);
    expect(sloppyRaised.cooperation).toBeLessThan(sloppyCalm.cooperation);
    const sharpCalm = grievance(calm, 0.95);
    const sharpRaised = grievance(raised, 0.95);
    expect(sharpRaised.cooperation).toBeGreaterThanOrEqual(sloppyRaised.cooperation);
    // Net grievance (what recruits) rises under sloppy pressure although the arrest risk rises too.
    expect(sloppyRaised.net - sloppyCalm.net).toBeGreaterThan(sharpRaised.net - sharpCalm.net);
  });

  it('computeAreaConditionsInto leaves the start unchanged at the baseline tempo: the hazard is that of coverage alone', () => {
    const input = inputs();
    const state = createInitialState(input);
    const conditions = createAreaConditions(input.areas.count);
    computeAreaConditionsInto(conditions, input, 0, state);
    const withoutIntelligence = createAreaConditions(input.areas.count);
    const ones = new Float64Array(input.areas.count).fill(1);
    computeAreaConditionsInto(withoutIntelligence, input, 0, { ...state, intelligence: ones, intelligenceReference: ones });
    for (let a = 0; a < input.areas.count; a++) expect(conditions.lossHazard[a]).toBeCloseTo(withoutIntelligence.lossHazard[a] as number, 12);
  });
});

describe('stepPosture', () => {
  it('stepPosture lies low above lieLowPressure, resumes only below 80% of it, and surges in a campaign month', () => {
    const input = inputs({ factors: { isisCampaign: { schedule: [{ from: 0, value: 0 }, { from: 3, value: 1 }] } } });
    const { state, conditions } = monthZero(input);
    const pressure = organisationalPressure(state, conditions, input);
    const at = (threshold: number, posture: (typeof POSTURE)[keyof typeof POSTURE], month = 0) => {
      const s = { ...state, posture };
      stepPosture(s, conditions, { ...input, parameters: { ...input.parameters, lieLowPressure: threshold } }, month);
      return s.posture;
    };
    expect(at(pressure * 0.9, POSTURE.sustain)).toBe(POSTURE.lieLow);
    expect(at(pressure * 1.1, POSTURE.sustain)).toBe(POSTURE.sustain);
    expect(at(pressure * 1.1, POSTURE.lieLow)).toBe(POSTURE.lieLow); // hysteresis: 0.8 × 1.1 < 1
    expect(at(pressure * 1.3, POSTURE.lieLow)).toBe(POSTURE.sustain);
    expect(at(pressure * 0.5, POSTURE.sustain, 3)).toBe(POSTURE.surge);
  });

  it('stepPosture: with reboundCampaignMonths > 0, resuming after at least reboundAfterMonths lying low is a campaign of that many surge months; a shorter spell, or the rule off (the default), just resumes', () => {
    const input = inputs();
    const { state, conditions } = monthZero(input);
    const pressure = organisationalPressure(state, conditions, input);
    /** Postures over `low` months above the threshold, then 6 months below 80% of it. */
    const trace = (low: number, parameters: Record<string, number>) => {
      const s = { ...state, posture: POSTURE.sustain as (typeof POSTURE)[keyof typeof POSTURE], lowMonths: 0, reboundLeft: 0 };
      const postures: number[] = [];
      for (let month = 0; month < low + 6; month++) {
        const threshold = month < low ? pressure * 0.9 : pressure * 1.5;
        stepPosture(s, conditions, { ...input, parameters: { ...input.parameters, ...parameters, lieLowPressure: threshold } }, 0);
        postures.push(s.posture);
      }
      return postures;
    };
    const { lieLow: L, sustain: S, surge: U } = POSTURE;
    expect(input.parameters.reboundCampaignMonths).toBe(0);
    expect(trace(8, {})).toEqual([L, L, L, L, L, L, L, L, S, S, S, S, S, S]);
    expect(trace(8, { reboundCampaignMonths: 3, reboundAfterMonths: 6 })).toEqual([L, L, L, L, L, L, L, L, U, U, U, S, S, S]);
    expect(trace(5, { reboundCampaignMonths: 3, reboundAfterMonths: 6 })).toEqual([L, L, L, L, L, S, S, S, S, S, S]);
  });

  it('hidingAreas (the areasHiding output): every area with fighters while lying low, none in a surge, and in between those whose hazard passes hideThreshold', () => {
    const input = inputs();
    const { state, conditions } = monthZero(input);
    const withFighters = Array.from(state.areaFighters).filter((f) => f >= 1).length;
    const hazards = Array.from(state.areaFighters).flatMap((f, a) => (f >= 1 ? [conditions.lossHazard[a] as number] : [])).sort((x, y) => x - y);
    expect(withFighters).toBeGreaterThan(3);
    expect(hidingAreas({ ...state, posture: POSTURE.lieLow }, conditions, input)).toBe(withFighters);
    expect(hidingAreas({ ...state, posture: POSTURE.surge }, conditions, input)).toBe(0);
    // A threshold between the 3rd and 4th highest hazards among the areas with fighters: 3 hide.
    const k = hazards.length;
    const threshold = ((hazards[k - 3] as number) + (hazards[k - 4] as number)) / 2;
    expect(hazards[k - 3]).toBeGreaterThan(hazards[k - 4] as number);
    const sustain = { ...input, parameters: { ...input.parameters, hideThreshold: threshold } };
    expect(hidingAreas({ ...state, posture: POSTURE.sustain }, conditions, sustain)).toBe(3);
    // An area without fighters never counts, whatever its hazard.
    const emptied = { ...state, posture: POSTURE.lieLow, areaFighters: state.areaFighters.map((f, a) => (a === ANBAR ? 0 : f)) };
    expect(hidingAreas(emptied, conditions, input)).toBe(withFighters - ((state.areaFighters[ANBAR] as number) >= 1 ? 1 : 0));
  });

  it('areasHiding: the model and the mean field report the same first month (chosen before any draw), and raised pressure makes cells hide in more areas than the baseline', () => {
    const column = OBSERVABLE_IDS.indexOf('areasHiding');
    const firstMonth = (name: string) => {
      const parsed = parseScenario({ ...(SHIPPED_SCENARIOS[name] as object), uncertainty: undefined });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
      const input = toModelInputs(parsed.value);
      const streams = Object.fromEntries(resurgenceModel.streams.map((id) => [id, createRunStream(1, 0, `resurgence/${id}`)]));
      const row = new Float64Array(OBSERVABLE_IDS.length);
      resurgenceModel.step(resurgenceModel.initialize(input), input, 0, streams, row);
      return { model: row[column] as number, meanField: meanField(input).series[column] as number };
    };
    const baseline = firstMonth('baseline-2020');
    const raised = firstMonth('pressure-raised');
    expect(baseline.meanField).toBe(baseline.model);
    expect(raised.meanField).toBe(raised.model);
    expect(raised.model).toBeGreaterThan(baseline.model);
  });
});

describe('stepAttacks (targets and shocks)', () => {
  it('stepAttacks: attacks saturate at the targets an area offers: crowding a desert area with cells barely adds attacks', () => {
    const input = inputs({ parameters: { attackDispersion: 0 } });
    const expected = (extraCells: number) => {
      const state = createInitialState(input);
      for (let i = 0; i < extraCells; i++) addCell(state, HOMS_BADIA, 12, 0);
      countFightersByArea(state);
      const conditions = createAreaConditions(input.areas.count);
      computeAreaConditionsInto(conditions, input, 0, state);
      const rates = new Float64Array(input.areas.count);
      const draws = 200;
      let syria = 0;
      for (let i = 0; i < draws; i++) {
        const byCountry = new Float64Array(2);
        stepAttacks(state, conditions, input, createRunStream('targets', i, 'a'), byCountry, undefined, createRunStream('targets', i, 's'), rates);
        syria += byCountry[1] as number;
      }
      return { syria: syria / draws, perFighter: rates[HOMS_BADIA] as number, fighters: state.areaFighters[HOMS_BADIA] as number };
    };
    const few = expected(0);
    const many = expected(500); // 6,000 more fighters in the eastern Homs Badia
    const capacity = areaTargetCapacity(input)[HOMS_BADIA] as number;
    expect(many.perFighter * many.fighters).toBeLessThan(capacity);
    expect(many.perFighter).toBeLessThan(0.5 * few.perFighter);
    // The formula, and the draws (Poisson, 200 × ~300 attacks: SE ≈ 1.2).
    const wanted = many.perFighter * many.fighters;
    expect(targetLimit(wanted, capacity)).toBeLessThan(1);
    expect(many.syria - few.syria).toBeLessThan(capacity);
  });

  it('stepAttacks: the area-month shock makes monthly counts overdispersed: Var ≈ μ + dispersion·Σ(area means²)', () => {
    const input = inputs({ parameters: { attackDispersion: 0.3 } });
    const { state, conditions } = monthZero(input);
    const rates = new Float64Array(input.areas.count);
    const draws = 4000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < draws; i++) {
      const byCountry = new Float64Array(2);
      stepAttacks(state, conditions, input, createRunStream('shock', i, 'a'), byCountry, undefined, createRunStream('shock', i, 's'), rates);
      sum += byCountry[0] as number;
      squares += (byCountry[0] as number) ** 2;
    }
    const mean = sum / draws;
    const variance = squares / draws - mean ** 2;
    // The areas' means without the shock (its mean is 1).
    const noShock = { ...input, parameters: { ...input.parameters, attackDispersion: 0 } };
    stepAttacks(state, conditions, noShock, createRunStream('shock', 0, 'a'), new Float64Array(2), undefined, createRunStream('shock', 0, 's'), rates);
    let areaSquares = 0;
    let areaMean = 0;
    for (let a = 0; a < input.areas.count; a++) {
      if (!input.areas.isIraq[a]) continue;
      const mu = (rates[a] as number) * (state.areaFighters[a] as number);
      areaSquares += mu * mu;
      areaMean += mu;
    }
    expect(Math.abs(mean - areaMean)).toBeLessThan(4 * Math.sqrt((areaMean + 0.3 * areaSquares) / draws) + 1e-9);
    const predicted = areaMean + 0.3 * areaSquares;
    expect(variance).toBeGreaterThan(2 * areaMean); // clearly more than Poisson
    // SE of a sample variance ≈ Var·sqrt(2/n) for near-normal counts; 4 SEs plus 2% for the
    // Wilson–Hilferty variance.
    expect(Math.abs(variance - predicted)).toBeLessThan(4 * predicted * Math.sqrt(2 / draws) + 0.02 * predicted);
  });
});
