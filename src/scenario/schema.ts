import { z } from 'zod';
import { FACTORS } from '../model/factors.js';
import { PARAMETERS } from '../model/parameters.js';

/** Longest horizon a scenario may ask for (20 years of months). */
export const MAX_MONTHS = 240;
/** Most runs one ensemble may ask for. */
export const MAX_RUNS = 10_000_000;

const scheduleStep = z.strictObject({
  from: z.number().int().min(0).describe('Month (0 = the start) from which the value holds.'),
  value: z.number().describe('The value from that month on.'),
});

/** How a factor is set: see `FactorSetting` in `src/model/factors.ts`. */
export const factorSettingSchema = z.union([
  z.number().describe('A constant value.'),
  z.strictObject({ value: z.number().describe('A constant value.') }),
  z.strictObject({
    schedule: z.array(scheduleStep).min(1).describe('Steps in increasing `from` order; the first starts at month 0.'),
    interpolate: z
      .enum(['step', 'linear'])
      .optional()
      .describe('"step" (default): each value holds until the next step; "linear": values ramp between steps.'),
  }),
  z.strictObject({
    expression: z
      .string()
      .min(1)
      .describe('A mathjs expression of t (months since the start), e.g. "0.3 * exp(-t / 6)" or "t < 6 ? 600 : 0".'),
  }),
]);

const factorsShape = Object.fromEntries(
  FACTORS.map((factor) => [
    factor.id,
    (factor.timeVarying ? factorSettingSchema : z.number())
      .optional()
      .describe(
        `${factor.label}: ${factor.description} Unit: ${factor.unit}. Plausible range ${factor.range[0]}–${factor.range[1]}.` +
          (factor.timeVarying ? '' : ' An initial condition: a number only.'),
      ),
  ]),
);

const parametersShape = Object.fromEntries(
  PARAMETERS.map((parameter) => [
    parameter.id,
    z
      .number()
      .optional()
      .describe(`${parameter.description} Unit: ${parameter.unit}. Default ${parameter.value}; range ${parameter.range[0]}–${parameter.range[1]}.`),
  ]),
);

/**
 * The scenario file format. Strict everywhere: an unknown key is an error, so a typo is never
 * silently ignored. Values are checked against each factor's range after this shape check (see
 * `parseScenario`).
 */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors.'),
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase slug such as "us-stays"')
      .describe('Short id of the scenario, a lowercase slug.'),
    title: z.string().min(1).optional().describe('A human title.'),
    question: z.string().min(1).describe('The question this scenario asks, in plain words.'),
    description: z.string().optional().describe('Longer notes: what was changed and why.'),
    start: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM')
      .describe('The calendar month of month 0, as YYYY-MM.'),
    months: z.number().int().min(1).max(MAX_MONTHS).describe('Horizon in months.'),
    runs: z.number().int().min(1).max(MAX_RUNS).optional().describe('Default ensemble size (the CLI --runs overrides it).'),
    seed: z
      .union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(200)])
      .optional()
      .describe('Default seed (the CLI --seed overrides it).'),
    allowOutsidePlausibleRange: z
      .boolean()
      .optional()
      .describe('Accept factor values outside their plausible ranges (hard bounds still apply).'),
    factors: z.strictObject(factorsShape).optional().describe("The article's factors; any left out keep their baseline."),
    parameters: z.strictObject(parametersShape).optional().describe('Model parameters; any left out keep their default.'),
  })
  .meta({
    title: 'resurgence scenario',
    description: "A scenario for the resurgence model: the article's factors over time, the horizon, and ensemble defaults.",
  });

/** A scenario as written in a file, after the shape check. */
export type Scenario = z.infer<typeof scenarioSchema>;

/**
 * The JSON Schema of scenario files (draft 2020-12), for editors and other tools.
 *
 * @example
 * scenarioJsonSchema().additionalProperties; // false
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
