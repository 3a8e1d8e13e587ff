import type { z } from 'zod';
import { FACTORS, FACTOR_IDS, type FactorId, type FactorSetting } from '../model/factors.js';
import { DEFAULT_PARAMETERS, PARAMETERS, type ParameterValues } from '../model/parameters.js';
import type { ScenarioIssue } from './issues.js';
import { resolveFactorSetting, truncateSchedule } from './resolveFactorSetting.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { closestName } from './suggest.js';

/** A scenario that passed every check, with each factor resolved to a value per month. */
export interface ValidScenario {
  readonly scenario: Scenario;
  /** Every factor (set or baseline) as a value per month. */
  readonly factors: Readonly<Record<FactorId, Float64Array>>;
  /** Every parameter (set or default). */
  readonly parameters: ParameterValues;
}

/** The result of parsing: the valid scenario, or every issue found. Never throws on bad input. */
export type ParseResult = { ok: true; value: ValidScenario } | { ok: false; issues: ScenarioIssue[] };

/**
 * Validates a scenario object (e.g. from `JSON.parse`): its shape (strict: unknown keys are
 * errors, with a "did you mean"), then each factor's schedule or expression and range, then
 * each parameter's range. Collects all issues instead of stopping at the first.
 *
 * @example
 * parseScenario({ name: 'x', question: 'q', start: '2020-05', months: 36, factors: { covidDiversion: 0 } }).ok; // true
 * parseScenario({ name: 'x', question: 'q', start: '2020-05', months: 36, factors: { covidDiversio: 0 } });
 * // { ok: false, issues: [{ code: 'unknown-key', path: ['factors', 'covidDiversio'],
 * //   message: 'unknown factor "covidDiversio" (did you mean "covidDiversion"?)' }] }
 */
export function parseScenario(input: unknown): ParseResult {
  const shape = scenarioSchema.safeParse(input);
  if (!shape.success) return { ok: false, issues: shape.error.issues.flatMap((issue) => fromZodIssue(issue, input)) };
  const scenario = shape.data;
  const issues: ScenarioIssue[] = [];
  const factors = {} as Record<FactorId, Float64Array>;
  for (const factor of FACTORS) {
    const given = scenario.factors?.[factor.id] as FactorSetting | undefined;
    const setting = given ?? truncateSchedule(factor.baseline, scenario.months);
    const resolved = resolveFactorSetting(factor, setting, {
      months: scenario.months,
      path: given === undefined ? ['(baseline)', factor.id] : ['factors', factor.id],
      allowOutsidePlausibleRange: scenario.allowOutsidePlausibleRange ?? false,
    });
    if (resolved.ok) factors[factor.id] = resolved.values;
    else issues.push(...resolved.issues);
  }
  const parameters = { ...DEFAULT_PARAMETERS } as Record<string, number>;
  for (const parameter of PARAMETERS) {
    const value = scenario.parameters?.[parameter.id];
    if (value === undefined) continue;
    const [low, high] = parameter.range;
    if (!(value >= low && value <= high)) {
      issues.push({
        code: 'out-of-range',
        path: ['parameters', parameter.id],
        message: `${parameter.id}: expected a value in [${low}, ${high}] (${parameter.unit}), received ${value}`,
        expected: `${low} ≤ value ≤ ${high}`,
        received: String(value),
      });
    } else if (parameter.integer && !Number.isInteger(value)) {
      issues.push({
        code: 'not-integer',
        path: ['parameters', parameter.id],
        message: `${parameter.id}: expected a whole number, received ${value}`,
        expected: 'an integer',
        received: String(value),
      });
    } else {
      parameters[parameter.id] = value;
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { scenario, factors, parameters: parameters as ParameterValues } };
}

/**
 * Parses scenario JSON text; a syntax error becomes an issue with its line and column.
 *
 * @example
 * parseScenarioJson('{"name": }');
 * // { ok: false, issues: [{ code: 'invalid-json', path: [], message: 'invalid JSON at line 1, column 10: ...' }] }
 */
export function parseScenarioJson(text: string): ParseResult {
  if (text.trim() === '') return { ok: false, issues: [{ code: 'invalid-json', path: [], message: 'the file is empty (expected a JSON object)', expected: 'a JSON object', received: 'nothing' }] };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [jsonSyntaxIssue(text, error as Error)] };
  }
  return parseScenario(input);
}

function jsonSyntaxIssue(text: string, error: Error): ScenarioIssue {
  const position = /position (\d+)/.exec(error.message);
  let where = '';
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  }
  const reason = error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  return { code: 'invalid-json', path: [], message: `invalid JSON${where}: ${reason}`, expected: 'valid JSON' };
}

const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(scenarioSchema.shape),
  factors: FACTOR_IDS,
  parameters: PARAMETERS.map((parameter) => parameter.id),
};

const SETTING_FORMS = ['value', 'schedule', 'expression'] as const;
const SETTING_HINT = 'a number, { "value": n }, { "schedule": [{ "from": month, "value": n }, …] } or { "expression": "…" }';

/**
 * A union failed. For a factor setting whose object names exactly one form, report that
 * form's own issues (with their deeper paths); otherwise say which forms exist. The only other
 * union is `seed`.
 */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion, path: (string | number)[], input: unknown, received: string): ScenarioIssue[] {
  if (path[0] !== 'factors') {
    return [{ code: 'invalid-type', path, message: `expected a whole number ≥ 0 or a non-empty string, received ${received}`, expected: 'an integer ≥ 0 or a string', received }];
  }
  const value = valueAt(input, path);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const forms = SETTING_FORMS.filter((form) => form in value);
    if (forms.length > 1) {
      return [
        {
          code: 'invalid-setting',
          path,
          message: `a setting takes exactly one of "value", "schedule" or "expression", received ${forms.map((f) => `"${f}"`).join(' and ')}`,
          expected: 'one form',
          received: forms.join(', '),
        },
      ];
    }
    if (forms.length === 1) {
      // Union branches are, in order: number, {value}, {schedule, interpolate}, {expression}.
      const branch = issue.errors[SETTING_FORMS.indexOf(forms[0] as (typeof SETTING_FORMS)[number]) + 1] ?? [];
      const deeper = branch.flatMap((inner) => fromZodIssue({ ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, input));
      if (deeper.length > 0) return deeper;
    }
  }
  return [{ code: 'invalid-setting', path, message: `expected ${SETTING_HINT}, received ${received}`, expected: 'a factor setting', received }];
}

/** The keys valid at a path, for "did you mean" suggestions. */
function knownKeysAt(path: readonly (string | number)[]): readonly string[] {
  if (path.length === 2 && path[0] === 'factors') return ['value', 'schedule', 'interpolate', 'expression'];
  if (path.length === 4 && path[0] === 'factors' && path[2] === 'schedule') return ['from', 'value'];
  return KNOWN_KEYS[path.join('.')] ?? [];
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fromZodIssue(issue: z.core.$ZodIssue, input: unknown): ScenarioIssue[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const received = describe(valueAt(input, path));
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeysAt(path);
      const what = path[0] === 'factors' && path.length === 1 ? 'factor' : path[0] === 'parameters' && path.length === 1 ? 'parameter' : 'key';
      return issue.keys.map((key) => {
        const suggestion = closestName(key, known);
        const hint = suggestion ? ` (did you mean "${suggestion}"?)` : known.length > 0 && what !== 'key' ? ` (known ${what}s: ${known.join(', ')})` : '';
        return { code: 'unknown-key', path: [...path, key], message: `unknown ${what} "${key}"${hint}`, received: key };
      });
    }
    case 'invalid_type': {
      const factor = path[0] === 'factors' && path.length === 2 ? FACTORS.find((f) => f.id === path[1]) : undefined;
      if (factor && !factor.timeVarying) {
        return [
          {
            code: 'invalid-type',
            path,
            message: `${factor.id} is an initial condition: expected a number, received ${received} (schedules and expressions are only for time-varying factors)`,
            expected: 'a number',
            received,
          },
        ];
      }
      const expected = issue.expected === 'int' ? 'an integer' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
      const message = received === 'nothing' ? `missing required field (expected ${expected})` : `expected ${expected}, received ${received}`;
      return [{ code: 'invalid-type', path, message, expected, received }];
    }
    case 'invalid_union':
      return unionIssues(issue, path, input, received);
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? `≥ ${String(issue.minimum)}` : `≤ ${String(issue.maximum)}`;
      const value = valueAt(input, path);
      if (issue.code === 'too_small' && Array.isArray(value) && value.length === 0) {
        return [{ code: 'out-of-range', path, message: `expected at least ${String(issue.minimum)} step, received an empty list`, expected: bound, received }];
      }
      if (issue.code === 'too_small' && value === '') {
        return [{ code: 'out-of-range', path, message: 'expected text, received an empty string', expected: 'non-empty text', received }];
      }
      const noun = issue.origin === 'array' || issue.origin === 'string' ? 'length' : 'a value';
      return [{ code: 'out-of-range', path, message: `expected ${noun} ${bound}, received ${received}`, expected: bound, received }];
    }
    case 'invalid_value':
      return [
        {
          code: 'invalid-value',
          path,
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, received ${received}`,
          received,
        },
      ];
    case 'invalid_format':
      return [{ code: 'invalid-format', path, message: `${issue.message.replace(/^Invalid string: /, '')}, received ${received}`, received }];
    default:
      return [{ code: issue.code, path, message: `${issue.message}, received ${received}`, received }];
  }
}
