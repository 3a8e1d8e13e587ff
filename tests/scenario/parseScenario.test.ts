import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FACTORS, FACTORS_BY_ID, FACTOR_IDS, type FactorSetting } from '../../src/model/factors.js';
import { DEFAULT_PARAMETERS, PARAMETERS, PARAMETERS_BY_ID } from '../../src/model/parameters.js';
import { parseScenario, parseScenarioJson, type ParseResult, type ValidScenario } from '../../src/scenario/parseScenario.js';
import { formatIssues, type ScenarioIssue } from '../../src/scenario/issues.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

const SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

const base = { name: 'test', question: 'What if?', start: '2020-05', months: 36 };

function valid(result: ParseResult): ValidScenario {
  if (!result.ok) throw new Error(`expected a valid scenario:\n${formatIssues(result.issues)}`);
  return result.value;
}

function invalid(result: ParseResult): ScenarioIssue[] {
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.issues;
}

/** The values of one factor for a scenario that sets only that factor. */
function valuesOf(id: string, setting: unknown, extra: Record<string, unknown> = {}): number[] {
  const result = parseScenario({ ...base, ...extra, factors: { [id]: setting } });
  return Array.from(valid(result).factors[id as keyof ValidScenario['factors']]);
}

/** An independent reading of a constant or step-schedule setting at month m. */
function settingAt(setting: FactorSetting, month: number): number {
  if (typeof setting === 'number') return setting;
  if ('value' in setting) return setting.value;
  if ('schedule' in setting) {
    let value = Number.NaN;
    for (const step of setting.schedule) if (step.from <= month) value = step.value;
    return value;
  }
  throw new Error('settingAt reads constants and step schedules only');
}

describe('parseScenarioJson on shipped scenarios', () => {
  const files = readdirSync(SCENARIOS).filter((name) => name.endsWith('.json')).sort();

  it('parseScenarioJson finds the shipped scenario files', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of files) {
    it(`parseScenarioJson accepts scenarios/${file}`, () => {
      const text = readFileSync(`${SCENARIOS}${file}`, 'utf8');
      const value = valid(parseScenarioJson(text));
      expect(`${value.scenario.name}.json`).toBe(file);
      for (const id of FACTOR_IDS) {
        const values = value.factors[id];
        expect(values).toBeInstanceOf(Float64Array);
        expect(values.length).toBe(value.scenario.months);
      }
    });
  }

  it('parseScenario accepts every bundled SHIPPED_SCENARIOS entry under its own name', () => {
    for (const [name, scenario] of Object.entries(SHIPPED_SCENARIOS)) {
      expect(valid(parseScenario(scenario)).scenario.name).toBe(name);
    }
  });

  it('parseScenarioJson gives the values written in each shipped scenario (numbers and step schedules)', () => {
    for (const file of files) {
      const text = readFileSync(`${SCENARIOS}${file}`, 'utf8');
      const raw = JSON.parse(text) as { factors?: Record<string, FactorSetting> };
      const { factors, scenario } = valid(parseScenarioJson(text));
      for (const [id, setting] of Object.entries(raw.factors ?? {})) {
        if (typeof setting === 'object' && ('expression' in setting || ('schedule' in setting && setting.interpolate === 'linear'))) continue;
        const values = factors[id as keyof ValidScenario['factors']];
        for (let month = 0; month < scenario.months; month++) {
          expect(values[month], `${file}: ${id} at month ${month}`).toBe(settingAt(setting, month));
        }
      }
    }
  });
});

describe('parseScenario baseline filling', () => {
  it('parseScenario fills every factor with its baseline, month by month, in a minimal scenario', () => {
    const value = valid(parseScenario(base));
    expect(Object.keys(value.factors).sort()).toEqual([...FACTOR_IDS].sort());
    for (const factor of FACTORS) {
      const values = value.factors[factor.id];
      expect(values.length, factor.id).toBe(36);
      for (let month = 0; month < 36; month++) {
        expect(values[month], `${factor.id} at month ${month}`).toBe(settingAt(factor.baseline, month));
      }
    }
  });

  it('parseScenario gives the documented baseline values of the stepped factors', () => {
    const { factors } = valid(parseScenario(base));
    expect(Array.from(factors.usTroopsSyria.slice(0, 8))).toEqual([600, 600, 600, 600, 600, 600, 0, 0]);
    expect([factors.covidDiversion[0], factors.covidDiversion[3], factors.covidDiversion[4], factors.covidDiversion[11], factors.covidDiversion[12], factors.covidDiversion[35]])
      .toEqual([0.3, 0.3, 0.15, 0.15, 0.05, 0.05]);
    expect(factors.warChest[0]).toBe(100);
    expect(factors.detaineesHeld[0]).toBe(10000);
  });

  it('parseScenario uses every default parameter when none is set', () => {
    expect(valid(parseScenario(base)).parameters).toEqual(DEFAULT_PARAMETERS);
  });

  it('parseScenario cuts baseline schedules to a short horizon (months: 3) without error', () => {
    const { factors } = valid(parseScenario({ ...base, months: 3 }));
    expect(Array.from(factors.usTroopsSyria)).toEqual([600, 600, 600]);
    expect(Array.from(factors.covidDiversion)).toEqual([0.3, 0.3, 0.3]);
    expect(Array.from(factors.usBasesIraq)).toEqual([5, 5, 5]);
    for (const id of FACTOR_IDS) expect(factors[id].length).toBe(3);
  });

  it('parseScenario accepts the shortest horizon (months: 1) and the longest (months: 240)', () => {
    expect(Array.from(valid(parseScenario({ ...base, months: 1 })).factors.trainingSuspended)).toEqual([1]);
    const long = valid(parseScenario({ ...base, months: 240 })).factors;
    expect(long.covidDiversion.length).toBe(240);
    expect(long.covidDiversion[239]).toBe(0.05);
  });

  it('parseScenario keeps the other factors at baseline when one is set', () => {
    const { factors } = valid(parseScenario({ ...base, factors: { covidDiversion: 0 } }));
    expect(Array.from(factors.covidDiversion).every((v) => v === 0)).toBe(true);
    expect(factors.usTroopsSyria[0]).toBe(600);
    expect(factors.usTroopsSyria[6]).toBe(0);
  });

  it('parseScenario returns the scenario fields as written', () => {
    const input = { ...base, title: 'T', runs: 10, seed: 'abc', factors: { covidDiversion: 0.1 } };
    expect(valid(parseScenario(input)).scenario).toEqual(input);
  });
});

describe('parseScenario factor settings', () => {
  it('parseScenario accepts a constant as a number or as { value }', () => {
    expect(valuesOf('covidDiversion', 0.25, { months: 3 })).toEqual([0.25, 0.25, 0.25]);
    expect(valuesOf('covidDiversion', { value: 0.25 }, { months: 3 })).toEqual([0.25, 0.25, 0.25]);
  });

  it('parseScenario holds each step of a "step" schedule until the next', () => {
    const schedule = [{ from: 0, value: 600 }, { from: 2, value: 300 }, { from: 5, value: 0 }];
    const expected = [600, 600, 300, 300, 300, 0, 0];
    expect(valuesOf('usTroopsSyria', { schedule }, { months: 7 })).toEqual(expected);
    expect(valuesOf('usTroopsSyria', { schedule, interpolate: 'step' }, { months: 7 })).toEqual(expected);
  });

  it('parseScenario ramps a "linear" schedule between steps and holds the last value', () => {
    expect(valuesOf('usTroopsIraq', { schedule: [{ from: 0, value: 5000 }, { from: 4, value: 3000 }], interpolate: 'linear' }, { months: 6 }))
      .toEqual([5000, 4500, 4000, 3500, 3000, 3000]);
    expect(valuesOf('covidDiversion', { schedule: [{ from: 0, value: 0.5 }, { from: 4, value: 0 }, { from: 6, value: 0.25 }], interpolate: 'linear' }, { months: 8 }))
      .toEqual([0.5, 0.375, 0.25, 0.125, 0, 0.125, 0.25, 0.25]);
  });

  it('parseScenario accepts a single-step schedule and a last step at the final month', () => {
    expect(valuesOf('covidDiversion', { schedule: [{ from: 0, value: 0.2 }] }, { months: 3 })).toEqual([0.2, 0.2, 0.2]);
    expect(valuesOf('covidDiversion', { schedule: [{ from: 0, value: 0.2 }, { from: 2, value: 0 }] }, { months: 3 })).toEqual([0.2, 0.2, 0]);
  });

  it('parseScenario evaluates an expression at t = 0 … months − 1', () => {
    expect(valuesOf('usTroopsSyria', { expression: 't < 2 ? 600 : 0' }, { months: 4 })).toEqual([600, 600, 0, 0]);
    expect(valuesOf('covidDiversion', { expression: 'min(0.6, 0.125 * t)' }, { months: 6 })).toEqual([0, 0.125, 0.25, 0.375, 0.5, 0.6]);
    expect(valuesOf('covidDiversion', { expression: '0.3 * exp(-t / 6)' }, { months: 12 }))
      .toEqual(Array.from({ length: 12 }, (_, t) => 0.3 * Math.exp(-t / 6)));
  });

  it('parseScenario accepts the ends of a plausible range', () => {
    const [low, high] = FACTORS_BY_ID.covidDiversion.range;
    expect(valuesOf('covidDiversion', low, { months: 1 })).toEqual([low]);
    expect(valuesOf('covidDiversion', high, { months: 1 })).toEqual([high]);
  });

  it('parseScenario lets allowOutsidePlausibleRange pass a value beyond the range but not beyond the bounds', () => {
    const beyondRange = { ...base, factors: { covidDiversion: 0.9 } };
    expect(invalid(parseScenario(beyondRange))[0]).toMatchObject({ code: 'out-of-range', path: ['factors', 'covidDiversion'] });
    const allowed = valid(parseScenario({ ...beyondRange, allowOutsidePlausibleRange: true }));
    expect(allowed.factors.covidDiversion[0]).toBe(0.9);
    // The bound itself is still allowed; past it is not.
    expect(valid(parseScenario({ ...base, allowOutsidePlausibleRange: true, factors: { covidDiversion: 1 } })).factors.covidDiversion[0]).toBe(1);
    const beyondBounds = invalid(parseScenario({ ...base, allowOutsidePlausibleRange: true, factors: { covidDiversion: 1.01 } }));
    expect(beyondBounds).toHaveLength(1);
    expect(beyondBounds[0]).toMatchObject({ code: 'out-of-bounds', path: ['factors', 'covidDiversion'] });
    // Also for a schedule: the step that crosses the bound is named.
    const scheduled = invalid(parseScenario({
      ...base,
      allowOutsidePlausibleRange: true,
      factors: { usTroopsSyria: { schedule: [{ from: 0, value: 3000 }, { from: 3, value: 25000 }] } },
    }));
    expect(scheduled[0]).toMatchObject({ code: 'out-of-bounds', path: ['factors', 'usTroopsSyria', 'schedule', 1, 'value'] });
    expect(scheduled[0]?.message).toContain('at month 3');
  });

  it('parseScenario allowOutsidePlausibleRange: false behaves like leaving it out', () => {
    const issues = invalid(parseScenario({ ...base, allowOutsidePlausibleRange: false, factors: { warChest: 400 } }));
    expect(issues[0]).toMatchObject({ code: 'out-of-range', path: ['factors', 'warChest'] });
  });

  it('parseScenario rounds integer factors given as linear schedules to whole numbers', () => {
    const bases = valuesOf('usBasesIraq', { schedule: [{ from: 0, value: 5 }, { from: 3, value: 0 }], interpolate: 'linear' }, { months: 5 });
    expect(bases).toEqual([5, 3, 2, 0, 0]); // 5, 3.33, 1.67, 0, 0
    const troops = valuesOf('usTroopsSyria', { schedule: [{ from: 0, value: 600 }, { from: 7, value: 0 }], interpolate: 'linear' }, { months: 8 });
    expect(troops.every(Number.isInteger)).toBe(true);
    expect(troops).toEqual([600, 514, 429, 343, 257, 171, 86, 0]);
  });

  it('parseScenario leaves non-integer factors unrounded', () => {
    expect(valuesOf('coalitionAirSupport', { schedule: [{ from: 0, value: 1 }, { from: 3, value: 0 }], interpolate: 'linear' }, { months: 4 }))
      .toEqual([1, 1 - 1 / 3, 1 - 2 / 3, 0]);
  });

  it('parseScenario collects issues from several factors at once', () => {
    const issues = invalid(parseScenario({ ...base, factors: { covidDiversion: 0.9, usTroopsSyria: 600.5, warChest: 1 } }));
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'factors.covidDiversion', 'factors.usTroopsSyria', 'factors.warChest',
    ]);
  });
});

describe('parseScenario parameters', () => {
  it('parseScenario overrides the parameters given and keeps the others at their defaults', () => {
    const { parameters } = valid(parseScenario({ ...base, parameters: { recruitRate: 0.5, initialFighters: 16000 } }));
    expect(parameters.recruitRate).toBe(0.5);
    expect(parameters.initialFighters).toBe(16000);
    for (const parameter of PARAMETERS) {
      if (parameter.id === 'recruitRate' || parameter.id === 'initialFighters') continue;
      expect(parameters[parameter.id], parameter.id).toBe(parameter.value);
    }
  });

  it('parseScenario accepts every parameter at both ends of its range', () => {
    const low = Object.fromEntries(PARAMETERS.map((p) => [p.id, p.range[0]]));
    const high = Object.fromEntries(PARAMETERS.map((p) => [p.id, p.range[1]]));
    expect(valid(parseScenario({ ...base, parameters: low })).parameters).toEqual(low);
    expect(valid(parseScenario({ ...base, parameters: high })).parameters).toEqual(high);
  });

  it('parseScenario rejects a parameter just outside its range, on either side', () => {
    for (const parameter of PARAMETERS) {
      const [low, high] = parameter.range;
      const step = Math.max(1e-9, (high - low) * 1e-6);
      for (const value of [low - step, high + step]) {
        const issues = invalid(parseScenario({ ...base, parameters: { [parameter.id]: value } }));
        expect(issues, `${parameter.id} = ${value}`).toHaveLength(1);
        expect(issues[0]).toMatchObject({ code: 'out-of-range', path: ['parameters', parameter.id], received: String(value) });
      }
    }
  });

  it('parseScenario rejects a fractional value for an integer parameter', () => {
    expect(PARAMETERS_BY_ID.holdMinFighters.integer).toBe(true);
    const issues = invalid(parseScenario({ ...base, parameters: { holdMinFighters: 600.5 } }));
    expect(issues[0]).toMatchObject({ code: 'not-integer', path: ['parameters', 'holdMinFighters'] });
  });
});

describe('parseScenarioJson', () => {
  it('parseScenarioJson agrees with parseScenario(JSON.parse(text))', () => {
    const input = { ...base, factors: { covidDiversion: { schedule: [{ from: 0, value: 0.5 }, { from: 4, value: 0 }], interpolate: 'linear' } } };
    const fromText = valid(parseScenarioJson(JSON.stringify(input)));
    const fromObject = valid(parseScenario(input));
    expect(fromText.scenario).toEqual(fromObject.scenario);
    expect(fromText.parameters).toEqual(fromObject.parameters);
    for (const id of FACTOR_IDS) expect(Array.from(fromText.factors[id])).toEqual(Array.from(fromObject.factors[id]));
  });
});
