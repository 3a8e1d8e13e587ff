import { describe, expect, it } from 'vitest';
import { computeAreaConditionsInto, createAreaConditions, usPresenceIraq, usPresenceSyria } from '../../src/model/conditions.js';
import type { FactorId } from '../../src/model/factors.js';
import type { ModelInputs } from '../../src/model/inputs.js';
import { createInitialState } from '../../src/model/state.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

function inputsWith(factors: Partial<Record<FactorId, number>>): ModelInputs {
  const parsed = parseScenario({ name: 't', question: 'q', start: '2020-05', months: 1, factors });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return toModelInputs(parsed.value);
}

function conditions(factors: Partial<Record<FactorId, number>>, quality = 1) {
  const inputs = inputsWith(factors);
  const out = createAreaConditions(inputs.areas.count);
  computeAreaConditionsInto(out, inputs, 0, { ...createInitialState(inputs), iraqiForceQuality: quality });
  return { out, areas: inputs.areas };
}

const iraqi = (areas: ModelInputs['areas']) => [...areas.isIraq.keys()].filter((a) => areas.isIraq[a] === 1);
const syrian = (areas: ModelInputs['areas']) => [...areas.isIraq.keys()].filter((a) => areas.isIraq[a] === 0);

describe('usPresenceIraq / usPresenceSyria', () => {
  it('usPresenceIraq is 1 at the Mar 2020 posture and 0 without troops or bases', () => {
    expect(usPresenceIraq(5000, 5)).toBe(1);
    expect(usPresenceIraq(0, 5)).toBe(0);
    expect(usPresenceIraq(5000, 0)).toBe(0);
    expect(usPresenceIraq(3000, 2)).toBeCloseTo(Math.sqrt(0.6 * 0.4), 15);
    expect(usPresenceSyria(600)).toBe(1);
    expect(usPresenceSyria(0)).toBe(0);
  });
});

describe('computeAreaConditionsInto', () => {
  it('computeAreaConditionsInto: guards are needed for the detainees still held, so emptied prisons free SDF for patrols', () => {
    const inputs = inputsWith({ sdfTurkishFront: 0.7 });
    const hasakah = inputs.areas.records.findIndex((area) => area.id === 'SY-HAS');
    const full = createAreaConditions(inputs.areas.count);
    const empty = createAreaConditions(inputs.areas.count);
    const state = createInitialState(inputs);
    computeAreaConditionsInto(full, inputs, 0, state);
    computeAreaConditionsInto(empty, inputs, 0, { ...state, detainees: new Float64Array(inputs.areas.count), campEscaped: Float64Array.from(inputs.areas.campShare, (share) => share * 1e6) });
    expect(empty.security[hasakah]!).toBeGreaterThan(full.security[hasakah]!);
  });


  it('computeAreaConditionsInto: COVID diversion lowers security in Iraqi federal areas only', () => {
    const calm = conditions({ covidDiversion: 0 });
    const covid = conditions({ covidDiversion: 0.5 });
    for (const a of iraqi(calm.areas)) {
      if (calm.areas.security.iraqiForces[a]! > 0) expect(covid.out.security[a]!).toBeLessThan(calm.out.security[a]!);
    }
    for (const a of syrian(calm.areas)) expect(covid.out.security[a]).toBe(calm.out.security[a]);
  });

  it('computeAreaConditionsInto: the Turkish front lowers security only where the SDF is present', () => {
    const quiet = conditions({ sdfTurkishFront: 0 });
    const busy = conditions({ sdfTurkishFront: 0.7 });
    quiet.areas.records.forEach((area, a) => {
      if (area.security.sdf > 0) expect(busy.out.security[a]!).toBeLessThan(quiet.out.security[a]!);
      else expect(busy.out.security[a]).toBe(quiet.out.security[a]);
    });
  });

  it('computeAreaConditionsInto: US presence raises partnered security and cuts the loss hazard', () => {
    const stays = conditions({ usTroopsIraq: 5000, usBasesIraq: 5, usTroopsSyria: 600 });
    const gone = conditions({ usTroopsIraq: 0, usBasesIraq: 0, usTroopsSyria: 0 });
    stays.areas.records.forEach((area, a) => {
      const partnered = area.security.iraqiForces + area.security.peshmerga + area.security.sdf > 0;
      if (partnered) {
        expect(gone.out.security[a]!).toBeLessThan(stays.out.security[a]!);
        expect(gone.out.lossHazard[a]!).toBeLessThan(stays.out.lossHazard[a]!);
      }
    });
  });

  it('computeAreaConditionsInto: desert concealment lowers effective coverage in proportion to desert share', () => {
    const { out, areas } = conditions({ desertSanctuary: 0.6 });
    for (let a = 0; a < areas.count; a++) {
      expect(out.effectiveCoverage[a]).toBeCloseTo(out.coverage[a]! * (1 - 0.6 * areas.desertShare[a]!), 12);
    }
  });

  it('computeAreaConditionsInto: higher sectarian tension raises net grievance, never lowers it', () => {
    const low = conditions({ sectarianTension: 0.3 });
    const high = conditions({ sectarianTension: 0.9 });
    let raised = 0;
    for (let a = 0; a < low.areas.count; a++) {
      expect(high.out.netGrievance[a]!).toBeGreaterThanOrEqual(low.out.netGrievance[a]!);
      if (high.out.netGrievance[a]! > low.out.netGrievance[a]!) raised++;
    }
    expect(raised).toBeGreaterThan(3);
  });

  it('computeAreaConditionsInto: eroded Iraqi force quality lowers Iraqi security', () => {
    const fresh = conditions({}, 1);
    const eroded = conditions({}, 0.5);
    const anbar = fresh.areas.records.findIndex((area) => area.id === 'IQ-ANB');
    expect(eroded.out.security[anbar]!).toBeLessThan(fresh.out.security[anbar]!);
  });
});
