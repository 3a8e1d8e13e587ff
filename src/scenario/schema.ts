import * as z from 'zod';
import { ACTORS, AREAS_2020 } from '../model/areas.js';
import { FACTORS, type FactorId } from '../model/factors.js';
import { OBSERVABLE_IDS } from '../model/observables.js';
import { PARAMETERS, type ParameterId } from '../model/parameters.js';
import { INITIAL_STATE_BOUNDS, OBSERVED_BOUNDS, SIZE_LIMITS } from './bounds.js';
import { scheduledEventSchema } from './events.js';

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
    schedule: z.array(scheduleStep).min(1).max(SIZE_LIMITS.listItems).describe('Steps in increasing `from` order; the first starts at month 0.'),
    interpolate: z
      .enum(['step', 'linear'])
      .optional()
      .describe('"step" (default): each value holds until the next step; "linear": values ramp between steps.'),
  }),
  z.strictObject({
    expression: z
      .string()
      .min(1)
      .max(1000)
      .describe('A mathjs expression of t (months since the start), e.g. "0.3 * exp(-t / 6)" or "t < 6 ? 600 : 0".'),
  }),
]).meta({ id: 'FactorSetting' });

/**
 * Distributions over a factor's value (uncertain inputs): each run of an ensemble draws its own
 * value (see `drawRunInputs`). Continuous draws of whole-number factors are rounded.
 */
export const distributionSchemas = {
  uniform: z.strictObject({
    uniform: z.tuple([z.number(), z.number()]).describe('[lo, hi]: uniform between lo and hi (lo < hi).'),
  }),
  triangular: z.strictObject({
    triangular: z.tuple([z.number(), z.number(), z.number()]).describe('[lo, mode, hi]: triangular with that minimum, mode and maximum.'),
  }),
  normal: z.strictObject({
    normal: z
      .strictObject({
        mean: z.number().describe('Mean before truncation.'),
        sd: z.number().positive().describe('Standard deviation before truncation (> 0).'),
      })
      .describe("A normal law truncated to the factor's plausible range (its hard bounds with allowOutsidePlausibleRange)."),
  }),
  choice: z.strictObject({
    choice: z.array(z.number()).min(1).max(SIZE_LIMITS.listItems).describe('One of these values, equally likely unless `weights` are given.'),
    weights: z.array(z.number().min(0)).max(SIZE_LIMITS.listItems).optional().describe('Relative probability of each value (same length as `choice`).'),
  }),
} as const;

/** A month that is uncertain: a whole month drawn uniformly from [first, last] per run. */
export const uncertainMonthSchema = z.strictObject({
  uniformInt: z.tuple([z.number().int().min(0), z.number().int().min(0)]).describe('[first, last]: each whole month in between equally likely.'),
});

const uncertainScheduleStep = z.strictObject({
  from: z
    .union([z.number().int().min(0), uncertainMonthSchema])
    .describe('Month (0 = the start) from which the value holds, or { "uniformInt": [first, last] } when the month is uncertain (one step per schedule).'),
  value: z.number().describe('The value from that month on.'),
});

/**
 * How a time-varying factor may be set in `factors`: any {@link factorSettingSchema} form, a
 * schedule one of whose step months is uncertain, or a distribution over a constant value.
 * Union branches keep this order (issue rendering relies on it).
 */
export const factorInputSchema = z.union([
  z.number().describe('A constant value.'),
  z.strictObject({ value: z.number().describe('A constant value.') }),
  z.strictObject({
    schedule: z.array(uncertainScheduleStep).min(1).max(SIZE_LIMITS.listItems).describe('Steps in increasing `from` order; the first starts at month 0.'),
    interpolate: z
      .enum(['step', 'linear'])
      .optional()
      .describe('"step" (default): each value holds until the next step; "linear": values ramp between steps.'),
  }),
  z.strictObject({
    expression: z
      .string()
      .min(1)
      .max(1000)
      .describe('A mathjs expression of t (months since the start), e.g. "0.3 * exp(-t / 6)" or "t < 6 ? 600 : 0".'),
  }),
  distributionSchemas.uniform,
  distributionSchemas.triangular,
  distributionSchemas.normal,
  distributionSchemas.choice,
]).meta({ id: 'FactorInput' });

/** How an initial-condition factor may be set: a number or a distribution. Branch order is relied on. */
export const initialConditionInputSchema = z.union([
  z.number().describe('A constant value.'),
  distributionSchemas.uniform,
  distributionSchemas.triangular,
  distributionSchemas.normal,
  distributionSchemas.choice,
]).meta({ id: 'InitialConditionInput' });

/** The input schema of one factor: time-varying factors take any form, initial conditions a number or a distribution. */
type FactorInputSchemaOf<F> = F extends { readonly timeVarying: true } ? typeof factorInputSchema : typeof initialConditionInputSchema;
/** `factors` keyed by {@link FactorId}, each with its own value type, so a misspelt factor fails `tsc`. */
type FactorsShape = { [F in (typeof FACTORS)[number] as F['id']]: z.ZodOptional<FactorInputSchemaOf<F>> };
const factorsShape = Object.fromEntries(
  FACTORS.map((factor) => [
    factor.id,
    (factor.timeVarying ? factorInputSchema : initialConditionInputSchema)
      .optional()
      .describe(
        `${factor.label}: ${factor.description} Unit: ${factor.unit}. Plausible range ${factor.range[0]}–${factor.range[1]}.` +
          (factor.timeVarying ? '' : ' An initial condition: a number (or a distribution) only.'),
      ),
  ]),
) as FactorsShape;

const monthLabel = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');
const AREA_IDS = AREAS_2020.records.map((area) => area.id);
const countPerArea = (max: number) => z.strictObject(Object.fromEntries(AREA_IDS.map((id) => [id, z.number().min(0).max(max).optional()])));
const perArea = (what: string, max: number) => countPerArea(max).describe(`${what} per area id (areas not listed get none; at most ${max} each).`);
const PERSONNEL_MAX = INITIAL_STATE_BOUNDS.personnel.bounds[1];
const perActor = z.strictObject(Object.fromEntries(ACTORS.map((actor) => [actor, z.number().min(0).max(PERSONNEL_MAX).optional()])));
const areaControl = z
  .strictObject({
    holder: z.enum(ACTORS).describe('The actor holding the area.'),
    personnel: z.number().min(0).max(PERSONNEL_MAX).describe('Its security personnel in the area.'),
    others: perActor.optional().describe('Personnel of other actors in the area (those not listed keep the 2020 table\'s).'),
  })
  .meta({ id: 'AreaControl', description: 'Who holds an area, with how many personnel.' });

/** An intervention: do(factor := set) from month `from` on (Pearl's do-operator). */
export const interventionSchema = z.strictObject({
  factor: z.string().min(1).max(200).describe('The id of a time-varying factor.'),
  from: z.number().int().min(0).describe('First month (0 = the start) the intervention holds; earlier months keep the scenario\'s own values.'),
  set: factorSettingSchema.describe('The setting imposed from `from` on, on the scenario\'s clock (t and schedule months count from the start).'),
  note: z.string().max(SIZE_LIMITS.shortText).optional().describe('What the intervention represents, and why.'),
});

/** The state at month 0, to start a run in another period than mid-2020. */
export const initialStateSchema = z.strictObject({
  fighters: z
    .union([z.number().min(0).max(INITIAL_STATE_BOUNDS.fighters.bounds[1]), perArea('Fighters', INITIAL_STATE_BOUNDS.fighters.bounds[1])])
    .optional()
    .describe(`ISIS fighters at the start: a total (split over areas as the default start does) or a count per area; at most ${INITIAL_STATE_BOUNDS.fighters.bounds[1]}.`),
  fightersRange: z
    .tuple([z.number().positive().max(INITIAL_STATE_BOUNDS.fighters.bounds[1]), z.number().positive().max(INITIAL_STATE_BOUNDS.fighters.bounds[1])])
    .optional()
    .describe(
      '[low, high]: the range of the strength estimate the start comes from (e.g. [5000, 12000]). Each run draws its total log-uniformly from it and scales the start\'s fighters (per area when given) to that total; `fighters` (or the default start) is the nominal value and must lie in the range.',
    ),
  reserves: z
    .number()
    .min(INITIAL_STATE_BOUNDS.reserves.bounds[0])
    .max(INITIAL_STATE_BOUNDS.reserves.bounds[1])
    .optional()
    .describe(`Central reserves at the start, million USD (instead of factors.warChest), ${INITIAL_STATE_BOUNDS.reserves.bounds[0]}–${INITIAL_STATE_BOUNDS.reserves.bounds[1]}.`),
  detainees: z
    .union([z.number().min(0).max(INITIAL_STATE_BOUNDS.detainees.bounds[1]), perArea('Detainees', INITIAL_STATE_BOUNDS.detainees.bounds[1])])
    .optional()
    .describe('ISIS detainees held at the start: a total (split by each area\'s detainee share) or a count per area (instead of factors.detaineesHeld).'),
  coordination: z.number().min(0).max(1).optional().describe('ISIS coordination at the start, 0–1 (1 = intact leadership).'),
  networkCapacity: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('ISIS network capacity at the start, 0–1 (1 = rebuilt after the loss of territory; it scales attacks and recovers with networkRebuildHalfLife).'),
  iraqiForceQuality: z.number().min(0).max(2).optional().describe('Iraqi force effectiveness relative to Mar 2020, 0–2.'),
  control: z
    .strictObject(
      Object.fromEntries(
        AREA_IDS.map((id) => [id, areaControl.optional()]),
      ),
    )
    .optional()
    .describe('Who holds an area and with how many personnel, replacing the 2020 table for that actor (and any listed in `others`).'),
});

const observedMonthPoint = z.strictObject({
  month: monthLabel.describe('The calendar month, YYYY-MM.'),
  value: z.number().min(0).max(OBSERVED_BOUNDS.monthly).describe('The count in that month.'),
  source: z.string().min(1).max(SIZE_LIMITS.shortText).optional().describe('Where this number comes from, if not the series source.'),
});
const observedRangePoint = z.strictObject({
  from: monthLabel.describe('First calendar month of the period, YYYY-MM.'),
  to: monthLabel.describe('Last calendar month of the period (inclusive), YYYY-MM.'),
  total: z.number().min(0).max(OBSERVED_BOUNDS.period).describe('The count over the whole period.'),
  source: z.string().min(1).max(SIZE_LIMITS.shortText).optional().describe('Where this number comes from, if not the series source.'),
});

/**
 * How a source's numbers relate to the model's observable: reported = scale × model value ×
 * noise (see `src/analysis/backtest/observationModel.ts`).
 */
export const observationModelSchema = z.strictObject({
  scale: z
    .union([z.number().gt(0).max(100), z.tuple([z.number().gt(0).max(100), z.number().gt(0).max(100)])])
    .describe('Reported counts per model count: a number, or [low, high] drawn log-uniformly once per run (e.g. the share of all incidents that are ISIS attacks).'),
  noiseCv: z
    .number()
    .min(0)
    .max(0.7)
    .optional()
    .describe('Coefficient of variation of the reporting error of each point (gamma, mean 1), 0–0.7; default 0.'),
  source: z.string().min(1).max(SIZE_LIMITS.shortText).describe('Why this scale and noise: sources and judgement.'),
});

/** One observed series for back-testing: counts of one kind, compared with one observable. */
export const observedSeriesSchema = z.strictObject({
  series: z.enum(OBSERVABLE_IDS).describe('The model observable the counts are compared with.'),
  kind: z
    .enum(['attacks', 'incidents', 'claims', 'strength', 'reserves'])
    .describe(
      'Which count: "attacks" (attack datasets, e.g. Knights, CTC Sentinel), "incidents" (press-reported; needs an `observation` model), "claims" (ISIS\'s own, in total or per country), "strength" (estimates of fighters, compared month by month) or "reserves" (estimates of the war chest in $M, month by month). Never mixed.',
    ),
  source: z.string().min(1).max(SIZE_LIMITS.shortText).describe('Where the counts come from.'),
  note: z.string().max(SIZE_LIMITS.shortText).optional(),
  observation: observationModelSchema.optional().describe('How the source counts relative to the model (required for "incidents").'),
  points: z.array(z.union([observedMonthPoint, observedRangePoint])).min(1).max(SIZE_LIMITS.points).describe('Monthly values, or totals over a period.'),
});

/** A posterior sample (e.g. from `resurgence calibrate`): one row of parameter values per sample. */
export const posteriorSamplesSchema = z.strictObject({
  parameters: z.array(z.string().max(200)).min(1).max(SIZE_LIMITS.posteriorColumns).describe('Parameter ids, one per column.'),
  samples: z
    .array(z.array(z.number()).max(SIZE_LIMITS.posteriorColumns))
    .min(1)
    .max(SIZE_LIMITS.posteriorRows)
    .describe('One row per sample, one value per parameter.'),
  weights: z.array(z.number().min(0)).max(SIZE_LIMITS.posteriorRows).optional().describe('Importance weight of each row (equal when absent).'),
  source: z.string().min(1).max(SIZE_LIMITS.shortText).describe('Where the sample comes from.'),
});

const parametersShape = {
  ...(Object.fromEntries(
    PARAMETERS.map((parameter) => [
      parameter.id,
      z
        .number()
        .optional()
        .describe(`${parameter.description} Unit: ${parameter.unit}. Default ${parameter.value}; range ${parameter.range[0]}–${parameter.range[1]}.`),
    ]),
  ) as Record<ParameterId, z.ZodOptional<z.ZodNumber>>),
  posterior: z
    .union([z.string().min(1).max(1000), posteriorSamplesSchema])
    .optional()
    .describe(
      'Parameter uncertainty: each run draws one row of a posterior sample. The name of a shipped posterior (data/posteriors/<name>.json), ' +
        'a path to a posterior file (resolved by the loader, relative to the scenario file), or the sample itself.',
    ),
};

/**
 * Which uncertainty a scenario's bands carry, in one visible place: each run draws a parameter
 * row from a shipped posterior (`"posterior:<name>"`, or from its priors with `"prior:<name>"`) and every judged factor left at its
 * baseline from its documented distribution (`"plausible"`, see
 * `src/scenario/judgedFactorDistributions.ts`); `"fixed"` keeps them at their values.
 */
export const uncertaintySchema = z
  .strictObject({
    parameters: z
      .union([z.literal('fixed'), z.string().regex(/^(posterior|prior):[a-z0-9][a-z0-9-]*$/, 'expected "fixed", "posterior:<name>" or "prior:<name>", e.g. "posterior:mid-2020"')])
      .describe('"posterior:<name>": each run draws one row of the shipped posterior data/posteriors/<name>.json; "prior:<name>": each run draws the same columns from the priors that posterior was fitted from (a prior predictive run); "fixed": parameters keep their values.'),
    factors: z
      .enum(['plausible', 'fixed'])
      .describe('"plausible": each judged factor the scenario leaves at its baseline is drawn per run from its documented distribution; "fixed": factors keep their values.'),
  })
  .meta({ id: 'Uncertainty' });

/**
 * The scenario file format. Strict everywhere: an unknown key is an error, so a typo is never
 * silently ignored. Values are checked against each factor's range after this shape check (see
 * `parseScenario`).
 */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().max(SIZE_LIMITS.shortText).optional().describe('Path or URL of the JSON Schema, for editors.'),
    name: z
      .string()
      .max(200)
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase slug such as "us-stays"')
      .describe('Short id of the scenario, a lowercase slug.'),
    title: z.string().min(1).max(SIZE_LIMITS.shortText).optional().describe('A human title.'),
    question: z.string().min(1).max(SIZE_LIMITS.text).describe('The question this scenario asks, in plain words.'),
    description: z.string().max(SIZE_LIMITS.text).optional().describe('Longer notes: what was changed and why.'),
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
    uncertainty: uncertaintySchema
      .optional()
      .describe('What the bands include beyond run-to-run randomness (absent: every input fixed). --uncertainty none on the CLI fixes everything.'),
    factors: z.strictObject(factorsShape).optional().describe("The article's factors; any left out keep their baseline."),
    parameters: z.strictObject(parametersShape).optional().describe('Model parameters; any left out keep their default.'),
    parameterScales: z
      .strictObject(
        Object.fromEntries(
          PARAMETERS.map((parameter) => [
            parameter.id,
            z
              .tuple([z.number().positive().max(1000), z.number().positive().max(1000)])
              .optional()
              .describe(`[low, high]: multiply ${parameter.id} in every run by a factor drawn log-uniformly from [low, high].`),
          ]),
        ) as Record<ParameterId, z.ZodOptional<z.ZodTuple<[z.ZodNumber, z.ZodNumber]>>>,
      )
      .optional()
      .describe(
        'Transport to another period: multipliers of parameters, each drawn log-uniformly per run and applied after the parameters are set or drawn (a posterior row), so that a period the parameters were not fitted on carries what is not known of how they differ there. The result may leave the parameter\'s range.',
      ),
    correlations: z
      .strictObject({
        factors: z.array(z.string().max(200)).min(2).max(SIZE_LIMITS.sections).describe('Uncertain factors, in the order of the matrix rows.'),
        matrix: z.array(z.array(z.number()).max(SIZE_LIMITS.sections)).max(SIZE_LIMITS.sections).describe('Target rank (Spearman) correlations: symmetric, unit diagonal, positive definite.'),
      })
      .optional()
      .describe('Rank correlations between uncertain factors, induced per run by a Gaussian copula.'),
    interventions: z
      .array(interventionSchema)
      .max(SIZE_LIMITS.sections)
      .optional()
      .describe('Interventions applied on top of the factors, in order (a later one wins where they overlap).'),
    initialState: initialStateSchema.optional().describe('The state at month 0, to start in another period than mid-2020.'),
    observed: z.array(observedSeriesSchema).max(SIZE_LIMITS.sections).optional().describe('Observed counts over the horizon, for back-testing.'),
    forecastOrigin: monthLabel
      .optional()
      .describe(
        'Rolling-origin back-tests: the last month of data the parameters were fitted on (YYYY-MM). Observed points that do not start after it are in-sample: shown, used by the naive forecasts, never scored.',
      ),
    events: z
      .array(scheduledEventSchema)
      .max(SIZE_LIMITS.sections)
      .optional()
      .describe('Events and force changes scheduled by month: prison breaks at named sites, foreign fighters, decapitations, campaigns, force levels by actor, control of an area by an actor.'),
    sources: z
      .record(z.string().max(SIZE_LIMITS.shortText), z.string().min(1).max(SIZE_LIMITS.shortText))
      .refine((sources) => Object.keys(sources).length <= SIZE_LIMITS.sources, { message: `at most ${SIZE_LIMITS.sources} sources` })
      .optional()
      .describe('Where numbers in this file come from, keyed by JSON path (e.g. "factors.usTroopsSyria", "initialState.fighters").'),
  })
  .meta({
    title: 'resurgence scenario',
    description:
      "A scenario for the resurgence model: the article's factors over time (certain or uncertain), interventions, the initial state, observed series, the horizon, and ensemble defaults.",
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
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return withRegistryBounds(schema);
}

/**
 * The schema's `$id`: where the schema of this major version is published (the file
 * `schema/scenario.schema.json` of the package; unpkg serves it by version).
 */
export const SCENARIO_SCHEMA_ID = 'https://unpkg.com/resurgence/schema/scenario.schema.json';

/**
 * Adds the registries' bounds to the JSON Schema so editors flag them: each factor's hard bounds
 * as `minimum`/`maximum` beside its `$ref` (they constrain a bare number; JSON Schema applies
 * them to numbers only), each parameter's range, and a `$id`.
 */
function withRegistryBounds(schema: Record<string, unknown>): Record<string, unknown> {
  type Node = Record<string, unknown> & { properties?: Record<string, Record<string, unknown>> };
  const properties = (schema as Node).properties ?? {};
  const factors = (properties.factors as Node | undefined)?.properties ?? {};
  for (const factor of FACTORS) {
    const node = factors[factor.id];
    if (!node) continue;
    const [low, high] = factor.bounds;
    node.minimum = low;
    node.maximum = high;
    node.description = `${String(node.description)} Hard bounds ${low}–${high}${factor.integer ? ', whole numbers' : ''}.`;
  }
  const parameters = (properties.parameters as Node | undefined)?.properties ?? {};
  for (const parameter of PARAMETERS) {
    const node = parameters[parameter.id];
    if (!node) continue;
    node.minimum = parameter.range[0];
    node.maximum = parameter.range[1];
    if (parameter.integer) node.type = 'integer';
  }
  const { $schema, ...rest } = schema;
  return { $schema, $id: SCENARIO_SCHEMA_ID, ...rest };
}
