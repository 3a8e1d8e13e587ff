import * as z from 'zod';
import { OBSERVABLE_IDS, type ObservableId } from '../model/observables.js';
import { posteriorColumn, POSTERIOR_COLUMN_IDS } from '../scenario/posteriorColumns.js';
import { closestName } from '../scenario/suggest.js';
import type { ScenarioIssue } from '../scenario/issues.js';

/**
 * Which kind of count or quantity a target measures. The three attack counts of the data notes
 * (attack datasets such as Knights/CTC Sentinel, press-reported incidents such as Musings on
 * Iraq, and ISIS's own claims) are different series and are never mixed: each kind may only be
 * compared with the observables listed here, and the model has no press-incident series at all.
 */
export const SERIES_OBSERVABLES = {
  'attack-dataset': ['attacksIraq', 'attacksSyria', 'attacks'],
  'isis-claims': ['claimedAttacks', 'claimedAttacksIraq', 'claimedAttacksSyria'],
  'press-incidents': [],
  strength: ['fighters'],
  finance: ['reserves', 'income'],
  detention: ['prisonersFreed'],
  camps: ['campEscapes'],
} as const satisfies Record<string, readonly ObservableId[]>;

/** The kind of series a target belongs to. */
export type SeriesKind = keyof typeof SERIES_OBSERVABLES;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

const targetSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z][\w-]*$/, 'expected an identifier'),
  series: z.enum(Object.keys(SERIES_OBSERVABLES) as [SeriesKind, ...SeriesKind[]]).describe('Kind of series; see SERIES_OBSERVABLES.'),
  observable: z.enum(OBSERVABLE_IDS as [ObservableId, ...ObservableId[]]),
  period: z.tuple([month, month]).optional().describe('Calendar months [from, to] (inclusive) the statistic covers.'),
  months: z
    .tuple([z.number().int().min(0), z.number().int().min(0)])
    .optional()
    .describe('Simulated months [from, to] (inclusive, 0 = the start) when the target is used as a proxy outside its own period.'),
  statistic: z.enum(['mean', 'sum', 'last']).describe('Over the months: the mean, the sum, or the value in the last month.'),
  observed: z.union([z.number(), z.tuple([z.number(), z.number()])]).describe('A value, or an interval [low, high].'),
  weight: z.number().min(0).optional().describe('Weight in the distance (default 1).'),
  data: z
    .strictObject({
      series: z.string(),
      date: z.string(),
      divideBy: z.number().positive().optional(),
      derivation: z.string().optional().describe('How a bound was derived when it is not the row itself.'),
    })
    .describe('The row of data/sources/observed-to-mid-2020.csv the value comes from (value / divideBy).'),
  note: z.string().optional(),
});

const priorSchema = z.strictObject({
  kind: z.enum(['uniform', 'log-uniform', 'truncated-normal']),
  lower: z.number().optional().describe("Default: the parameter's documented range."),
  upper: z.number().optional(),
  mean: z.number().optional().describe("truncated-normal only; default: the parameter's default value."),
  sd: z.number().positive().optional().describe('truncated-normal only; default: a quarter of the range.'),
  why: z.string().optional(),
});

const abcSchema = z.strictObject({
  method: z.enum(['smc', 'rejection']),
  particles: z.number().int().min(2).optional(),
  initialDraws: z.number().int().min(2).optional(),
  epsilonQuantile: z.number().gt(0).lt(1).optional(),
  targetEpsilon: z.number().min(0).optional(),
  minAcceptanceRate: z.number().min(0).max(1).optional(),
  maxGenerations: z.number().int().min(1).optional(),
  maxSimulations: z.number().int().min(1).optional(),
  draws: z.number().int().min(1).optional().describe('rejection only'),
  acceptQuantile: z.number().gt(0).max(1).optional().describe('rejection only'),
});

const setupSchema = z.strictObject({
  description: z.string().optional(),
  scenario: z.string().min(1).describe('A shipped scenario name, or a scenario file path relative to the config file.'),
  months: z.number().int().min(1).optional().describe("Horizon of each simulation (default: the scenario's)."),
  calibrate: z
    .array(z.string())
    .min(1)
    .describe('Parameters (or initial-state scalars, "initialState.networkCapacity") to calibrate; each needs a prior.'),
  targets: z.array(targetSchema).min(1),
  runsPerSimulation: z.number().int().min(1).optional().describe('Overrides the top-level runsPerSimulation for this setup.'),
  abc: abcSchema.partial().optional().describe('Overrides entries of the top-level abc block for this setup (e.g. a smaller budget for a longer horizon).'),
});



/** The calibration config file format (calibration/*.json). Strict: unknown keys are errors. */
export const calibrationConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lowercase slug'),
  description: z.string().optional(),
  setup: z.string().describe('Which entry of `setups` to run (the CLI --setup overrides it).'),
  setups: z.record(z.string(), setupSchema),
  priors: z.record(z.string(), priorSchema),
  runsPerSimulation: z.number().int().min(1).describe('Model runs averaged into one ABC simulation.'),
  seed: z.union([z.number().int().min(0), z.string().min(1)]).optional(),
  abc: abcSchema,
  posteriorPredictive: z.strictObject({
    draws: z.number().int().min(1).describe('Posterior draws re-simulated.'),
    runs: z.number().int().min(1).describe('Model runs per draw.'),
    level: z.number().gt(0).lt(1).optional().describe('Central band level (default 0.9).'),
  }),
});

/** A calibration config, after the shape check. */
export type CalibrationConfig = z.infer<typeof calibrationConfigSchema>;
/** One target of a setup. */
export type CalibrationTarget = z.infer<typeof targetSchema>;
/** One setup (scenario, calibrated parameters, targets). */
export type CalibrationSetup = z.infer<typeof setupSchema>;
/** A prior as written in the config. */
export type PriorSpec = z.infer<typeof priorSchema>;

/** The result of {@link parseCalibrationConfig}: the config, or every issue found. */
export type CalibrationConfigResult = { ok: true; value: CalibrationConfig } | { ok: false; issues: ScenarioIssue[] };

/** Thrown by `calibrate` for an invalid config; `issues` are data (as for scenarios). */
export class CalibrationConfigError extends Error {
  override readonly name = 'CalibrationConfigError';
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(`calibration config: ${issues.length} problem${issues.length === 1 ? '' : 's'}\n${issues.map((i) => `  ✖ ${i.message} → at ${i.path.join('.') || '(top level)'}`).join('\n')}`);
  }
}

/**
 * Validates a calibration config: its shape (strict), then the meaning: the chosen setup
 * exists; every calibrated parameter is a model parameter with a prior whose bounds lie inside
 * the parameter's documented range (or an initial-state scalar's bounds); every target compares its series with an allowed observable
 * (attack datasets, press incidents and claims are never mixed; see {@link SERIES_OBSERVABLES});
 * each target gives exactly one of `period` or `months`, in order; intervals are ordered.
 * Collects all issues; never throws.
 *
 * @example
 * parseCalibrationConfig(JSON.parse(readFileSync('calibration/mid-2020.json', 'utf8'))).ok; // true
 */
export function parseCalibrationConfig(input: unknown): CalibrationConfigResult {
  const shape = calibrationConfigSchema.safeParse(input);
  if (!shape.success) {
    return {
      ok: false,
      issues: shape.error.issues.map((issue) => ({ code: issue.code, path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: issue.message })),
    };
  }
  const config = shape.data;
  const issues: ScenarioIssue[] = [];
  if (!(config.setup in config.setups)) {
    issues.push({ code: 'unknown-setup', path: ['setup'], message: `unknown setup "${config.setup}" (setups: ${Object.keys(config.setups).join(', ')})` });
  }
  for (const [id, prior] of Object.entries(config.priors)) {
    const parameter = posteriorColumn(id);
    if (!parameter) {
      const suggestion = closestName(id, POSTERIOR_COLUMN_IDS);
      issues.push({
        code: 'unknown-parameter',
        path: ['priors', id],
        message: `unknown model parameter or initial-state column "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
      });
      continue;
    }
    const [low, high] = parameter.range;
    const lower = prior.lower ?? low;
    const upper = prior.upper ?? high;
    if (!(lower >= low && upper <= high && lower < upper)) {
      issues.push({ code: 'out-of-range', path: ['priors', id], message: `${id}: prior bounds [${lower}, ${upper}] must lie inside the documented range [${low}, ${high}]` });
    }
    if (prior.kind === 'log-uniform' && !(lower > 0)) {
      issues.push({ code: 'invalid-prior', path: ['priors', id], message: `${id}: a log-uniform prior needs lower > 0 (received ${lower})` });
    }
    if (parameter.integer) issues.push({ code: 'integer-parameter', path: ['priors', id], message: `${id} is an integer parameter; ABC here calibrates continuous ones` });
  }
  for (const [name, setup] of Object.entries(config.setups)) {
    for (const [k, id] of setup.calibrate.entries()) {
      if (!(id in config.priors)) issues.push({ code: 'missing-prior', path: ['setups', name, 'calibrate', k], message: `"${id}" has no prior in "priors"` });
    }
    const seen = new Set<string>();
    for (const [k, target] of setup.targets.entries()) {
      const path = ['setups', name, 'targets', k];
      if (seen.has(target.id)) issues.push({ code: 'duplicate-target', path: [...path, 'id'], message: `duplicate target id "${target.id}"` });
      seen.add(target.id);
      const allowed = SERIES_OBSERVABLES[target.series] as readonly string[];
      if (!allowed.includes(target.observable)) {
        issues.push({
          code: 'mixed-series',
          path: [...path, 'observable'],
          message:
            allowed.length === 0
              ? `a "${target.series}" target has no model observable (the model does not count that series)`
              : `a "${target.series}" target must use ${allowed.join(' or ')}, not ${target.observable} (series are never mixed)`,
        });
      }
      if ((target.period === undefined) === (target.months === undefined)) {
        issues.push({ code: 'window', path, message: 'give exactly one of "period" (calendar months) or "months" (simulated months)' });
      }
      const window = target.period ?? target.months;
      if (window && window[0] > window[1]) issues.push({ code: 'window', path, message: `window [${window[0]}, ${window[1]}] is reversed` });
      if (Array.isArray(target.observed) && !(target.observed[0] <= target.observed[1])) {
        issues.push({ code: 'interval', path: [...path, 'observed'], message: `interval [${target.observed[0]}, ${target.observed[1]}] is reversed` });
      }
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: config };
}
