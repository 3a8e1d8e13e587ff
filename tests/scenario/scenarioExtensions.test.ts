// The scenario extensions beyond factors and parameters: interventions (do-operator), the
// initial state, sensitivity problems and design rows, posterior files, observed series, and
// the specific issues of the new bad-scenario fixtures.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../src/experiment/designs/latinHypercube.js';
import { validateProblem } from '../../src/math/problem.js';
import { AREAS_2020 } from '../../src/model/areas.js';
import { FACTOR_IDS } from '../../src/model/factors.js';
import { createInitialState } from '../../src/model/state.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import { normalCorrelationForRank } from '../../src/scenario/correlations.js';
import { formatIssues, ScenarioError, type ScenarioIssue } from '../../src/scenario/issues.js';
import { parseScenario, parseScenarioJson, type ValidScenario } from '../../src/scenario/parseScenario.js';
import { posteriorRowIndex, resolveScenarioFiles } from '../../src/scenario/posterior.js';
import { applyFactorValues, sensitivityProblem } from '../../src/scenario/sensitivityProblem.js';
import { toModelInputs } from '../../src/scenario/toModelInputs.js';

const base = { name: 'ext', question: 'q?', start: '2020-05', months: 12 };
const FIXTURES = fileURLToPath(new URL('../fixtures/bad-scenarios/', import.meta.url));

function valid(input: unknown): ValidScenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(formatIssues(result.issues));
  return result.value;
}

function onlyIssue(name: string): ScenarioIssue {
  const result = parseScenarioJson(readFileSync(`${FIXTURES}${name}`, 'utf8'));
  if (result.ok) throw new Error(`${name} was accepted`);
  expect(result.issues, formatIssues(result.issues, name)).toHaveLength(1);
  return result.issues[0] as ScenarioIssue;
}

describe('parseScenario interventions', () => {
  it('parseScenario keeps the months before an intervention and sets the months from it on', () => {
    const plain = valid({ ...base, factors: { usTroopsSyria: 600 } });
    const intervened = valid({ ...base, factors: { usTroopsSyria: 600 }, interventions: [{ factor: 'usTroopsSyria', from: 4, set: 0 }] });
    expect(Array.from(intervened.factors.usTroopsSyria)).toEqual([600, 600, 600, 600, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(plain.factors.usTroopsSyria).every((v) => v === 600)).toBe(true);
    expect(intervened.interventions?.[0]?.factor).toBe('usTroopsSyria');
  });

  it('parseScenario evaluates an intervention on the scenario clock, and a later intervention wins', () => {
    const scenario = valid({
      ...base,
      factors: { covidDiversion: 0.1 },
      interventions: [
        { factor: 'covidDiversion', from: 3, set: { expression: '0.05 * t' } },
        { factor: 'covidDiversion', from: 8, set: { schedule: [{ from: 0, value: 0.5 }, { from: 10, value: 0 }] } },
      ],
    });
    const values = Array.from(scenario.factors.covidDiversion);
    expect(values.slice(0, 3)).toEqual([0.1, 0.1, 0.1]);
    values.slice(3, 8).forEach((value, i) => expect(value).toBeCloseTo(0.05 * (i + 3), 12));
    expect(values.slice(8)).toEqual([0.5, 0.5, 0, 0]);
  });

  it('parseScenario reports unknown factors, months beyond the horizon and values beyond hard bounds in interventions', () => {
    expect(onlyIssue('intervention-unknown-factor.json')).toMatchObject({ code: 'unknown-factor', path: ['interventions', 0, 'factor'] });
    expect(onlyIssue('intervention-unknown-factor.json').message).toContain('did you mean "usTroopsSyria"?');
    expect(onlyIssue('intervention-beyond-horizon.json')).toMatchObject({ code: 'intervention-beyond-horizon', path: ['interventions', 0, 'from'], received: '12' });
    expect(onlyIssue('intervention-beyond-hard-bounds.json')).toMatchObject({ code: 'out-of-bounds', path: ['interventions', 0, 'set', 'expression'], expected: '0 ≤ value ≤ 1' });
    expect(onlyIssue('intervention-beyond-hard-bounds.json').message).toContain('at month 6');
    expect(onlyIssue('intervention-schedule-starts-late.json')).toMatchObject({ code: 'schedule-start', expected: '≤ 3' });
    expect(onlyIssue('intervention-initial-condition.json').code).toBe('intervention-initial-condition');
  });
});

describe('parseScenario initial state', () => {
  const fighterTotal = (valid: ValidScenario) => {
    const state = createInitialState(toModelInputs(valid));
    let total = 0;
    for (let c = 0; c < state.cellCount; c++) total += state.cellFighters[c] as number;
    return { state, total };
  };

  it('toModelInputs has no override and the shipped areas when no initialState is given', () => {
    const scenario = valid(base);
    expect(toModelInputs(scenario).initialState).toBeUndefined();
    expect(toModelInputs(scenario).areas).toBe(AREAS_2020);
    expect(toModelInputs(scenario)).toBe(toModelInputs(scenario));
  });

  it('createInitialState starts from the initial state of a scenario: fighters, reserves, detainees, coordination', () => {
    const scenario = valid({ ...base, initialState: { fighters: 30300, reserves: 300, detainees: 5000, coordination: 0.5, iraqiForceQuality: 0.8 } });
    const { state, total } = fighterTotal(scenario);
    // Rounding each of 19 areas' share moves the total by at most 19 × 0.5.
    expect(Math.abs(total - 30300)).toBeLessThanOrEqual(19 * 0.5);
    expect(state.reserves).toBe(300e6);
    expect(state.coordination).toBe(0.5);
    expect(state.iraqiForceQuality).toBe(0.8);
    const detainees = Array.from(state.detainees).reduce((s, v) => s + v, 0);
    expect(Math.abs(detainees - 5000)).toBeLessThanOrEqual(19 * 0.5);
    // The default start, for comparison, uses initialFighters (14,000) and the $100M war chest.
    const plain = fighterTotal(valid(base));
    expect(Math.abs(plain.total - 14000)).toBeLessThanOrEqual(19 * 0.5);
    expect(plain.state.reserves).toBe(100e6);
  });

  it('createInitialState puts fighters per area exactly where the initial state says', () => {
    const scenario = valid({ ...base, initialState: { fighters: { 'IQ-ANB': 120, 'SY-DEZ': 7 } } });
    const { state } = fighterTotal(scenario);
    const byArea = new Float64Array(AREAS_2020.count);
    for (let c = 0; c < state.cellCount; c++) {
      const area = state.cellArea[c] as number;
      byArea[area] = (byArea[area] as number) + (state.cellFighters[c] as number);
    }
    const index = (id: string) => AREAS_2020.records.findIndex((area) => area.id === id);
    expect(byArea[index('IQ-ANB')]).toBe(120);
    expect(byArea[index('SY-DEZ')]).toBe(7);
    expect(byArea.reduce((s, v) => s + v, 0)).toBe(127);
  });

  it('parseScenario applies control to the area table: the holder and others replaced, other actors kept', () => {
    const scenario = valid({ ...base, initialState: { control: { 'SY-DEZ': { holder: 'syrianArmy', personnel: 9000, others: { sdf: 0 } } } } });
    const areas = toModelInputs(scenario).areas;
    const a = AREAS_2020.records.findIndex((area) => area.id === 'SY-DEZ');
    expect(areas.security.syrianArmy[a]).toBe(9000);
    expect(areas.security.sdf[a]).toBe(0);
    expect(areas.security.iranBackedMilitias[a]).toBe(AREAS_2020.security.iranBackedMilitias[a]);
    expect(areas.security.sdf[a + 1]).toBe(AREAS_2020.security.sdf[a + 1]);
    expect(AREAS_2020.security.syrianArmy[a]).not.toBe(9000); // the shipped table is untouched
  });

  it('parseScenario reports unknown areas and actors with a "did you mean"', () => {
    expect(onlyIssue('initial-state-unknown-area.json')).toMatchObject({ code: 'unknown-key', path: ['initialState', 'fighters', 'IQ-ANX'] });
    expect(onlyIssue('initial-state-unknown-area.json').message).toContain('did you mean "IQ-ANB"?');
    expect(onlyIssue('initial-state-unknown-actor.json').message).toContain('did you mean "syrianArmy"?');
    expect(onlyIssue('initial-state-unknown-actor-in-others.json').message).toContain('unknown actor "SDF" (did you mean "sdf"?)');
    expect(onlyIssue('initial-state-reserves-conflict.json').code).toBe('conflict');
  });
});

describe('sensitivityProblem and applyFactorValues', () => {
  const uncertain = valid({
    ...base,
    factors: {
      warChest: { uniform: [50, 150] },
      covidDiversion: { triangular: [0, 0.1, 0.5] },
      usTroopsSyria: { schedule: [{ from: 0, value: 600 }, { from: { uniformInt: [3, 9] }, value: 0 }] },
      coalitionAirSupport: { uniform: [0.5, 1.5] },
    },
    correlations: { factors: ['warChest', 'covidDiversion', 'coalitionAirSupport'], matrix: [[1, 0.5, 0.2], [0.5, 1, 0], [0.2, 0, 1]] },
    interventions: [{ factor: 'coalitionAirSupport', from: 10, set: 0 }],
  });

  it('sensitivityProblem uses the scenario distributions, else the registry ranges', () => {
    const problem = sensitivityProblem(uncertain);
    expect(problem.names).toEqual(['usTroopsSyria', 'coalitionAirSupport', 'covidDiversion', 'warChest']);
    expect(problem.bounds).toEqual([[3, 9], [0.5, 1.5], [0, 0.5], [50, 150]]);
    expect(problem.distributions[0]).toEqual({ type: 'discrete', values: [3, 4, 5, 6, 7, 8, 9] });
    expect(problem.distributions[2]).toEqual({ type: 'triangular', mode: 0.1 });
    expect(() => validateProblem(problem)).not.toThrow();
    const registry = sensitivityProblem(valid(base), ['usTroopsIraq', 'sectarianTension']);
    expect(registry.bounds).toEqual([[0, 6000], [0.3, 0.9]]);
    expect(sensitivityProblem(valid(base)).names).toEqual(FACTOR_IDS);
  });

  it('sensitivityProblem rejects an unknown factor with a suggestion', () => {
    expect(() => sensitivityProblem(uncertain, ['warChst'])).toThrow(/did you mean "warChest"/);
  });

  it('applyFactorValues fixes factors (rounding whole numbers, setting an uncertain month) and keeps interventions', () => {
    const row = applyFactorValues(uncertain, { usTroopsSyria: 4.6, coalitionAirSupport: 1.25, usTroopsIraq: 1234.4 });
    expect(Array.from(row.factors.usTroopsSyria)).toEqual([600, 600, 600, 600, 600, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(row.factors.coalitionAirSupport)).toEqual([...Array(10).fill(1.25), 0, 0]);
    expect(row.factors.usTroopsIraq[0]).toBe(1234);
    expect(row.uncertain?.map((factor) => factor.id)).toEqual(['covidDiversion', 'warChest']);
    // The correlation block shrinks to the factors still uncertain.
    expect(row.correlations?.factors).toEqual(['warChest', 'covidDiversion']);
    expect(uncertain.uncertain).toHaveLength(4); // the input is not modified
  });

  it('applyFactorValues returns a scenario whose file content parses to the same factors', () => {
    const problem = sensitivityProblem(uncertain);
    const design = latinHypercube(problem, 8, createRunStream(7, 0, 'lhs'));
    for (const point of design) {
      const values = Object.fromEntries(problem.names.map((name, j) => [name, point[j] as number]));
      const row = applyFactorValues(uncertain, values);
      const reparsed = valid(row.scenario);
      for (const name of problem.names) {
        expect(Array.from(reparsed.factors[name as 'warChest']), name).toEqual(Array.from(row.factors[name as 'warChest']));
      }
      expect(reparsed.uncertain ?? []).toHaveLength(0);
    }
  });

  it('applyFactorValues rejects a value the factor does not accept', () => {
    expect(() => applyFactorValues(uncertain, { covidDiversion: 0.9 })).toThrow(ScenarioError);
    expect(() => applyFactorValues(uncertain, { usTroopsSyria: 11 })).toThrow(/step month in \[3, 9\]/);
  });
});

describe('posterior references', () => {
  const sample = { parameters: ['recruitRate'], samples: [[0.3], [0.4]], weights: [1, 1], source: 'calibration/mid-2020.json', configHash: 'ignored' };

  it('resolveScenarioFiles inlines a posterior file read through the given reader', () => {
    const reads: string[] = [];
    const scenario = { ...base, parameters: { posterior: 'posteriors/mid-2020.json' } };
    const result = resolveScenarioFiles(scenario, (path) => {
      reads.push(path);
      return JSON.stringify(sample);
    });
    expect(reads).toEqual(['posteriors/mid-2020.json']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((result.value as { parameters: { posterior: unknown } }).parameters.posterior).toEqual({
      parameters: ['recruitRate'],
      samples: [[0.3], [0.4]],
      weights: [1, 1],
      source: 'calibration/mid-2020.json',
    });
    expect(scenario.parameters.posterior).toBe('posteriors/mid-2020.json'); // not modified
    expect(valid(result.value).posterior?.samples).toHaveLength(2);
  });

  it('resolveScenarioFiles leaves names and scenarios without a posterior alone, and reports unreadable files', () => {
    const never = () => {
      throw new Error('must not read');
    };
    const named = { ...base, parameters: { posterior: 'mid-2020' } };
    expect(resolveScenarioFiles(named, never)).toEqual({ ok: true, value: named });
    expect(resolveScenarioFiles(base, never)).toEqual({ ok: true, value: base });
    const missing = resolveScenarioFiles({ ...base, parameters: { posterior: 'nope.json' } }, () => {
      throw new Error('ENOENT: no such file');
    });
    expect(missing).toMatchObject({ ok: false, issues: [{ code: 'file-unreadable', path: ['parameters', 'posterior'] }] });
    const garbage = resolveScenarioFiles({ ...base, parameters: { posterior: 'bad.json' } }, () => '{ nope');
    expect(garbage).toMatchObject({ ok: false, issues: [{ code: 'invalid-json' }] });
  });

  it('posteriorRowIndex inverts the cumulative weights', () => {
    const posterior = { parameters: ['recruitRate' as const], samples: [[0.1], [0.2], [0.3]], cumulativeWeights: Float64Array.of(0.5, 0.75, 1), source: 's' };
    expect([0, 0.49, 0.5, 0.74, 0.75, 0.999].map((u) => posteriorRowIndex(posterior, u))).toEqual([0, 0, 1, 1, 2, 2]);
    const equal = { parameters: ['recruitRate' as const], samples: [[0.1], [0.2]], source: 's' };
    expect([0, 0.49, 0.5, 0.999].map((u) => posteriorRowIndex(equal, u))).toEqual([0, 0, 1, 1]);
  });

  it('parseScenario reports posterior problems at their paths', () => {
    expect(onlyIssue('posterior-unknown-parameter.json')).toMatchObject({ code: 'unknown-parameter', path: ['parameters', 'posterior', 'parameters', 0] });
    expect(onlyIssue('posterior-value-out-of-range.json')).toMatchObject({ path: ['parameters', 'posterior', 'samples', 1, 0], received: '0.9' });
    expect(onlyIssue('posterior-conflict-fixed.json').code).toBe('conflict');
    expect(onlyIssue('posterior-path-not-loaded.json').message).toContain('resolveScenarioFiles');
  });
});

describe('correlations and observed series', () => {
  it('normalCorrelationForRank inverts Pearson\'s r_S = (6/π) arcsin(ρ/2)', () => {
    for (const r of [-0.9, -0.3, 0, 0.2, 0.5, 0.99]) {
      expect((6 / Math.PI) * Math.asin(normalCorrelationForRank(r) / 2)).toBeCloseTo(r, 14);
    }
  });

  it('parseScenario reports bad correlation matrices at the offending entry', () => {
    expect(onlyIssue('correlation-not-symmetric.json')).toMatchObject({ code: 'matrix-not-symmetric', path: ['correlations', 'matrix', 0, 1] });
    expect(onlyIssue('correlation-diagonal.json')).toMatchObject({ code: 'matrix-diagonal', path: ['correlations', 'matrix', 1, 1] });
    expect(onlyIssue('correlation-not-positive-definite.json')).toMatchObject({ code: 'matrix-not-positive-definite', path: ['correlations', 'matrix'] });
    expect(onlyIssue('correlation-not-uncertain.json')).toMatchObject({ code: 'not-uncertain', path: ['correlations', 'factors', 1] });
  });

  it('parseScenario resolves observed points to month indices and rejects mixed kinds', () => {
    const scenario = valid({
      ...base,
      observed: [{ series: 'claimedAttacks', kind: 'claims', source: 'ikhrw', points: [{ month: '2020-06', value: 90 }, { from: '2020-07', to: '2020-09', total: 300, source: 'other' }] }],
    });
    expect(scenario.observed?.[0]?.points).toEqual([
      { fromMonth: 1, toMonth: 1, value: 90, label: '2020-06', source: 'ikhrw' },
      { fromMonth: 2, toMonth: 4, value: 300, label: '2020-07..2020-09', source: 'other' },
    ]);
    const incidents = valid({
      ...base,
      observed: [
        { series: 'attacksIraq', kind: 'incidents', source: 'press', observation: { scale: [1, 3], noiseCv: 0.2, source: 'judgement' }, points: [{ month: '2020-06', value: 90 }] },
        { series: 'fighters', kind: 'strength', source: 'Lead IG', observation: { scale: 1, noiseCv: 0.3, source: 'estimates differ by ±30%' }, points: [{ month: '2020-07', value: 10000 }] },
      ],
    });
    expect(incidents.observed?.[0]?.observation).toEqual({ scale: [1, 3], noiseCv: 0.2, source: 'judgement' });
    expect(incidents.observed?.[1]?.observation).toEqual({ scale: [1, 1], noiseCv: 0.3, source: 'estimates differ by ±30%' });
    expect(onlyIssue('observed-mixed-kinds.json')).toMatchObject({ code: 'mixed-kinds', path: ['observed', 0, 'kind'] });
    expect(onlyIssue('observed-incidents.json')).toMatchObject({ code: 'observation-model-missing', path: ['observed', 0, 'observation'] });
    expect(onlyIssue('observed-level-period.json')).toMatchObject({ code: 'observed-level-period', path: ['observed', 0, 'points', 0] });
    expect(onlyIssue('observed-scale-reversed.json')).toMatchObject({ code: 'observation-scale-order', path: ['observed', 0, 'observation', 'scale'] });
    expect(onlyIssue('observed-strength-as-attacks.json')).toMatchObject({ code: 'mixed-kinds', path: ['observed', 0, 'kind'] });
    expect(onlyIssue('observed-overlap.json')).toMatchObject({ code: 'observed-overlap', path: ['observed', 0, 'points', 1] });
    expect(onlyIssue('observed-outside-horizon.json').code).toBe('observed-outside-horizon');
  });
});
