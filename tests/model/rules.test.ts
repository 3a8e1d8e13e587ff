import { describe, expect, it } from 'vitest';
import { createAreaConditions } from '../../src/model/conditions.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { resurgenceModel, incomeYield } from '../../src/model/resurgenceModel.js';
import { stepBreakouts } from '../../src/model/rules/breakouts.js';
import { stepCampEscapes } from '../../src/model/rules/campEscapes.js';
import { assessTerritory } from '../../src/model/rules/territory.js';
import { countFightersByArea, stepSplitAndCompact } from '../../src/model/rules/cells.js';
import { stepLosses } from '../../src/model/rules/losses.js';
import { stepAttacks } from '../../src/model/rules/attacks.js';
import { stepOrganisation, applyLeadershipShock } from '../../src/model/rules/organisation.js';
import { createInitialState, addCell } from '../../src/model/state.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';
import { extortionWeight } from '../../src/model/rules/finance.js';
import { computeAreaConditionsInto } from '../../src/model/conditions.js';

function inputs(extra: Record<string, unknown> = {}): ModelInputs {
  const parsed = parseScenario({ name: 't', question: 'q', start: '2020-05', months: 12, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return toModelInputs(parsed.value);
}

describe('createInitialState', () => {
  it('createInitialState spreads initialFighters over areas with the Iraq share and cells of the cell size', () => {
    const input = inputs();
    const state = createInitialState(input);
    const total = countFightersByArea(state);
    expect(Math.abs(total - input.parameters.initialFighters)).toBeLessThanOrEqual(input.areas.count);
    let iraq = 0;
    for (let a = 0; a < input.areas.count; a++) if (input.areas.isIraq[a]) iraq += state.areaFighters[a]!;
    expect(iraq / total).toBeCloseTo(input.parameters.iraqShareOfFighters, 2);
    for (let c = 0; c < state.cellCount; c++) expect(state.cellFighters[c]!).toBeLessThanOrEqual(input.parameters.fightersPerCell);
    expect(state.reserves).toBe(100e6);
    expect(state.detainees.reduce((s, d) => s + d, 0)).toBeCloseTo(10000, -1);
  });

  it('addCell grows the columns past their capacity without losing cells', () => {
    const state = createInitialState(inputs());
    const before = state.cellCount;
    const capacity = state.cellArea.length;
    for (let i = 0; i < capacity; i++) addCell(state, 0, 1, 0);
    expect(state.cellCount).toBe(before + capacity);
    expect(state.cellArea.length).toBeGreaterThanOrEqual(state.cellCount);
  });
});

describe('incomeYield', () => {
  it('incomeYield makes the initial cells earn exactly the article\'s $3M under baseline conditions', () => {
    const input = inputs();
    const state = createInitialState(input);
    const yieldPerWeight = incomeYield(input);
    const conditions = createAreaConditions(input.areas.count);
    computeAreaConditionsInto(conditions, input, 0, state);
    let income = 0;
    for (let c = 0; c < state.cellCount; c++) {
      const a = state.cellArea[c]!;
      income += yieldPerWeight * state.cellFighters[c]! * extortionWeight(input.areas.mainRoads[a]!, conditions.perceivedRisk[a]!);
    }
    expect(income).toBeCloseTo(3e6, 3);
  });
});

describe('stepLosses', () => {
  it('stepLosses loses no one at zero hazard and everyone at hazard 1 without hiding protection', () => {
    const input = inputs({ parameters: { hideThreshold: 0.2, hidingProtection: 0.9 } });
    const state = createInitialState(input);
    const conditions = createAreaConditions(input.areas.count);
    expect(stepLosses(state, conditions, input, createRunStream(1, 0, 'x'))).toBe(0);
    conditions.lossHazard.fill(0.15); // below the hide threshold: full exposure
    const total = countFightersByArea(state);
    const lost = stepLosses(state, conditions, input, createRunStream(1, 0, 'x'));
    // Binomial(total, 0.15): within 5 standard deviations
    expect(Math.abs(lost - 0.15 * total)).toBeLessThan(5 * Math.sqrt(total * 0.15 * 0.85));
  });
});

describe('stepSplitAndCompact', () => {
  it('stepSplitAndCompact conserves fighters, removes empty cells and keeps cells at most twice the cell size', () => {
    const input = inputs();
    const state = createInitialState(input);
    state.cellFighters[0] = 100;
    state.cellFighters[1] = 0;
    const before = countFightersByArea(state);
    stepSplitAndCompact(state, input);
    expect(countFightersByArea(state)).toBe(before);
    for (let c = 0; c < state.cellCount; c++) {
      expect(state.cellFighters[c]!).toBeGreaterThan(0);
      expect(state.cellFighters[c]!).toBeLessThanOrEqual(2 * input.parameters.fightersPerCell);
    }
  });
});

describe('stepBreakouts', () => {
  it('stepBreakouts frees no one where no detainees are held, and frees some under overwhelming pressure', () => {
    const input = inputs({ parameters: { breakoutRate: 0.1 } });
    const state = createInitialState(input);
    const conditions = createAreaConditions(input.areas.count);
    state.detainees.fill(0);
    state.areaFighters.fill(1e6);
    expect(stepBreakouts(state, conditions, input, createRunStream(1, 0, 'b')).freed).toBe(0);
    const hasakah = input.areas.records.findIndex((a) => a.id === 'SY-HAS');
    state.detainees[hasakah] = 5000;
    conditions.guardShortfall[hasakah] = 1;
    const result = stepBreakouts(state, conditions, input, createRunStream(1, 0, 'b'));
    expect(result.freed).toBeGreaterThan(0);
    expect(state.detainees[hasakah]).toBe(5000 - result.freed);
    expect(result.rejoined).toBeLessThanOrEqual(result.freed);
  });
});

describe('stepCampEscapes', () => {
  it('stepCampEscapes lets residents out of the Hasakah camps only, more with a guard shortfall, and never more than live there', () => {
    const input = inputs({ parameters: { campEscapeRate: 0.01, campJoinShare: 0.3 } });
    const hasakah = input.areas.records.findIndex((a) => a.id === 'SY-HAS');
    const conditions = createAreaConditions(input.areas.count);
    const calm = createInitialState(input);
    const guarded = stepCampEscapes(calm, conditions, input, 0, createRunStream(1, 0, 'c'));
    const residents = 65406;
    // Binomial(residents, 0.01 × (1 + fighters/1000)) with no fighters counted yet: within 5 sd
    expect(Math.abs(guarded.escaped - 0.01 * residents)).toBeLessThan(5 * Math.sqrt(residents * 0.01));
    calm.campEscaped.forEach((escaped, a) => expect(escaped > 0).toBe(a === hasakah));
    const stretched = createInitialState(input);
    conditions.guardShortfall[hasakah] = 1;
    const unguarded = stepCampEscapes(stretched, conditions, input, 0, createRunStream(1, 0, 'c'));
    expect(unguarded.escaped).toBeGreaterThan(guarded.escaped);
    expect(unguarded.joined).toBeLessThanOrEqual(unguarded.escaped);
    conditions.guardShortfall[hasakah] = 1e6; // rate capped at 1: everyone leaves once, nobody twice
    const emptied = createInitialState(input);
    expect(stepCampEscapes(emptied, conditions, input, 0, createRunStream(1, 0, 'c')).escaped).toBe(residents);
    expect(stepCampEscapes(emptied, conditions, input, 1, createRunStream(1, 1, 'c')).escaped).toBe(0);
  });
});

describe('assessTerritory', () => {
  it('assessTerritory counts held areas and their streaks, resetting a streak when the area is lost', () => {
    const input = inputs();
    const state = createInitialState(input);
    const conditions = createAreaConditions(input.areas.count);
    conditions.security.fill(10_000);
    conditions.effectiveCoverage.fill(1);
    state.areaFighters.fill(0);
    state.areaFighters[3] = 6000; // ≥ 0.5 × 10,000 and ≥ 500: held
    state.areaFighters[4] = 400; // too few to hold
    expect(assessTerritory(state, conditions, input)).toEqual({ operating: 0, held: 1, longestHold: 1 });
    expect(assessTerritory(state, conditions, input).longestHold).toBe(2);
    conditions.effectiveCoverage[4] = 0.1; // 400 fighters where coverage is thin: operating
    state.areaFighters[3] = 100; // lost
    expect(assessTerritory(state, conditions, input)).toEqual({ operating: 1, held: 0, longestHold: 0 });
  });
});

describe('stepOrganisation', () => {
  it('stepOrganisation recovers half the lost coordination per half-life and erodes quality while training is suspended', () => {
    const input = inputs({ factors: { leadershipShock: { schedule: [{ from: 0, value: 0.5 }, { from: 1, value: 0 }] }, trainingSuspended: 1 } });
    const state = createInitialState(input);
    applyLeadershipShock(state, input, 0);
    expect(state.coordination).toBe(0.5);
    for (let m = 0; m < input.parameters.leadershipRecoveryHalfLife; m++) stepOrganisation(state, input, m);
    expect(state.coordination).toBeCloseTo(0.75, 12);
    expect(state.iraqiForceQuality).toBeLessThan(1);
  });

  it('a start with part of the network lost rebuilds half the gap per networkRebuildHalfLife, independently of coordination', () => {
    const input = inputs({ initialState: { networkCapacity: 0.2 }, parameters: { networkRebuildHalfLife: 6, leadershipRecoveryHalfLife: 1 } });
    const state = createInitialState(input);
    expect(state.networkCapacity).toBe(0.2);
    expect(state.coordination).toBe(1);
    for (let m = 0; m < 6; m++) stepOrganisation(state, input, m);
    expect(state.networkCapacity).toBeCloseTo(0.6, 12);
    for (let m = 6; m < 12; m++) stepOrganisation(state, input, m);
    expect(state.networkCapacity).toBeCloseTo(0.8, 12);
    expect(state.coordination).toBe(1);
  });
});

describe('stepAttacks', () => {
  it('scales the attack rate by network capacity: half the capacity, half the expected attacks', () => {
    const full = inputs();
    const half = inputs({ initialState: { networkCapacity: 0.5 } });
    const total = (input: ModelInputs) => {
      let sum = 0;
      const runs = 200;
      for (let run = 0; run < runs; run++) {
        const state = createInitialState(input);
        const conditions = createAreaConditions(input.areas.count);
        computeAreaConditionsInto(conditions, input, 0, state);
        const byCountry = new Float64Array(2);
        stepAttacks(state, conditions, input, createRunStream(5, run, 'attacks'), byCountry);
        sum += (byCountry[0] as number) + (byCountry[1] as number);
      }
      return sum / runs;
    };
    const a = total(full);
    const b = total(half);
    // Poisson totals: sd of the mean ≈ sqrt(mean/200); 6 sd of the difference.
    expect(Math.abs(b - a / 2)).toBeLessThan(6 * Math.sqrt(a / 200 + b / 200));
    expect(b).toBeLessThan(0.7 * a);
  });
});

describe('resurgenceModel', () => {
  it('resurgenceModel.step records totals consistent with their parts', () => {
    const input = inputs();
    const state = resurgenceModel.initialize(input);
    const streams = Object.fromEntries(resurgenceModel.streams.map((s) => [s, createRunStream(3, 0, s)]));
    const row = new Float64Array(resurgenceModel.observables.length);
    const k = (id: string) => resurgenceModel.observables.indexOf(id);
    let fightersBefore = countFightersByArea(state);
    for (let m = 0; m < 12; m++) {
      resurgenceModel.step(state, input, m, streams, row);
      expect(row[k('attacks')]).toBe(row[k('attacksIraq')]! + row[k('attacksSyria')]!);
      expect(row[k('claimedAttacks')]!).toBeLessThanOrEqual(row[k('attacks')]!);
      // fighters change only through recruits and losses
      expect(row[k('fighters')]).toBe(fightersBefore + row[k('recruits')]! - row[k('losses')]!);
      fightersBefore = row[k('fighters')]!;
    }
  });
});
