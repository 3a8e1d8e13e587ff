import * as z from 'zod';
import { FACTORS_BY_ID, FACTOR_IDS, type FactorId } from '../model/factors.js';
import { ScenarioError, type ScenarioIssue } from './issues.js';
import { closestName } from './suggest.js';

const NAME = /^[A-Za-z][\w-]*$/;

/** What a lever costs, in its own units (troop-months, million USD, …), and where the figures come from. */
export const leverCostSchema = z.strictObject({
  unit: z.string().min(1).describe('The unit of the cost, e.g. "troop-months" or "million USD".'),
  perUnitMonth: z.number().min(0).describe('Cost units per unit of the lever, per month it is in force.'),
  reference: z.number().describe('The lever value that costs nothing (the status quo or the cheap end of the range); cost grows with |value − reference|.'),
  millionUsdPerCostUnit: z
    .number()
    .min(0)
    .optional()
    .describe('Million USD per cost unit, so that costs add up to the `cost` objective (absent: only `cost:<lever>` is available).'),
  source: z.string().min(1).describe('Where the figures come from, or "judgement: …" with the reasoning.'),
});

/** A lever: a time-varying factor a decision maker sets, from a month on, within a range. */
export const leverSchema = z.strictObject({
  name: z.string().regex(NAME).describe('A short name (letters, digits, _ and -), used in tables, CSV and named policies.'),
  factor: z.string().describe('The time-varying factor the lever sets (see `resurgence factors`).'),
  from: z.number().int().min(0).optional().describe('Month (0 = the start) from which the lever holds; before it the scenario applies. Default 0.'),
  range: z.tuple([z.number(), z.number()]).describe('[low, high] of the values the search may choose; inside the factor\'s plausible range.'),
  integer: z.boolean().optional().describe('Whole values only (default: as the factor).'),
  statusQuo: z.number().optional().describe("The value under current policy (default: the scenario's value at month `from`)."),
  cost: leverCostSchema,
  description: z.string().optional(),
});

/** An objective: an outcome, its direction, statistic over futures, resolution and satisficing threshold. */
export const objectiveSchema = z.strictObject({
  outcome: z
    .string()
    .describe('observable@month, observable:total, event or event@month (e.g. territorialComeback@24, attacks:total), "cost" (million USD) or "cost:<lever>" (in the lever\'s own unit).'),
  direction: z.enum(['minimize', 'maximize']).optional().describe('Default minimize.'),
  statistic: z.enum(['mean', 'quantile']).optional().describe('What the search optimises over the futures: the mean, or the high quantile (`quantile`). Default mean.'),
  epsilon: z.number().positive().describe('The resolution of this objective: policies closer than ε count as equal (ε-dominance).'),
  threshold: z.number().optional().describe('Satisficing: a future meets the objective when its value is ≤ this (≥ when maximised). For an event, 0 means "it did not happen".'),
});

/** A named policy evaluated beside the Pareto set (e.g. the status quo, or a proposal). */
export const namedPolicySchema = z.strictObject({
  name: z.string().regex(NAME),
  levers: z.record(z.string(), z.number()).describe('A value per lever; levers left out keep their status quo.'),
  description: z.string().optional(),
});

/** The JSON shape of a policy file (see {@link parsePolicyFile} for the checks beyond the shape). */
export const policyFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(NAME),
    title: z.string().optional(),
    question: z.string().min(1).describe('The decision question, in one sentence.'),
    description: z.string().optional(),
    scenario: z
      .union([z.string().min(1), z.record(z.string(), z.unknown())])
      .describe('The scenario the levers act on: a shipped scenario name, a path relative to this file, or a scenario object. Its uncertainty (distributions, posterior) defines the futures.'),
    levers: z.array(leverSchema).min(1),
    objectives: z.array(objectiveSchema).min(1),
    policies: z.array(namedPolicySchema).optional(),
    runs: z.number().int().min(2).max(100_000).optional().describe('Futures (run indices) per policy during the search. Default 60.'),
    finalRuns: z.number().int().min(2).max(100_000).optional().describe('Futures per policy for the robustness table and EVPPI of the final set. Default 300.'),
    seed: z.union([z.number().int(), z.string().min(1)]).optional().describe("Seed of the futures and the search. Default: the scenario's seed."),
    search: z
      .strictObject({
        populationSize: z.number().int().min(4).max(1000).optional().describe('Even. Default 12.'),
        generations: z.number().int().min(0).max(10_000).optional().describe('Default 6.'),
        finalSize: z.number().int().min(1).max(1000).optional().describe('At most this many searched policies are re-evaluated for the final table (evenly spread along the archive). Default 12.'),
      })
      .optional(),
    quantile: z.number().gt(0).lt(1).optional().describe('The high quantile of the robustness table and of `statistic: "quantile"`. Default 0.9.'),
    evppi: z
      .strictObject({
        outcome: z.string().optional().describe('The outcome whose expected value information would improve. Default: the first objective that is not a cost.'),
        budget: z.number().min(0).optional().describe('Only Pareto policies costing at most this (million USD) are choices.'),
        bootstrap: z.number().int().min(0).max(10_000).optional().describe('Bootstrap resamples for the CIs. Default 100.'),
        groups: z.record(z.string(), z.array(z.string()).min(1)).optional().describe('Groups of inputs valued together (≤ 3 inputs each for speed).'),
      })
      .optional(),
    sources: z.record(z.string(), z.string().min(1)).optional(),
  })
  .meta({ title: 'resurgence policy file', description: 'Levers, their costs and the objectives of a robust decision analysis (`resurgence decide`).' });

/** A policy file as written, after the shape check. */
export type PolicyFile = z.infer<typeof policyFileSchema>;

/** A lever as written in a policy file. */
export type Lever = z.infer<typeof leverSchema>;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let value = input;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

function knownKeys(path: readonly (string | number)[]): string[] {
  const shapes: Record<string, z.ZodObject> = { levers: leverSchema, objectives: objectiveSchema, policies: namedPolicySchema };
  const top = path[0];
  if (path.length === 0) return Object.keys(policyFileSchema.shape);
  if (typeof top === 'string' && path.length === 2 && shapes[top]) return Object.keys(shapes[top].shape);
  if (top === 'levers' && path[2] === 'cost') return Object.keys(leverCostSchema.shape);
  if (top === 'search' || top === 'evppi') return Object.keys((policyFileSchema.shape[top].unwrap() as z.ZodObject).shape);
  return [];
}

function fromZodIssue(issue: z.core.$ZodIssue, input: unknown): ScenarioIssue[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const received = describe(valueAt(input, path));
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => {
      const suggestion = closestName(key, known);
      return { code: 'unknown-key', path: [...path, key], message: `unknown key "${key}"${suggestion ? ` (did you mean "${suggestion}"?)` : known.length > 0 ? ` (known keys: ${known.join(', ')})` : ''}`, received: key };
    });
  }
  if (issue.code === 'invalid_type' && received === 'nothing') {
    return [{ code: 'missing', path, message: `missing required field (expected ${issue.expected})`, expected: issue.expected }];
  }
  return [{ code: issue.code, path, message: `${issue.message.replace(/^Invalid input: /, '')}, received ${received}`, received }];
}

/**
 * Checks a policy file: its shape (zod), then each lever (a known, time-varying factor — an
 * initial condition is not something a policy sets month by month — with low < high inside the
 * factor's plausible range, a unique name, integer levers on integer factors), each named policy
 * (known levers, values in range) and the EVPPI groups' and budget's consistency. Outcomes and
 * months are checked against the scenario when the problem is resolved (`resolveDecisionProblem`
 * in src/experiment/decide). All problems are collected, each with its JSON path.
 *
 * Cost: O(levers + objectives + policies).
 *
 * @example
 * parsePolicyFile({ name: 'p', question: 'q', scenario: 'baseline-2020', levers: [{ name: 'troops', factor: 'usTroopsSyri', range: [0, 1000], cost: { unit: 'troop-months', perUnitMonth: 1, reference: 0, source: 'x' } }], objectives: [{ outcome: 'territorialComeback@24', epsilon: 0.02 }] });
 * // { ok: false, issues: [{ code: 'unknown-factor', path: ['levers', 0, 'factor'], message: 'unknown factor "usTroopsSyri" (did you mean "usTroopsSyria"?)' }] }
 */
export function parsePolicyFile(input: unknown): { ok: true; value: PolicyFile } | { ok: false; issues: ScenarioIssue[] } {
  const shape = policyFileSchema.safeParse(input);
  if (!shape.success) return { ok: false, issues: shape.error.issues.flatMap((issue) => fromZodIssue(issue, input)) };
  const policy = shape.data;
  const issues: ScenarioIssue[] = [];
  const names = new Set<string>();
  policy.levers.forEach((lever, i) => {
    const path = ['levers', i];
    if (names.has(lever.name)) issues.push({ code: 'duplicate-name', path: [...path, 'name'], message: `duplicate lever name "${lever.name}"` });
    names.add(lever.name);
    if (!(FACTOR_IDS as readonly string[]).includes(lever.factor)) {
      const suggestion = closestName(lever.factor, FACTOR_IDS);
      issues.push({ code: 'unknown-factor', path: [...path, 'factor'], message: `unknown factor "${lever.factor}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`, received: lever.factor });
      return;
    }
    const factor = FACTORS_BY_ID[lever.factor as FactorId];
    if (!factor.timeVarying) {
      issues.push({ code: 'not-a-lever', path: [...path, 'factor'], message: `${lever.factor} is an initial condition, not a lever a policy can set from a month on` });
    }
    const [low, high] = lever.range;
    const [plausibleLow, plausibleHigh] = factor.range;
    if (!(low < high)) issues.push({ code: 'invalid-range', path: [...path, 'range'], message: `expected low < high, received [${low}, ${high}]` });
    if (low < plausibleLow || high > plausibleHigh) {
      issues.push({ code: 'out-of-range', path: [...path, 'range'], message: `[${low}, ${high}] leaves ${lever.factor}'s plausible range [${plausibleLow}, ${plausibleHigh}] (${factor.unit})` });
    }
    if (lever.statusQuo !== undefined && (lever.statusQuo < plausibleLow || lever.statusQuo > plausibleHigh)) {
      issues.push({ code: 'out-of-range', path: [...path, 'statusQuo'], message: `${lever.statusQuo} is outside ${lever.factor}'s plausible range [${plausibleLow}, ${plausibleHigh}]` });
    }
  });
  const leverByName = new Map(policy.levers.map((lever) => [lever.name, lever]));
  const policyNames = new Set<string>();
  (policy.policies ?? []).forEach((named, i) => {
    if (policyNames.has(named.name)) issues.push({ code: 'duplicate-name', path: ['policies', i, 'name'], message: `duplicate policy name "${named.name}"` });
    policyNames.add(named.name);
    for (const [name, value] of Object.entries(named.levers)) {
      const lever = leverByName.get(name);
      if (!lever) {
        const suggestion = closestName(name, [...leverByName.keys()]);
        issues.push({ code: 'unknown-lever', path: ['policies', i, 'levers', name], message: `unknown lever "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ` (levers: ${[...leverByName.keys()].join(', ')})`}` });
      } else if (value < lever.range[0] || value > lever.range[1]) {
        issues.push({ code: 'out-of-range', path: ['policies', i, 'levers', name], message: `${value} is outside the lever's range [${lever.range[0]}, ${lever.range[1]}]` });
      }
    }
  });
  const usesTotalCost = policy.objectives.some((objective) => objective.outcome === 'cost') || policy.evppi?.budget !== undefined;
  if (usesTotalCost) {
    policy.levers.forEach((lever, i) => {
      if (lever.cost.millionUsdPerCostUnit === undefined) {
        issues.push({
          code: 'missing',
          path: ['levers', i, 'cost', 'millionUsdPerCostUnit'],
          message: `the total cost (million USD) needs every lever's millionUsdPerCostUnit; give one for "${lever.name}" or use the objective "cost:${lever.name}"`,
        });
      }
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: policy };
}

/**
 * {@link parsePolicyFile} that throws a {@link ScenarioError} (naming `source`) instead of
 * returning issues.
 *
 * @example
 * loadPolicy(JSON.parse(text), 'scenarios/policies/levers-2020.json').levers.length; // 4
 */
export function loadPolicy(input: unknown, source?: string): PolicyFile {
  const parsed = parsePolicyFile(input);
  if (!parsed.ok) throw new ScenarioError(parsed.issues, source ?? 'policy file');
  return parsed.value;
}
