// Issue 17 (scenario input) and issue 13 items 7–8: each reproducer of the issue gets a one-line
// error, a bounded time or a correct result.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { FACTORS } from '../../src/model/factors.js';
import { INITIAL_STATE_BOUNDS, SIZE_LIMITS } from '../../src/scenario/bounds.js';
import { ScenarioError } from '../../src/scenario/issues.js';
import { parseScenario, parseScenarioJson } from '../../src/scenario/parseScenario.js';
import { isParsedScenario } from '../../src/scenario/parsedMark.js';
import { resolveScenarioFiles } from '../../src/scenario/posterior.js';
import { scenarioJsonSchema, type Scenario } from '../../src/scenario/schema.js';
import { WORK_BUDGET, workBudgetIssues } from '../../src/scenario/workBudget.js';
import { jsonErrorOffset } from '../../src/scenario/jsonErrorOffset.js';

const base = { name: 'x', question: 'q', start: '2020-05', months: 12 };
const FIXTURES = fileURLToPath(new URL('../fixtures/bad-scenarios/', import.meta.url));

const issuesOf = (input: unknown) => {
  const result = parseScenario(input);
  if (result.ok) throw new Error('accepted');
  return result.issues;
};

describe('parseScenario on prototype-chain names (issue 17, item 1)', () => {
  for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__']) {
    it(`parseScenario refuses the posterior "${key}" as unknown, without throwing`, () => {
      const issues = issuesOf({ ...base, parameters: { posterior: key } });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ code: 'unknown-posterior', path: ['parameters', 'posterior'] });
    });
  }

  it('resolveScenarioFiles treats a prototype key as a name, not a registered posterior', () => {
    const scenario = { ...base, parameters: { posterior: 'constructor.json' } };
    const result = resolveScenarioFiles(scenario, () => '{}', { posteriors: {} });
    expect(result.ok).toBe(false);
  });

  it('parseScenarioJson keeps "__proto__" as a plain unknown key, never as the prototype', () => {
    const result = parseScenarioJson(`{ "name": "x", "question": "q", "start": "2020-05", "months": 12, "factors": { "__proto__": { "covidDiversion": 0.9 } } }`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((issue) => issue.path.join('.'))).toContain('factors.__proto__');
  });
});

describe('parseScenario bounds (issue 17, item 3)', () => {
  it('parseScenario refuses initial-state counts above their bounds, each at its path', () => {
    const issues = issuesOf({ ...base, initialState: { fighters: 1e9, detainees: 1e12, reserves: 1e308 } });
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(['initialState.detainees', 'initialState.fighters', 'initialState.reserves']);
  });

  it('parseScenario takes the reserves and detainees bounds from the factor registry', () => {
    const warChest = FACTORS.find((factor) => factor.id === 'warChest');
    const detainees = FACTORS.find((factor) => factor.id === 'detaineesHeld');
    expect(INITIAL_STATE_BOUNDS.reserves.bounds).toEqual(warChest?.bounds);
    expect(INITIAL_STATE_BOUNDS.detainees.bounds).toEqual(detainees?.bounds);
    expect(parseScenario({ ...base, initialState: { reserves: INITIAL_STATE_BOUNDS.reserves.bounds[1] } }).ok).toBe(true);
    expect(parseScenario({ ...base, initialState: { reserves: INITIAL_STATE_BOUNDS.reserves.bounds[1] + 1 } }).ok).toBe(false);
  });

  it('parseScenario refuses a 50 MB question quickly by its length, and parseScenarioJson a file over the size limit', () => {
    const question = 'x'.repeat(50 * 1024 * 1024);
    expect(issuesOf({ ...base, question })[0]).toMatchObject({ code: 'too-long', path: ['question'] });
    const text = JSON.stringify({ ...base, question });
    const result = parseScenarioJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.code).toBe('file-too-large');
    expect(text.length).toBeGreaterThan(SIZE_LIMITS.fileBytes);
  });

  it('workBudgetIssues refuses a start over the cell-month budget and names the way out', () => {
    expect(workBudgetIssues({ fighters: 14000, fightersPerCell: 12, months: 36 })).toEqual([]);
    const [issue] = workBudgetIssues({ fighters: 150000, fightersPerCell: 5, months: 240 });
    expect(issue?.code).toBe('work-budget');
    expect(issue?.message).toContain('fightersPerCell');
    expect(Number(issue?.received)).toBeGreaterThan(WORK_BUDGET.cellMonthsPerRun);
  });

  it('parseScenario applies the work budget to the posterior\'s smallest cells too', () => {
    const issues = issuesOf({
      ...base,
      months: 240,
      initialState: { fighters: 100000 },
      parameters: { posterior: { parameters: ['fightersPerCell'], samples: [[30], [5]], source: 'test' } },
    });
    expect(issues[0]?.code).toBe('work-budget');
  });
});

describe('one validation path (issue 17, item 4)', () => {
  it('simulate refuses a copy of a parsed scenario with initialFighters 5e6 instead of running it', () => {
    const parsed = parseScenario(base);
    if (!parsed.ok) throw new Error('base rejected');
    expect(isParsedScenario(parsed.value)).toBe(true);
    const forged = { ...parsed.value, parameters: { ...parsed.value.parameters, initialFighters: 5e6 } };
    expect(isParsedScenario(forged)).toBe(false);
    expect(() => simulate(forged, { runs: 1 })).toThrow(ScenarioError);
    expect(() => simulate(forged, { runs: 1 })).toThrow(/did not come from parseScenario/);
  });

  it('simulate runs the object parseScenario returned as is', () => {
    const parsed = parseScenario(base);
    if (!parsed.ok) throw new Error('base rejected');
    const result = simulate(parsed.value, { runs: 2, seed: 1 });
    expect(result.summary.provenance.runs).toBe(2);
  });
});

describe('parseScenarioJson text handling (issue 17, item 5)', () => {
  it('parseScenarioJson accepts a UTF-8 byte-order mark', () => {
    expect(parseScenarioJson(`\ufeff${JSON.stringify(base)}`).ok).toBe(true);
  });

  it('parseScenarioJson gives NaN, Infinity and a truncated file a line and column, and no invisible character', () => {
    for (const [text, line, column] of [
      ['{\n  "months": NaN\n}', 2, 13],
      ['{ "a": Infinity }', 1, 8],
      ['{\n "a": 1', 2, 8],
      ['\ufeff{ "a": NaN }', 1, 8],
    ] as const) {
      const result = parseScenarioJson(text);
      expect(result.ok, text).toBe(false);
      if (result.ok) continue;
      expect(result.issues[0]?.message, text).toContain(`line ${line}, column ${column}`);
      expect(result.issues[0]?.message, text).not.toMatch(/[\ufeff\u200b]/);
    }
  });

  it('jsonErrorOffset finds the first error and accepts valid JSON', () => {
    expect(jsonErrorOffset('{"a": [1, 2, {"b": null}], "c": "\\u00e9"}')).toBeUndefined();
    expect(jsonErrorOffset('{"a": [1, 2,]}')).toBe(12);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('[1] x')).toBe(4);
  });

  it('parseScenario decides a deeply nested expression the same way on every call', () => {
    const deep = `${'('.repeat(45)}0.1${')'.repeat(45)}`;
    const outcomes = new Set(Array.from({ length: 20 }, () => parseScenario({ ...base, factors: { covidDiversion: { expression: deep } } }).ok));
    expect([...outcomes]).toEqual([false]);
    const shallow = `${'('.repeat(20)}0.1${')'.repeat(20)}`;
    expect(parseScenario({ ...base, factors: { covidDiversion: { expression: shallow } } }).ok).toBe(true);
  });
});

describe('one-pass validation and typed scenarios (issue 13, items 7 and 8)', () => {
  it('parseScenario reports structural and range issues of one file together', () => {
    const issues = issuesOf({ ...base, runs: 'many', factors: { covidDiversion: 30, usTroopsSyri: 600 }, parameters: { recruitRate: 9 } });
    const paths = issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['runs', 'factors.usTroopsSyri', 'factors.covidDiversion', 'parameters.recruitRate']));
    expect(issues).toHaveLength(4);
  });

  it('parseScenario reports range issues when a required field is missing, without stand-in artefacts', () => {
    const { months: _m, ...noMonths } = base;
    const issues = issuesOf({ ...noMonths, factors: { covidDiversion: 0.9 } });
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(['months', 'factors.covidDiversion']);
  });

  it('Scenario is keyed by FactorId, so a misspelt factor fails tsc (checked by npx tsc --noEmit)', () => {
    const good: NonNullable<Scenario['factors']> = { usTroopsSyria: 600 };
    // @ts-expect-error "usTroopSyria" is not a factor: this line must not compile.
    const typo: NonNullable<Scenario['factors']> = { usTroopSyria: 1 };
    // @ts-expect-error warChest is an initial condition: a schedule must not compile.
    const wrongForm: NonNullable<Scenario['factors']> = { warChest: { schedule: [{ from: 0, value: 1 }] } };
    expect(parseScenario({ ...base, factors: good }).ok).toBe(true);
    expect(parseScenario({ ...base, factors: typo }).ok).toBe(false);
    expect(parseScenario({ ...base, factors: wrongForm }).ok).toBe(false);
  });

  it('scenarioJsonSchema has a $id and every factor\'s hard bounds and every parameter\'s range', () => {
    const schema = scenarioJsonSchema() as { $id?: string; properties: Record<string, { properties: Record<string, { minimum?: number; maximum?: number; description?: string }> }> };
    expect(schema.$id).toMatch(/^https:\/\//);
    const covid = schema.properties.factors?.properties.covidDiversion;
    expect([covid?.minimum, covid?.maximum]).toEqual([0, 1]);
    expect(covid?.description).toContain('Unit: share of Iraqi forces');
    for (const factor of FACTORS) {
      const node = schema.properties.factors?.properties[factor.id];
      expect([node?.minimum, node?.maximum], factor.id).toEqual([...factor.bounds]);
    }
    expect(schema.properties.parameters?.properties.recruitRate?.maximum).toBe(0.8);
  });
});

describe('the bad-scenario corpus as a whole', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));

  it('has at least 75 files, each rejected with one-line messages and no stack trace', () => {
    expect(files.length).toBeGreaterThanOrEqual(75);
    for (const name of files) {
      const result = parseScenarioJson(readFileSync(`${FIXTURES}${name}`, 'utf8'));
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      for (const issue of result.issues) {
        expect(issue.message, name).not.toContain('\n');
        expect(issue.message, name).not.toMatch(/\n\s+at |TypeError|ReferenceError/);
        expect(issue.message.length, name).toBeLessThan(600);
      }
    }
  });
});
