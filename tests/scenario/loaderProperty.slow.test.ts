// Property tests of the scenario loader on thousands of generated inputs: whatever it is given,
// it never throws, and it answers either a fully resolved scenario or a non-empty list of
// well-formed issues.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FACTORS, FACTOR_IDS } from '../../src/model/factors.js';
import { PARAMETERS } from '../../src/model/parameters.js';
import { parseScenario, parseScenarioJson, type ParseResult } from '../../src/scenario/parseScenario.js';
import { formatIssues } from '../../src/scenario/issues.js';

const SEED = 42;

/** Throws with the message when the condition fails (cheaper than `expect` inside hot loops). */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** Checks the loader's contract on one result; throws when it is broken. */
function checkResult(result: ParseResult): void {
  check(result !== null && typeof result === 'object' && typeof result.ok === 'boolean', () => `not a ParseResult: ${String(result)}`);
  if (result.ok) {
    const { scenario, factors, parameters } = result.value;
    check(Number.isInteger(scenario.months) && scenario.months >= 1, () => `accepted months = ${scenario.months}`);
    for (const factor of FACTORS) {
      const values = factors[factor.id];
      check(values instanceof Float64Array && values.length === scenario.months, () => `${factor.id}: not ${scenario.months} values`);
      for (const value of values) {
        check(
          Number.isFinite(value) && value >= factor.bounds[0] && value <= factor.bounds[1] && (!factor.integer || Number.isInteger(value)),
          () => `accepted ${factor.id} = ${value}, outside bounds [${factor.bounds.join(', ')}] or not whole`,
        );
      }
    }
    for (const parameter of PARAMETERS) {
      const value = parameters[parameter.id];
      check(value >= parameter.range[0] && value <= parameter.range[1], () => `accepted ${parameter.id} = ${value}`);
    }
    return;
  }
  check(Array.isArray(result.issues) && result.issues.length > 0, () => 'ok: false without issues');
  for (const issue of result.issues) {
    const show = () => `malformed issue: ${JSON.stringify(issue)}`;
    check(typeof issue.code === 'string' && issue.code.length > 0, show);
    check(typeof issue.message === 'string' && issue.message.trim().length > 0, show);
    check(Array.isArray(issue.path) && issue.path.every((segment) => typeof segment === 'string' || typeof segment === 'number'), show);
    check(issue.expected === undefined || typeof issue.expected === 'string', show);
    check(issue.received === undefined || typeof issue.received === 'string', show);
  }
  check(typeof formatIssues(result.issues, 'generated.json') === 'string', () => 'formatIssues failed');
}

/** Runs the loader, turning a throw into a property failure with the input shown. */
function load(run: () => ParseResult): ParseResult {
  let result: ParseResult;
  try {
    result = run();
  } catch (error) {
    throw new Error(`the loader threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
  checkResult(result);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Generators for mutations of a valid scenario.

const VALID_BASE = {
  $schema: '../schema/scenario.schema.json',
  name: 'generated',
  title: 'A generated scenario',
  question: 'What if?',
  start: '2020-05',
  months: 24,
  runs: 100,
  seed: 7,
  factors: {
    usTroopsSyria: { schedule: [{ from: 0, value: 600 }, { from: 6, value: 0 }] },
    usBasesIraq: { schedule: [{ from: 0, value: 5 }, { from: 12, value: 2 }], interpolate: 'linear' },
    covidDiversion: { expression: '0.3 * exp(-t / 6)' },
    coalitionAirSupport: { value: 0.5 },
    warChest: 100,
  },
  parameters: { recruitRate: 0.4 },
} as const;

const TOP_KEYS = Object.keys(VALID_BASE);
const NEAR_KEYS = ['mnths', 'Months', 'factor', 'parameter', 'seeds', 'questions', 'allowOutsidePlausibleRange', 'description', '__proto__', 'constructor'];
const PARAMETER_IDS = PARAMETERS.map((parameter) => parameter.id);

/** Expression text built from tokens, valid or not, safe or not. */
const expressionText = fc
  .array(
    fc.constantFrom(
      't', 't', '1', '0.5', '600', '-', '+', '*', '/', '^', '(', ')', '(', ')', ',', '?', ':', '<', '>=', '==', 'and', 'not',
      'mod', 'exp', 'min', 'max', 'log', 'sqrt', 'abs', 'pi', 'e', 'import', 'constructor', '.', '[', ']', '"a"', '{}',
      'x', '=', ';', 'f(x)', '1e308', 'Infinity', 'NaN', 'true', 'evaluate', 'to', 'cm', '!', "'", '@',
    ),
    { maxLength: 12 },
  )
  .map((tokens) => tokens.join(' '));

const scheduleStep = fc.oneof(
  fc.record({ from: fc.nat({ max: 40 }), value: fc.double({ min: -10, max: 10_000, noNaN: true }) }),
  fc.record({ from: fc.integer({ min: -3, max: 300 }), value: fc.double() }, { requiredKeys: [] }),
  fc.dictionary(fc.constantFrom('from', 'value', 'valeu', 'to'), fc.jsonValue(), { maxKeys: 3 }),
);

/** Anything that might stand in a factor's place. */
const factorSetting = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0
  fc.double({ min: 0, max: 2, noNaN: true }),
  fc.integer({ min: -10, max: 100_000 }),
  fc.string({ maxLength: 8 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.record({ value: fc.oneof(fc.double(), fc.jsonValue({ maxDepth: 1 })) }),
  fc.record(
    {
      schedule: fc.oneof(fc.array(scheduleStep, { maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })),
      interpolate: fc.constantFrom('step', 'linear', 'linar', 3),
    },
    { requiredKeys: ['schedule'] },
  ),
  fc.record({ expression: fc.oneof(expressionText, fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 1 })) }),
  fc.dictionary(fc.constantFrom('value', 'schedule', 'expression', 'interpolate', 'from', 'x'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

type Mutation =
  | { kind: 'set-top'; key: string; value: unknown }
  | { kind: 'remove-top'; key: string }
  | { kind: 'set-factor'; id: string; value: unknown }
  | { kind: 'remove-factor'; id: string }
  | { kind: 'set-parameter'; id: string; value: unknown }
  | { kind: 'replace-section'; key: 'factors' | 'parameters'; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('set-top' as const),
    key: fc.oneof(fc.constantFrom(...TOP_KEYS, ...NEAR_KEYS), fc.string({ maxLength: 10 })),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.integer({ min: -5, max: 300 }), fc.double()),
  }),
  fc.record({ kind: fc.constant('remove-top' as const), key: fc.constantFrom(...TOP_KEYS) }),
  fc.record({
    kind: fc.constant('set-factor' as const),
    id: fc.oneof(fc.constantFrom(...FACTOR_IDS), fc.constantFrom('covidDiversio', 'warchest', 'toString', '__proto__'), fc.string({ maxLength: 10 })),
    value: factorSetting,
  }),
  fc.record({ kind: fc.constant('remove-factor' as const), id: fc.constantFrom(...Object.keys(VALID_BASE.factors)) }),
  fc.record({
    kind: fc.constant('set-parameter' as const),
    id: fc.oneof(fc.constantFrom(...PARAMETER_IDS), fc.string({ maxLength: 10 })),
    value: fc.oneof(fc.double(), fc.double({ min: -1, max: 20_000, noNaN: true }), fc.jsonValue({ maxDepth: 1 })),
  }),
  fc.record({
    kind: fc.constant('replace-section' as const),
    key: fc.constantFrom('factors' as const, 'parameters' as const),
    value: fc.jsonValue({ maxDepth: 2 }),
  }),
);

/** Own-property assignment that also works for keys such as "__proto__". */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function section(scenario: Record<string, unknown>, key: 'factors' | 'parameters'): Record<string, unknown> {
  const current = scenario[key];
  if (current !== null && typeof current === 'object' && !Array.isArray(current)) return current as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  put(scenario, key, fresh);
  return fresh;
}

function mutate(mutations: readonly Mutation[]): Record<string, unknown> {
  const scenario = structuredClone(VALID_BASE) as unknown as Record<string, unknown>;
  for (const m of mutations) {
    switch (m.kind) {
      case 'set-top': put(scenario, m.key, m.value); break;
      case 'remove-top': delete scenario[m.key]; break;
      case 'set-factor': put(section(scenario, 'factors'), m.id, m.value); break;
      case 'remove-factor': delete section(scenario, 'factors')[m.id]; break;
      case 'set-parameter': put(section(scenario, 'parameters'), m.id, m.value); break;
      case 'replace-section': put(scenario, m.key, m.value); break;
    }
  }
  return scenario;
}

/** True when a number without a JSON form (NaN, ±Infinity) occurs anywhere in the value. */
function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasNonFinite);
}

// ---------------------------------------------------------------------------------------------

describe('parseScenario properties', () => {
  it('parseScenario accepts the unmutated base scenario (the mutations start from a valid one)', () => {
    expect(load(() => parseScenario(structuredClone(VALID_BASE))).ok).toBe(true);
  });

  it('parseScenario never throws on arbitrary JSON values and agrees with parseScenarioJson', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const before = JSON.stringify(value);
        const fromObject = load(() => parseScenario(value));
        expect(JSON.stringify(value)).toBe(before); // the input is not modified
        const fromText = load(() => parseScenarioJson(before));
        expect(fromText.ok).toBe(fromObject.ok);
        if (!fromText.ok && !fromObject.ok) {
          expect(fromText.issues.map((issue) => issue.code)).toEqual(fromObject.issues.map((issue) => issue.code));
        }
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('parseScenario never throws on arbitrary JSON objects that carry the required fields', () => {
    const required = fc.record({
      name: fc.oneof(fc.constant('ok-name'), fc.jsonValue({ maxDepth: 0 })),
      question: fc.oneof(fc.constant('q'), fc.jsonValue({ maxDepth: 0 })),
      start: fc.oneof(fc.constant('2020-05'), fc.string({ maxLength: 8 })),
      months: fc.oneof(fc.integer({ min: -2, max: 250 }), fc.double()),
    });
    fc.assert(
      fc.property(required, fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), (head, extra) => {
        load(() => parseScenario({ ...extra, ...head }));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('parseScenario never throws on mutations of a valid scenario', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const scenario = mutate(mutations);
        const result = load(() => parseScenario(scenario));
        if (result.ok) accepted++;
        else rejected++;
        // The same scenario as JSON text gives the same verdict (NaN and ±Infinity have no JSON form).
        if (!hasNonFinite(scenario)) expect(load(() => parseScenarioJson(JSON.stringify(scenario))).ok).toBe(result.ok);
      }),
      { seed: SEED, numRuns: 2000 },
    );
    // The generator explores both sides of the verdict.
    expect(accepted).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(1000);
  });

  it('parseScenario never throws when a factor setting is replaced by a random object, string or number', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FACTOR_IDS), factorSetting, fc.boolean(), fc.integer({ min: 1, max: 48 }), (id, setting, allow, months) => {
        const result = load(() => parseScenario({ ...VALID_BASE, months: Math.max(months, 13), allowOutsidePlausibleRange: allow, factors: { [id]: setting } }));
        if (!result.ok) for (const issue of result.issues) expect(issue.path[0] === 'factors' || issue.path[0] === '(baseline)').toBe(true);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});

describe('parseScenarioJson properties', () => {
  const validText = JSON.stringify(VALID_BASE, null, 2);

  function checkText(text: string): void {
    const result = load(() => parseScenarioJson(text));
    let parses = true;
    try {
      JSON.parse(text);
    } catch {
      parses = false;
    }
    if (!parses) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      const issue = result.issues[0];
      expect(issue?.code).toBe('invalid-json');
      expect(issue?.path).toEqual([]);
      const where = /line (\d+), column (\d+)/.exec(issue?.message ?? '');
      if (where) {
        expect(Number(where[1])).toBeGreaterThanOrEqual(1);
        expect(Number(where[1])).toBeLessThanOrEqual(text.split('\n').length);
        expect(Number(where[2])).toBeGreaterThanOrEqual(1);
      }
    }
  }

  it('parseScenarioJson never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 60 }), fc.json()), checkText),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('parseScenarioJson never throws on a valid scenario text with characters inserted, deleted or replaced', () => {
    const edit = fc.record({
      at: fc.nat({ max: validText.length }),
      remove: fc.nat({ max: 3 }),
      insert: fc.oneof(fc.constant(''), fc.constantFrom(',', '}', ']', '"', ':', '\n', '1', 'e', '-', '\\', '"x": 1,'), fc.string({ maxLength: 3 })),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = validText;
        for (const { at, remove, insert } of edits) text = text.slice(0, at) + insert + text.slice(at + remove);
        checkText(text);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});
