import type { z } from 'zod';
import { ACTORS, AREAS_2020, type AreaTable } from '../model/areas.js';
import { FACTORS, FACTOR_IDS, type FactorId, type FactorSetting } from '../model/factors.js';
import type { InitialStateOverride, ScheduledEvents } from '../model/inputs.js';
import { DEFAULT_PARAMETERS, PARAMETERS, type ParameterId, type ParameterValues } from '../model/parameters.js';
import { resolveEvents, type ScheduledEventSpec } from './events.js';
import { resolveCorrelations, type ResolvedCorrelations } from './correlations.js';
import { resolveInitialState, type InitialStateSpec } from './initialState.js';
import { resolveInterventions, withInterventions, type InterventionSpec, type ResolvedIntervention } from './interventions.js';
import type { ScenarioIssue } from './issues.js';
import { monthIndex, resolveObserved, type ObservedSeries, type ObservedSeriesSpec } from './observed.js';
import { isPosteriorPath, validatePosterior, type PosteriorSamples, type ResolvedPosterior } from './posterior.js';
import { resolveFactorSetting, truncateSchedule } from './resolveFactorSetting.js';
import { SIZE_LIMITS } from './bounds.js';
import { workBudgetIssues } from './workBudget.js';
import { jsonErrorOffset } from './jsonErrorOffset.js';
import { markParsed } from './parsedMark.js';
import { initialStateSchema, MAX_MONTHS, scenarioSchema, type Scenario } from './schema.js';
import { SHIPPED_POSTERIORS } from './shippedPosteriors.js';
import { closestName } from './suggest.js';
import { ExpressionEngineNotLoadedError } from './expression.js';
import { isUncertainSetting, resolveUncertainFactor, type UncertainFactor } from './uncertainFactor.js';
import { resolveUncertainty, type ResolvedUncertainty } from './uncertainty.js';

/**
 * A scenario that passed every check, with each factor resolved to a value per month. The
 * fields after `parameters` are absent in scenarios that do not use them (and in validated
 * scenarios built by hand).
 */
export interface ValidScenario {
  readonly scenario: Scenario;
  /**
   * Every factor (set or baseline) as a value per month, interventions applied. An uncertain
   * factor holds its nominal series: its distribution's median (see `drawRunInputs` for the
   * per-run draws).
   */
  readonly factors: Readonly<Record<FactorId, Float64Array>>;
  /** Every parameter (set or default); parameters drawn from a posterior hold their default here. */
  readonly parameters: ParameterValues;
  /** The uncertain factors, in registry order. */
  readonly uncertain?: readonly UncertainFactor[];
  /** Rank correlations between uncertain factors, prepared for the Gaussian copula. */
  readonly correlations?: ResolvedCorrelations;
  /** Interventions, in file order (already applied to `factors`; re-applied to every draw). */
  readonly interventions?: readonly ResolvedIntervention[];
  /** The posterior sample each run draws a parameter row from. */
  readonly posterior?: ResolvedPosterior;
  /** Overrides of the state at month 0. */
  readonly initialState?: InitialStateOverride;
  /** `parameterScales`, in registry order: each run multiplies these parameters by a log-uniform draw (see `drawRunInputs`). */
  readonly parameterScales?: readonly ParameterScale[];
  /** `initialState.fightersRange`: each run draws its starting total from it (see `drawRunInputs`). */
  readonly fightersRange?: readonly [number, number];
  /** The areas, with the initial state's `control` applied (the shipped 2020 table otherwise). */
  readonly areas?: AreaTable;
  /** Observed series for back-testing. */
  readonly observed?: readonly ObservedSeries[];
  /** Month index of the forecast origin (`forecastOrigin`): points starting at or before it are not scored. */
  readonly forecastOrigin?: number;
  /** Events and force levels scheduled by month. */
  readonly events?: ScheduledEvents;
  /** The `uncertainty` block, resolved: the posterior and judged factors each run draws (see `drawRunInputs`). */
  readonly uncertainty?: ResolvedUncertainty;
}

/** Options of {@link parseScenario}. */
export interface ParseScenarioOptions {
  /** Posterior samples a `parameters.posterior` name may refer to. Default: `SHIPPED_POSTERIORS`. */
  readonly posteriors?: Readonly<Record<string, PosteriorSamples>>;
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
export function parseScenario(input: unknown, options: ParseScenarioOptions = {}): ParseResult {
  let result: ParseResult;
  try {
    result = parseChecked(input, options);
  } catch (error) {
    // Not the input's fault: mathjs was not provided (see loadExpressionEngine).
    if (error instanceof ExpressionEngineNotLoadedError) throw error;
    // Documented never to throw on bad input: anything unforeseen becomes an issue, not a crash.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ code: 'invalid-scenario', path: [], message: `the scenario could not be checked: ${reason}` }] };
  }
  if (result.ok) markParsed(result.value);
  return result;
}

function parseChecked(input: unknown, options: ParseScenarioOptions): ParseResult {
  if (looksParsed(input)) {
    return {
      ok: false,
      issues: [
        {
          code: 'invalid-type',
          path: [],
          message:
            'this object looks like a validated scenario but did not come from parseScenario (a copy or one built by hand is never run unchecked): pass the scenario JSON, e.g. its "scenario" field, instead',
          expected: 'a scenario file\'s JSON',
          received: 'an unvalidated { scenario, factors, parameters } object',
        },
      ],
    };
  }
  const shape = scenarioSchema.safeParse(input);
  if (!shape.success) {
    const structural = shape.error.issues.flatMap((issue) => fromZodIssue(issue, input));
    return { ok: false, issues: [...structural, ...issuesBeyondShape(input, structural, options)] };
  }
  return checkValues(shape.data, options);
}

/** True for an object shaped like a {@link ValidScenario} (which a scenario file never is). */
function looksParsed(input: unknown): boolean {
  return input !== null && typeof input === 'object' && ['scenario', 'factors', 'parameters'].every((key) => Object.hasOwn(input, key)) && !Object.hasOwn(input, 'name');
}

/** The checks after the shape check: factor settings, parameters and the other sections. */
function checkValues(scenario: Scenario, options: ParseScenarioOptions): ParseResult {
  const issues: ScenarioIssue[] = [];
  const factors = {} as Record<FactorId, Float64Array>;
  const uncertain: UncertainFactor[] = [];
  const allowOutsidePlausibleRange = scenario.allowOutsidePlausibleRange ?? false;
  for (const factor of FACTORS) {
    const given = scenario.factors?.[factor.id] as unknown;
    if (isUncertainSetting(given)) {
      const resolved = resolveUncertainFactor(factor, given, { months: scenario.months, path: ['factors', factor.id], allowOutsidePlausibleRange });
      if (resolved.ok) {
        factors[factor.id] = resolved.nominal;
        uncertain.push(resolved.value);
      } else {
        issues.push(...resolved.issues);
      }
      continue;
    }
    const setting = (given as FactorSetting | undefined) ?? truncateSchedule(factor.baseline, scenario.months);
    const resolved = resolveFactorSetting(factor, setting, {
      months: scenario.months,
      path: given === undefined ? ['(baseline)', factor.id] : ['factors', factor.id],
      allowOutsidePlausibleRange,
    });
    if (resolved.ok) factors[factor.id] = resolved.values;
    else issues.push(...resolved.issues);
  }
  const parameterScales = resolveParameterScales(scenario.parameterScales as Readonly<Record<string, readonly [number, number] | undefined>> | undefined, issues);
  const extras = resolveExtras(scenario, uncertain, options);
  if (!extras.ok) issues.push(...extras.issues);
  const parameters = { ...DEFAULT_PARAMETERS } as Record<string, number>;
  const givenParameters = (scenario.parameters ?? {}) as Record<string, number | undefined>;
  for (const parameter of PARAMETERS) {
    const value = givenParameters[parameter.id];
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
  const forecastOrigin = scenario.forecastOrigin === undefined ? undefined : monthIndex(scenario.start, scenario.forecastOrigin);
  if (forecastOrigin !== undefined && (forecastOrigin < 0 || forecastOrigin >= scenario.months)) {
    issues.push({
      code: 'origin-outside-horizon',
      path: ['forecastOrigin'],
      message: `the forecast origin ${scenario.forecastOrigin} is outside the scenario's horizon (${scenario.start} plus ${scenario.months} months)`,
      expected: `a month from ${scenario.start} on, within ${scenario.months} months`,
      received: scenario.forecastOrigin as string,
    });
  }
  if (issues.length > 0 || !extras.ok) return { ok: false, issues };
  const { interventions, correlations, posterior, start, observed, events, uncertainty } = extras.value;
  // Foreign fighters that a scenario schedules count against the work budget like those at the start.
  const arriving = (scenario.events ?? []).reduce((sum, event) => sum + (event.kind === 'foreignFighters' ? event.fighters : 0), 0);
  const budget = workBudgetIssues({
    // With a fightersRange, a run may start with up to its high end.
    fighters: (start?.fightersRange ? Math.ceil(start.fightersRange[1]) : startingFighters(start?.override, parameters.initialFighters as number)) + arriving,
    fightersPerCell: maxOverPosterior(posterior, 'fightersPerCell', parameters.fightersPerCell as number, Math.min),
    months: scenario.months,
    path: start?.override.totalFighters !== undefined || start?.override.fightersByArea !== undefined ? ['initialState', 'fighters'] : ['parameters', 'initialFighters'],
  });
  if (budget.length > 0) return { ok: false, issues: budget };
  for (const id of FACTOR_IDS) factors[id] = withInterventions(id, factors[id], interventions);
  return {
    ok: true,
    value: {
      scenario,
      factors,
      parameters: parameters as ParameterValues,
      ...(uncertain.length > 0 ? { uncertain } : {}),
      ...(correlations ? { correlations } : {}),
      ...(interventions.length > 0 ? { interventions } : {}),
      ...(posterior ? { posterior } : {}),
      ...(start ? { initialState: start.override, areas: start.areas } : {}),
      ...(start?.fightersRange ? { fightersRange: start.fightersRange } : {}),
      ...(parameterScales.length > 0 ? { parameterScales } : {}),
      ...(observed.length > 0 ? { observed } : {}),
      ...(forecastOrigin === undefined ? {} : { forecastOrigin }),
      ...(events ? { events } : {}),
      ...(uncertainty ? { uncertainty } : {}),
    },
  };
}

/** Stand-ins for required top-level fields that failed the shape check, so the rest can be checked. */
const PLACEHOLDERS: Readonly<Record<string, unknown>> = { name: 'x', question: 'x', start: '2020-05', months: MAX_MONTHS };
/** Sections whose entries (a factor, a parameter, an initial-state field) are checked one by one. */
const KEYED_SECTIONS: ReadonlySet<string> = new Set(['factors', 'parameters', 'parameterScales', 'initialState']);

/**
 * The value and range issues of a file that failed the shape check, so one pass reports every
 * problem (issue 13, item 8): the parts with structural issues are set aside (a bad factor or
 * parameter alone; any other section whole; a bad required field replaced by a stand-in), the
 * rest is checked, and issues that only the stand-ins could cause are dropped.
 */
function issuesBeyondShape(input: unknown, structural: readonly ScenarioIssue[], options: ParseScenarioOptions): ScenarioIssue[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  const pruned: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const setAside: string[] = [];
  for (const issue of structural) {
    const [head, key] = issue.path;
    if (typeof head !== 'string') return [];
    if (KEYED_SECTIONS.has(head) && typeof key === 'string' && issue.path.length >= 2) {
      const section = pruned[head];
      if (section !== null && typeof section === 'object' && !Array.isArray(section)) {
        const copy = { ...(section as Record<string, unknown>) };
        delete copy[key];
        pruned[head] = copy;
        setAside.push(`${head}.${key}`);
        continue;
      }
    }
    delete pruned[head];
    setAside.push(head);
    if (Object.hasOwn(PLACEHOLDERS, head)) pruned[head] = PLACEHOLDERS[head];
  }
  for (const [field, placeholder] of Object.entries(PLACEHOLDERS)) if (!Object.hasOwn(pruned, field)) pruned[field] = placeholder;
  const shape = scenarioSchema.safeParse(pruned);
  if (!shape.success) return [];
  const checked = checkValues(shape.data, options);
  if (checked.ok) return [];
  // Issues of a section that names a set-aside part (a source keyed by it, a conflict with it)
  // would only confuse: keep those whose path and subject are untouched.
  const touched = (issue: ScenarioIssue) =>
    setAside.some((part) => {
      const path = issue.path.join('.');
      return path === part || path.startsWith(`${part}.`) || (issue.received !== undefined && issue.received.includes(part));
    });
  const monthsSetAside = setAside.includes('months');
  const startSetAside = setAside.includes('start');
  return checked.issues.filter(
    (issue) =>
      !touched(issue) &&
      !(monthsSetAside && (/horizon/.test(issue.code) || /\bat month \d/.test(issue.message))) &&
      !(startSetAside && issue.path[0] === 'observed') &&
      issue.path[0] !== 'sources',
  );
}

/** One entry of a scenario's `parameterScales`: multiply `id` per run by a log-uniform draw on [low, high]. */
export interface ParameterScale {
  readonly id: ParameterId;
  readonly low: number;
  readonly high: number;
}

/** The `parameterScales` section in registry order, with an issue for each inverted range. */
function resolveParameterScales(section: Readonly<Record<string, readonly [number, number] | undefined>> | undefined, issues: ScenarioIssue[]): ParameterScale[] {
  if (section === undefined) return [];
  return PARAMETERS.flatMap((parameter) => {
    const range = section[parameter.id];
    if (range === undefined) return [];
    const [low, high] = range;
    if (low > high) {
      issues.push({ code: 'inverted-range', path: ['parameterScales', parameter.id], message: `expected [low, high] with low ≤ high, received [${low}, ${high}]`, expected: 'low ≤ high', received: `[${low}, ${high}]` });
      return [];
    }
    return [{ id: parameter.id, low, high }];
  });
}

/** Fighters at the start: the initial state's (a total or the sum over areas), else the parameter. */
function startingFighters(override: InitialStateOverride | undefined, initialFighters: number): number {
  if (override?.fightersByArea) return override.fightersByArea.reduce((sum, count) => sum + count, 0);
  return override?.totalFighters ?? initialFighters;
}

/** A parameter's most demanding value: the given one, or the extreme over a posterior's column. */
function maxOverPosterior(posterior: ResolvedPosterior | undefined, id: string, value: number, pick: (a: number, b: number) => number): number {
  const column = posterior?.parameters.indexOf(id) ?? -1;
  if (!posterior || column < 0) return value;
  return posterior.samples.reduce((extreme, row) => pick(extreme, row[column] as number), posterior.samples[0]?.[column] as number);
}

interface Extras {
  readonly interventions: ResolvedIntervention[];
  readonly correlations: ResolvedCorrelations | undefined;
  readonly posterior: ResolvedPosterior | undefined;
  readonly start: { override: InitialStateOverride; areas: AreaTable; fightersRange?: readonly [number, number] } | undefined;
  readonly observed: ObservedSeries[];
  readonly events: ScheduledEvents | undefined;
  readonly uncertainty: ResolvedUncertainty | undefined;
}

/** The sections beyond factors and parameters: each checked independently, all issues collected. */
function resolveExtras(
  scenario: Scenario,
  uncertain: readonly UncertainFactor[],
  options: ParseScenarioOptions,
): { ok: true; value: Extras } | { ok: false; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const collect = <T>(result: { ok: true; value: T } | { ok: false; issues: ScenarioIssue[] }): T | undefined => {
    if (result.ok) return result.value;
    issues.push(...result.issues);
    return undefined;
  };
  const { months } = scenario;
  const allowOutsidePlausibleRange = scenario.allowOutsidePlausibleRange ?? false;
  const interventions =
    collect(resolveInterventions((scenario.interventions ?? []) as InterventionSpec[], { months, allowOutsidePlausibleRange })) ?? [];
  const correlations = scenario.correlations
    ? collect(resolveCorrelations(scenario.correlations, new Set(uncertain.map((factor) => factor.id))))
    : undefined;
  const posterior = resolvePosteriorReference(scenario, options, issues);
  const start = scenario.initialState
    ? collect(
        resolveInitialState(scenario.initialState as InitialStateSpec, {
          factorsGiven: new Set(Object.keys(scenario.factors ?? {}).filter((id) => (scenario.factors as Record<string, unknown>)[id] !== undefined)),
          areas: AREAS_2020,
          defaultFighters: (scenario.parameters as Record<string, number | undefined> | undefined)?.initialFighters ?? (DEFAULT_PARAMETERS.initialFighters as number),
        }),
      )
    : undefined;
  const uncertainty = collect(resolveUncertainty(scenario, { posteriors: options.posteriors ?? SHIPPED_POSTERIORS }));
  const observed = collect(resolveObserved((scenario.observed ?? []) as ObservedSeriesSpec[], { start: scenario.start, months })) ?? [];
  const events = scenario.events ? collect(resolveEvents(scenario.events as ScheduledEventSpec[], { months, areas: start?.areas ?? AREAS_2020, ...(start?.override.detaineesByArea ? { heldAtStart: start.override.detaineesByArea } : {}) })) : undefined;
  for (const key of Object.keys(scenario.sources ?? {})) {
    if (!pathExists(scenario, key)) {
      issues.push({
        code: 'unknown-source-path',
        path: ['sources', key],
        message: `"${key}" names nothing in this scenario: a source must be keyed by the JSON path of a number or section it documents (e.g. "factors.usTroopsSyria")`,
        received: key,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { interventions, correlations, posterior, start, observed, events, uncertainty } };
}

function resolvePosteriorReference(scenario: Scenario, options: ParseScenarioOptions, issues: ScenarioIssue[]): ResolvedPosterior | undefined {
  const reference = scenario.parameters?.posterior;
  if (reference === undefined) return undefined;
  const path = ['parameters', 'posterior'];
  const fixed = new Set([
    ...Object.keys(scenario.parameters ?? {}).filter((key) => key !== 'posterior'),
    ...Object.keys(scenario.initialState ?? {}).map((field) => `initialState.${field}`),
  ]);
  const registry = options.posteriors ?? SHIPPED_POSTERIORS;
  let sample: PosteriorSamples | undefined;
  let name: string | undefined;
  if (typeof reference === 'string') {
    sample = Object.hasOwn(registry, reference) ? registry[reference] : undefined;
    name = reference;
    if (!sample) {
      const names = Object.keys(registry);
      const suggestion = closestName(reference, names);
      const message = isPosteriorPath(reference)
        ? `the posterior file "${reference}" was not loaded: load the scenario through resolveScenarioFiles (the CLI does), or name a shipped posterior`
        : `unknown posterior "${reference}"${suggestion ? ` (did you mean "${suggestion}"?)` : names.length > 0 ? ` (shipped posteriors: ${names.join(', ')})` : ' (no posteriors are shipped)'}`;
      issues.push({ code: isPosteriorPath(reference) ? 'posterior-not-loaded' : 'unknown-posterior', path, message, received: reference });
      return undefined;
    }
  } else {
    sample = reference;
  }
  const validated = validatePosterior(sample, { path: typeof reference === 'string' ? [...path, `(${reference})`] : path, fixed, ...(name === undefined ? {} : { name }) });
  if (validated.ok) return validated.value;
  issues.push(...validated.issues);
  return undefined;
}

/** True when a dotted/bracketed JSON path (e.g. "factors.usTroopsSyria", "observed[0].points[1]") exists in the scenario. */
function pathExists(scenario: unknown, key: string): boolean {
  const segments = key.match(/[^.[\]]+/g) ?? [];
  if (segments.length === 0) return false;
  let value: unknown = scenario;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return false;
    const key = segment.replace(/^"(.*)"$/, '$1');
    if (!Object.hasOwn(value, key)) return false;
    const next = (value as Record<string, unknown>)[key];
    if (next === undefined) return false;
    value = next;
  }
  return true;
}

/**
 * Parses scenario JSON text; a syntax error becomes an issue with its line and column.
 *
 * @example
 * parseScenarioJson('{"name": }');
 * // { ok: false, issues: [{ code: 'invalid-json', path: [], message: 'invalid JSON at line 1, column 10: ...' }] }
 */
export function parseScenarioJson(text: string, options: ParseScenarioOptions = {}): ParseResult {
  if (typeof text !== 'string') return { ok: false, issues: [{ code: 'invalid-json', path: [], message: 'expected the text of a JSON file', expected: 'text' }] };
  if (text.length > SIZE_LIMITS.fileBytes) {
    return {
      ok: false,
      issues: [{ code: 'file-too-large', path: [], message: `the file is too large (${text.length} characters, at most ${SIZE_LIMITS.fileBytes}): a scenario is a few kB`, expected: `≤ ${SIZE_LIMITS.fileBytes} characters` }],
    };
  }
  // A UTF-8 byte-order mark (Windows editors write one) is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, issues: [{ code: 'invalid-json', path: [], message: 'the file is empty (expected a JSON object)', expected: 'a JSON object', received: 'nothing' }] };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [jsonSyntaxIssue(text, error as Error)] };
  }
  return parseScenario(input, options);
}

function jsonSyntaxIssue(text: string, error: Error): ScenarioIssue {
  const position = /position (\d+)/.exec(error.message);
  let where = '';
  const offset = position ? Number(position[1]) : jsonErrorOffset(text);
  if (offset !== undefined) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    where = ` at line ${line}, column ${column}`;
  }
  // V8 quotes the text around the error; keep only the reason (a file's content is never echoed).
  const reason = error.message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/^JSON\.parse: /, '')
    .replace(/^(Unexpected token '.+?'|Unexpected non-whitespace character after JSON|Unexpected end of JSON input)[, ].*$/s, '$1')
    .replace(/ is not valid JSON$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/[\u0000-\u001f\u007f-\u009f\ufeff\u200b-\u200f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .slice(0, 200);
  return { code: 'invalid-json', path: [], message: `invalid JSON${where}: ${reason}`, expected: 'valid JSON' };
}

const AREA_IDS = AREAS_2020.records.map((area) => area.id);

const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(scenarioSchema.shape),
  factors: FACTOR_IDS,
  parameters: [...PARAMETERS.map((parameter) => parameter.id), 'posterior'],
  'parameters.posterior': ['parameters', 'samples', 'weights', 'source'],
  parameterScales: PARAMETERS.map((parameter) => parameter.id),
  correlations: ['factors', 'matrix'],
  uncertainty: ['parameters', 'factors'],
  initialState: Object.keys(initialStateSchema.shape),
  'initialState.fighters': AREA_IDS,
  'initialState.detainees': AREA_IDS,
  'initialState.control': AREA_IDS,
};

/** The certain setting forms (`factorSettingSchema`), in union-branch order after the bare number. */
const CERTAIN_FORMS = ['value', 'schedule', 'expression'] as const;
/** The forms of `factorInputSchema` (time-varying factors), in union-branch order after the bare number. */
const FACTOR_FORMS = ['value', 'schedule', 'expression', 'uniform', 'triangular', 'normal', 'choice'] as const;
/** The forms of `initialConditionInputSchema`, in union-branch order after the bare number. */
const INITIAL_FORMS = ['uniform', 'triangular', 'normal', 'choice'] as const;
const SETTING_HINT = 'a number, { "value": n }, { "schedule": [{ "from": month, "value": n }, …] } or { "expression": "…" }';
const DISTRIBUTION_HINT = '{ "uniform": [lo, hi] }, { "triangular": [lo, mode, hi] }, { "normal": { "mean": m, "sd": s } } or { "choice": [a, b, …] }';

/** The issues of one union branch, with their paths made absolute. */
function branchIssues(issue: z.core.$ZodIssueInvalidUnion, branch: number, path: (string | number)[], input: unknown): ScenarioIssue[] {
  return (issue.errors[branch] ?? []).flatMap((inner) => fromZodIssue({ ...inner, path: [...path, ...inner.path] } as z.core.$ZodIssue, input));
}

/**
 * A union failed. Where the value shows which branch was meant (a setting naming one form, a
 * number where a number or an object is allowed, a point with "month" or "from"), report that
 * branch's own issues with their deeper paths; otherwise say which forms exist.
 */
function unionIssues(issue: z.core.$ZodIssueInvalidUnion, path: (string | number)[], input: unknown, received: string): ScenarioIssue[] {
  const value = valueAt(input, path);
  const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
  const last = path[path.length - 1];
  const byKind = (numberBranch: number, objectBranch: number, message: string, expected: string): ScenarioIssue[] => {
    const branch = typeof value === 'number' ? numberBranch : isObject ? objectBranch : -1;
    const deeper = branch >= 0 ? branchIssues(issue, branch, path, input) : [];
    return deeper.length > 0 ? deeper : [{ code: 'invalid-type', path, message: `${message}, received ${received}`, expected, received }];
  };
  if (path.length === 1 && path[0] === 'seed') {
    return [{ code: 'invalid-type', path, message: `expected a whole number ≥ 0 or a non-empty string, received ${received}`, expected: 'an integer ≥ 0 or a string', received }];
  }
  if (last === 'from' && path[path.length - 3] === 'schedule') {
    return byKind(0, 1, 'expected a whole month ≥ 0 or { "uniformInt": [first, last] }', 'a month');
  }
  if (path[0] === 'initialState' && path.length === 2) {
    return byKind(0, 1, `expected a total number of ${String(path[1])} or a count per area id`, 'a number or an object');
  }
  if (path[0] === 'parameters' && path[1] === 'posterior' && path.length === 2) {
    const deeper = typeof value === 'string' ? branchIssues(issue, 0, path, input) : isObject ? branchIssues(issue, 1, path, input) : [];
    if (deeper.length > 0) return deeper;
    return [{ code: 'invalid-type', path, message: `expected the name or path of a posterior file, or { "parameters": [...], "samples": [[...]], "source": "..." }, received ${received}`, expected: 'a posterior', received }];
  }
  if (path[0] === 'observed' && path[2] === 'points' && path.length === 4) {
    const branch = isObject ? ('month' in (value as object) ? 0 : 'from' in (value as object) || 'to' in (value as object) || 'total' in (value as object) ? 1 : -1) : -1;
    const deeper = branch >= 0 ? branchIssues(issue, branch, path, input) : [];
    if (deeper.length > 0) return deeper;
    return [{ code: 'invalid-point', path, message: `expected { "month": "YYYY-MM", "value": n } or { "from": "YYYY-MM", "to": "YYYY-MM", "total": n }, received ${received}`, expected: 'an observed point', received }];
  }
  // A factor setting (`factors.<id>`) or an intervention's `set`.
  const factor = path[0] === 'factors' && path.length === 2 ? FACTORS.find((f) => f.id === path[1]) : undefined;
  if (factor && !factor.timeVarying) {
    const forms = isObject ? INITIAL_FORMS.filter((form) => form in (value as object)) : [];
    if (forms.length === 1) {
      const deeper = branchIssues(issue, INITIAL_FORMS.indexOf(forms[0] as (typeof INITIAL_FORMS)[number]) + 1, path, input);
      if (deeper.length > 0) return deeper;
    }
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
  const certain = path[0] === 'interventions';
  const allForms: readonly string[] = certain ? CERTAIN_FORMS : FACTOR_FORMS;
  if (isObject) {
    const forms = allForms.filter((form) => form in (value as object));
    if (forms.length > 1) {
      const named = forms.every((form) => (CERTAIN_FORMS as readonly string[]).includes(form)) ? CERTAIN_FORMS : allForms;
      const list = `${named.slice(0, -1).map((f) => `"${f}"`).join(', ')} or "${named[named.length - 1]}"`;
      return [
        {
          code: 'invalid-setting',
          path,
          message: `a setting takes exactly one of ${list}, received ${forms.map((f) => `"${f}"`).join(' and ')}`,
          expected: 'one form',
          received: forms.join(', '),
        },
      ];
    }
    if (forms.length === 1) {
      const deeper = branchIssues(issue, allForms.indexOf(forms[0] as string) + 1, path, input);
      if (deeper.length > 0) return deeper;
    }
  }
  const hint = certain ? SETTING_HINT : `${SETTING_HINT}, or a distribution: ${DISTRIBUTION_HINT}`;
  return [{ code: 'invalid-setting', path, message: `expected ${hint}, received ${received}`, expected: 'a factor setting', received }];
}

/** The keys valid at a path, for "did you mean" suggestions. */
function knownKeysAt(path: readonly (string | number)[]): readonly string[] {
  const [head, second, third] = path;
  if (head === 'factors') {
    if (path.length === 2) return [...FACTOR_FORMS, 'interpolate', 'weights'];
    if (path.length === 3 && third === 'normal') return ['mean', 'sd'];
    if (path.length === 4 && third === 'schedule') return ['from', 'value'];
    if (path.length === 5 && third === 'schedule') return ['uniformInt'];
  }
  if (head === 'interventions') {
    if (path.length === 2) return ['factor', 'from', 'set', 'note'];
    if (path.length === 3) return [...CERTAIN_FORMS, 'interpolate'];
    if (path.length === 5) return ['from', 'value'];
  }
  if (head === 'observed') {
    if (path.length === 2) return ['series', 'kind', 'source', 'note', 'points'];
    if (path.length === 4) return ['month', 'value', 'from', 'to', 'total', 'source'];
  }
  if (head === 'initialState' && second === 'control') {
    if (path.length === 3) return ['holder', 'personnel', 'others'];
    if (path.length === 4) return ACTORS;
  }
  const key = path.join('.');
  return Object.hasOwn(KNOWN_KEYS, key) ? (KNOWN_KEYS[key] as readonly string[]) : [];
}

/** What an unknown key at a path names, for messages. */
function keyNoun(path: readonly (string | number)[]): string {
  if (path.length === 1 && path[0] === 'factors') return 'factor';
  if (path.length === 1 && (path[0] === 'parameters' || path[0] === 'parameterScales')) return 'parameter';
  if (path[0] === 'initialState' && path.length === 2) return 'area';
  if (path[0] === 'initialState' && path[1] === 'control' && path.length === 4) return 'actor';
  return 'key';
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
    if (!Object.hasOwn(value, key)) return undefined;
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
      const what = keyNoun(path);
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
      const strict = (issue as { inclusive?: boolean }).inclusive === false;
      const bound = issue.code === 'too_small' ? `${strict ? '>' : '≥'} ${String(issue.minimum)}` : `${strict ? '<' : '≤'} ${String(issue.maximum)}`;
      const value = valueAt(input, path);
      if (issue.code === 'too_small' && Array.isArray(value) && value.length === 0) {
        const last = path[path.length - 1];
        const noun = last === 'schedule' ? 'step' : last === 'points' ? 'point' : last === 'choice' ? 'value' : 'entry';
        const count = Number(issue.minimum);
        return [{ code: 'out-of-range', path, message: `expected at least ${count} ${count === 1 ? noun : noun === 'entry' ? 'entries' : `${noun}s`}, received an empty list`, expected: bound, received }];
      }
      if (issue.code === 'too_small' && value === '') {
        return [{ code: 'out-of-range', path, message: 'expected text, received an empty string', expected: 'non-empty text', received }];
      }
      if (issue.code === 'too_big' && Array.isArray(value)) {
        return [{ code: 'too-long', path, message: `expected at most ${String(issue.maximum)} entries, received ${value.length}`, expected: bound, received: String(value.length) }];
      }
      if (issue.code === 'too_big' && typeof value === 'string') {
        return [{ code: 'too-long', path, message: `expected at most ${String(issue.maximum)} characters, received ${value.length}`, expected: bound, received: String(value.length) }];
      }
      const noun = issue.origin === 'array' || issue.origin === 'string' ? 'length' : 'a value';
      return [{ code: 'out-of-range', path, message: `expected ${noun} ${bound}, received ${received}`, expected: bound, received }];
    }
    case 'invalid_value': {
      const value = valueAt(input, path);
      const suggestion = typeof value === 'string' ? closestName(value, issue.values.map(String)) : undefined;
      return [
        {
          code: 'invalid-value',
          path,
          message: `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, received ${received}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
          received,
        },
      ];
    }
    case 'invalid_format':
      return [{ code: 'invalid-format', path, message: `${issue.message.replace(/^Invalid string: /, '')}, received ${received}`, received }];
    default:
      return [{ code: issue.code, path, message: `${issue.message}, received ${received}`, received }];
  }
}
