import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeAreaConditionsInto, createAreaConditions } from '../../src/model/conditions.js';
import { PARAMETERS_BY_ID } from '../../src/model/parameters.js';
import { areaHides } from '../../src/model/rules/posture.js';
import { areaTargetCapacity, targetLimit } from '../../src/model/rules/targets.js';
import { countFightersByArea } from '../../src/model/rules/cells.js';
import { createInitialState } from '../../src/model/state.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

// The estimate behind the attackDispersion default (src/model/parameters.ts), redone from the
// CSV of what was published by mid-2020, so that the shipped number cannot drift from its data.
//
// 1. The only monthly series of Iraq attack counts published by mid-2020 with more than four
//    months is the press-reported incident count of Musings on Iraq, Jun 2018-Apr 2019 (B). It
//    counts a different set of events from the attack datasets, but the excess of the squared
//    coefficient of variation over Poisson, Var/μ² − 1/μ, is unchanged by a binomial thinning
//    (reporting each event with a fixed probability): it measures the shared month-to-month
//    swings, not the level. Method of moments around a log-linear trend (two fitted parameters).
// 2. The model's shock is per area: the country's excess squared CV is the dispersion times
//    Σ w_a², w_a the areas' shares of Iraq's expected attacks (baseline, month 0). So the area
//    dispersion is the country excess divided by Σ w_a².
function monthlyIncidents(): number[] {
  const csv = readFileSync(new URL('../../data/sources/observed-to-mid-2020.csv', import.meta.url), 'utf8');
  return csv
    .split('\n')
    .filter((line) => line.startsWith('iq_incidents_musings,'))
    .map((line) => line.split(','))
    .sort((a, b) => (a[1] as string).localeCompare(b[1] as string))
    .map((fields) => Number(fields[2]));
}

function excessSquaredCv(counts: readonly number[]): number {
  const n = counts.length;
  const t = counts.map((_, i) => i);
  const logs = counts.map(Math.log);
  const tMean = (n - 1) / 2;
  const logMean = logs.reduce((s, v) => s + v, 0) / n;
  const slope = t.reduce((s, ti, i) => s + (ti - tMean) * ((logs[i] as number) - logMean), 0) / t.reduce((s, ti) => s + (ti - tMean) ** 2, 0);
  const trend = t.map((ti) => Math.exp(logMean + slope * (ti - tMean)));
  const scale = counts.reduce((s, v) => s + v, 0) / trend.reduce((s, v) => s + v, 0);
  let excess = 0;
  for (let i = 0; i < n; i++) {
    const mu = (trend[i] as number) * scale;
    excess += (((counts[i] as number) - mu) ** 2 - mu) / mu ** 2;
  }
  return excess / (n - 2);
}

function iraqAttackConcentration(): number {
  const parsed = parseScenario({ ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 1 });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const inputs = toModelInputs(parsed.value);
  const state = createInitialState(inputs);
  countFightersByArea(state);
  const conditions = createAreaConditions(inputs.areas.count);
  computeAreaConditionsInto(conditions, inputs, 0, state);
  const capacity = areaTargetCapacity(inputs);
  const p = inputs.parameters;
  const expected: number[] = [];
  for (let a = 0; a < inputs.areas.count; a++) {
    if (!inputs.areas.isIraq[a]) continue;
    const share = areaHides(state.posture, conditions, inputs, a) ? p.hidingAttackShare : 1;
    const wanted = p.attackRate * (0.3 + 0.7 * (1 - (conditions.perceivedRisk[a] as number))) * share * (state.areaFighters[a] as number);
    expected.push(wanted * targetLimit(wanted, capacity[a] as number));
  }
  const total = expected.reduce((s, v) => s + v, 0);
  return expected.reduce((s, v) => s + (v / total) ** 2, 0);
}

describe('attackDispersion', () => {
  it('attackDispersion: the shipped default is the method-of-moments estimate from the monthly series published by mid-2020', () => {
    const counts = monthlyIncidents();
    expect(counts.length).toBe(11);
    const countryExcess = excessSquaredCv(counts);
    // Overdispersed, as the issue says: Poisson would give an excess near 0 (its SE here is
    // about sqrt(2/9)/μ ≈ 0.003 for μ ≈ 150).
    expect(countryExcess).toBeGreaterThan(0.01);
    const concentration = iraqAttackConcentration();
    expect(concentration).toBeGreaterThan(0.1);
    expect(concentration).toBeLessThan(1);
    const estimate = countryExcess / concentration;
    expect(PARAMETERS_BY_ID.attackDispersion.value).toBeCloseTo(Number(estimate.toPrecision(2)), 6);
  });
});
