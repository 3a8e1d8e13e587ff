import { isParsedScenario, markParsed } from './parsedMark.js';
import { choleskyLower } from '../math/choleskyLower.js';
import { inverseCdf } from '../math/inverseCdf.js';
import { FACTORS_BY_ID, type FactorId } from '../model/factors.js';
import { normalCorrelationForRank } from './correlations.js';
import type { ScenarioIssue } from './issues.js';
import { JUDGED_FACTOR_CORRELATIONS, JUDGED_FACTOR_DISTRIBUTIONS, type JudgedFactorDistribution } from './judgedFactorDistributions.js';
import { resolvePrior, type ResolvedPrior } from './parameterPrior.js';
import { validatePosterior, type PosteriorSamples, type ResolvedPosterior } from './posterior.js';
import { resolveFactorSetting, truncateSchedule } from './resolveFactorSetting.js';
import type { Scenario } from './schema.js';
import { closestName } from './suggest.js';

/** The `uncertainty` block of a scenario file, as written (after the shape check). */
export interface UncertaintySpec {
  /**
   * `"posterior:<name>"` (each run draws one row of a shipped posterior), `"prior:<name>"` (each
   * run draws every column of that posterior from the priors it was fitted from: a prior
   * predictive run) or `"fixed"`.
   */
  readonly parameters: string;
  /** `"plausible"` (each judged factor left at its baseline is drawn) or `"fixed"`. */
  readonly factors: 'plausible' | 'fixed';
}

/** The block that keeps every input fixed (today's pre-issue-11 mode): `--uncertainty none`. */
export const FIXED_UNCERTAINTY: UncertaintySpec = { parameters: 'fixed', factors: 'fixed' };

/** One judged factor, prepared: its table entry, whether this scenario draws it, and its series for a uniform u. */
export interface JudgedFactorDraw {
  readonly distribution: JudgedFactorDistribution;
  /** False when the scenario sets the factor itself (its setting wins; the uniform is still drawn, for CRN). */
  readonly applied: boolean;
  /** The factor's monthly values (before interventions) for a uniform u in [0, 1]. */
  readonly series: (u: number) => Float64Array;
}

/** A scenario's `uncertainty` block, resolved. */
export interface ResolvedUncertainty {
  readonly spec: UncertaintySpec;
  /** The posterior each run draws a parameter row from (stream "parameters"), if any. */
  readonly posterior?: ResolvedPosterior & { readonly name: string };
  /** With `"prior:<name>"`: the priors each run draws the parameters from (stream "parameters", one uniform per column). */
  readonly prior?: ResolvedPrior;
  /**
   * The judged factors (every entry of `JUDGED_FACTOR_DISTRIBUTIONS`, in table order, one
   * uniform each from stream "judgedFactors"), with the Cholesky factor of their copula's
   * normal correlations. Absent with `"factors": "fixed"`.
   */
  readonly judged?: { readonly draws: readonly JudgedFactorDraw[]; readonly cholesky: readonly (readonly number[])[] };
}

/** Options of {@link resolveUncertainty}. */
export interface ResolveUncertaintyOptions {
  /** The posterior samples a `"posterior:<name>"` may name. */
  readonly posteriors: Readonly<Record<string, PosteriorSamples>>;
}

/**
 * Checks a scenario's `uncertainty` block and prepares its draws: the named posterior must be
 * shipped (with a "did you mean"), and `parameters.posterior` may not be given as well. A
 * column the scenario fixes itself (in `parameters` or `initialState`) keeps the scenario's
 * value: it is left out of the drawn rows (the others keep their joint draw). With
 * `"factors": "plausible"`, every judged factor the scenario leaves at its baseline is drawn
 * from its documented distribution (`JUDGED_FACTOR_DISTRIBUTIONS`, correlated as in
 * `JUDGED_FACTOR_CORRELATIONS`); a factor the scenario sets (a value, a schedule, an expression
 * or its own distribution) keeps the scenario's setting.
 *
 * Returns undefined when the scenario has no block (every input fixed, as before issue 11).
 *
 * Cost: O(judged factors × months + k³) for the copula's Cholesky factor, plus the posterior's
 * validation O(rows × columns).
 *
 * @example
 * const r = resolveUncertainty({ ...baseline, uncertainty: { parameters: 'posterior:mid-2020', factors: 'plausible' } }, { posteriors: SHIPPED_POSTERIORS });
 * r.ok && r.value?.posterior?.name;                 // 'mid-2020'
 * r.ok && r.value?.judged?.draws.length;            // 13
 */
export function resolveUncertainty(
  scenario: Scenario,
  options: ResolveUncertaintyOptions,
): { ok: true; value: ResolvedUncertainty | undefined } | { ok: false; issues: ScenarioIssue[] } {
  const spec = scenario.uncertainty as UncertaintySpec | undefined;
  if (spec === undefined) return { ok: true, value: undefined };
  const issues: ScenarioIssue[] = [];
  let posterior: (ResolvedPosterior & { name: string }) | undefined;
  let prior: ResolvedPrior | undefined;
  if (spec.parameters !== 'fixed') {
    const path = ['uncertainty', 'parameters'];
    const fromPrior = spec.parameters.startsWith('prior:');
    const name = spec.parameters.replace(/^(posterior|prior):/, '');
    const sample = options.posteriors[name];
    if (scenario.parameters?.posterior !== undefined) {
      issues.push({
        code: 'conflict',
        path,
        message: 'parameters.posterior and uncertainty.parameters both draw parameters: keep one (uncertainty.parameters is preferred)',
        received: spec.parameters,
      });
    } else if (!sample) {
      const names = Object.keys(options.posteriors);
      const suggestion = closestName(name, names);
      issues.push({
        code: 'unknown-posterior',
        path,
        message: `unknown posterior "${name}"${suggestion ? ` (did you mean "${fromPrior ? 'prior' : 'posterior'}:${suggestion}"?)` : ` (shipped posteriors: ${names.join(', ')})`}`,
        received: spec.parameters,
      });
    } else {
      const fixed = new Set([
        ...Object.keys(scenario.parameters ?? {}),
        ...Object.keys(scenario.initialState ?? {}).map((field) => `initialState.${field}`),
      ]);
      if (fromPrior) {
        const resolved = resolvePrior(sample, name, fixed, path);
        if (resolved.ok) prior = resolved.value;
        else issues.push(...resolved.issues);
      } else {
        const validated = validatePosterior(sample, { path: [...path, `(${name})`], fixed: new Set(), name });
        if (validated.ok) posterior = { ...withoutColumns(validated.value, fixed), name };
        else issues.push(...validated.issues);
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const judged = spec.factors === 'plausible' ? prepareJudgedFactors(scenario) : undefined;
  return { ok: true, value: { spec, ...(posterior ? { posterior } : {}), ...(prior ? { prior } : {}), ...(judged ? { judged } : {}) } };
}

/** The posterior without the columns in `fixed` (same rows and weights). */
function withoutColumns(posterior: ResolvedPosterior, fixed: ReadonlySet<string>): ResolvedPosterior {
  const keep = posterior.parameters.flatMap((id, j) => (fixed.has(id) ? [] : [j]));
  if (keep.length === posterior.parameters.length) return posterior;
  return {
    ...posterior,
    parameters: keep.map((j) => posterior.parameters[j] as string),
    samples: posterior.samples.map((row) => keep.map((j) => row[j] as number)),
  };
}

let judgedCholesky: number[][] | undefined;

/** The Cholesky factor of the judged factors' copula (normal correlations from the rank ones), computed once. */
function judgedFactorCholesky(): number[][] {
  if (!judgedCholesky) {
    const ids = JUDGED_FACTOR_DISTRIBUTIONS.map((d) => d.id);
    const matrix = ids.map((_, i) => ids.map((__, j) => (i === j ? 1 : 0)));
    for (const pair of JUDGED_FACTOR_CORRELATIONS) {
      const i = ids.indexOf(pair.factors[0]);
      const j = ids.indexOf(pair.factors[1]);
      const rho = normalCorrelationForRank(pair.rank);
      (matrix[i] as number[])[j] = rho;
      (matrix[j] as number[])[i] = rho;
    }
    const factor = choleskyLower(matrix);
    if (!factor) throw new Error('invalid JUDGED_FACTOR_CORRELATIONS: not positive definite');
    judgedCholesky = factor;
  }
  return judgedCholesky;
}

function prepareJudgedFactors(scenario: Scenario): NonNullable<ResolvedUncertainty['judged']> {
  const months = scenario.months;
  const given = (scenario.factors ?? {}) as Record<string, unknown>;
  const draws = JUDGED_FACTOR_DISTRIBUTIONS.map((distribution): JudgedFactorDraw => {
    const applied = given[distribution.id] === undefined;
    return { distribution, applied, series: judgedSeries(distribution, months) };
  });
  return { draws, cholesky: judgedFactorCholesky() };
}

/**
 * The monthly values of a judged factor for a uniform u: today's baseline transformed by the
 * entry's law (a level, a scale of the schedule from `fromMonth` on, or a step month), kept in
 * the factor's plausible range and rounded for whole-number factors.
 *
 * Cost: O(months) per call.
 *
 * @example
 * const warChest = JUDGED_FACTOR_DISTRIBUTIONS.find((d) => d.id === 'warChest')!;
 * judgedSeries(warChest, 3)(0.5); // Float64Array [100, 100, 100]
 */
export function judgedSeries(distribution: JudgedFactorDistribution, months: number): (u: number) => Float64Array {
  const factor = FACTORS_BY_ID[distribution.id];
  const [lo, hi] = factor.range;
  const clip = (x: number) => {
    const y = Math.min(hi, Math.max(lo, x));
    return factor.integer ? Math.round(y) : y;
  };
  const resolve = (setting: Parameters<typeof resolveFactorSetting>[1]) => {
    const resolved = resolveFactorSetting(factor, setting, { months, path: [factor.id], allowOutsidePlausibleRange: true });
    if (!resolved.ok) throw new Error(`invalid judged distribution of ${factor.id}: ${resolved.issues[0]?.message}`);
    return resolved.values;
  };
  if (distribution.kind === 'level') {
    const [a, mode, b] = distribution.triangular;
    const quantile = inverseCdf({ type: 'triangular', mode }, [a, b]);
    return (u) => new Float64Array(months).fill(clip(quantile(u)));
  }
  if (distribution.kind === 'scale') {
    const [a, mode, b] = distribution.triangular;
    const quantile = inverseCdf({ type: 'triangular', mode }, [a, b]);
    const base = resolve(truncateSchedule(factor.baseline, months));
    const from = distribution.fromMonth ?? 0;
    return (u) => {
      const s = quantile(u);
      return base.map((value, t) => (t >= from ? clip(value * s) : value));
    };
  }
  const baseline = factor.baseline;
  if (typeof baseline !== 'object' || !('schedule' in baseline)) throw new Error(`invalid judged distribution of ${factor.id}: "month" needs a schedule baseline`);
  const [first, last] = distribution.months;
  const count = last - first + 1;
  return (u) => {
    const month = first + Math.min(count - 1, Math.floor(u * count));
    const steps = baseline.schedule.map((step, i) => ({ from: i === distribution.step ? month : step.from, value: step.value }));
    return resolve(truncateSchedule({ schedule: steps, ...(baseline.interpolate ? { interpolate: baseline.interpolate } : {}) }, months));
  };
}

/** What one ensemble's bands include, machine-readable (the `uncertainty` block of `run --json`). */
export interface UncertaintyDescription {
  /** Always true: every band includes the model's own randomness. */
  readonly runToRun: true;
  readonly parameters: {
    readonly drawn: boolean;
    /** `"posterior:<name>"`, `"posterior (inline)"` or `"fixed"`. */
    readonly source: string;
    /** The posterior's column ids, when drawn. */
    readonly columns?: readonly string[];
    /** Parameters multiplied per run by the scenario's `parameterScales`, e.g. "attackRate ×1–16" (absent in summaries before Dec 2026). */
    readonly scaled?: readonly string[];
  };
  readonly factors: {
    readonly drawn: boolean;
    /** `"plausible"` (judged factors drawn), `"scenario"` (only the scenario's own distributions) or `"fixed"`. */
    readonly source: string;
    /** The factors drawn per run: judged ones left at baseline, and those the scenario gives a distribution. */
    readonly drawnFactors: readonly FactorId[];
    /**
     * Other inputs drawn per run, by JSON path: `initialState.fightersRange` (the starting
     * strength) and `events[i].freed` (a prison break's uncertain size).
     */
    readonly drawnInputs: readonly string[];
  };
  /** One line for chart subtitles and headings. */
  readonly label: string;
}

/** The parts of a validated scenario {@link describeUncertainty} reads. */
export interface UncertaintyCarrier {
  readonly uncertainty?: ResolvedUncertainty;
  readonly uncertain?: readonly { readonly id: FactorId }[];
  readonly posterior?: ResolvedPosterior;
  readonly fightersRange?: readonly [number, number];
  readonly parameterScales?: readonly { readonly id: string; readonly low: number; readonly high: number }[];
  readonly scenario?: { readonly events?: readonly { readonly kind: string; readonly freed?: number | readonly [number, number] }[] };
}

/**
 * What a scenario's bands include, in data and in words: run-to-run randomness always; the
 * parameters when a posterior row is drawn per run; the inputs when any factor, the starting
 * strength (`initialState.fightersRange`) or a prison break's size (`freed: [low, high]`) is drawn. A band
 * that leaves parameters or inputs fixed says so in its label ("parameters FIXED", "inputs
 * FIXED"), so that no reader takes it for forecast uncertainty.
 *
 * Cost: O(factors).
 *
 * @example
 * describeUncertainty(parsed(baselineWithBlock)).label;
 * // 'run-to-run randomness + parameters drawn from posterior mid-2020 + 13 judged inputs drawn from their plausible ranges'
 * describeUncertainty(parsed(fixedScenario)).label;
 * // 'run-to-run randomness only: parameters FIXED and inputs FIXED (not forecast uncertainty)'
 */
export function describeUncertainty(valid: UncertaintyCarrier): UncertaintyDescription {
  const block = valid.uncertainty;
  const posterior = block?.posterior ?? valid.posterior;
  const prior = block?.prior;
  const parameterSource = prior ? `prior:${prior.name}` : posterior ? (posterior.name ? `posterior:${posterior.name}` : 'posterior (inline)') : 'fixed';
  const drawnColumns = prior ? prior.parameters : posterior?.parameters;
  const judged = (block?.judged?.draws ?? []).filter((draw) => draw.applied).map((draw) => draw.distribution.id);
  const own = (valid.uncertain ?? []).map((factor) => factor.id);
  const drawnFactors = [...own, ...judged];
  const drawnInputs = [
    ...(valid.fightersRange ? ['initialState.fightersRange'] : []),
    ...(valid.scenario?.events ?? []).flatMap((event, i) => (Array.isArray(event.freed) && event.freed[0] < event.freed[1] ? [`events[${i}].freed`] : [])),
  ];
  const ownInputs = own.length + drawnInputs.length;
  const factorSource = judged.length > 0 ? 'plausible' : ownInputs > 0 ? 'scenario' : 'fixed';
  const parts: string[] = [];
  if (drawnColumns) parts.push(`parameters drawn from ${parameterSource.replace(':', ' ')}`);
  if (judged.length > 0) parts.push(`${judged.length} judged inputs drawn from their plausible ranges`);
  const scaled = (valid.parameterScales ?? []).map(({ id, low, high }) => `${id} ×${low}–${high}`);
  if (scaled.length > 0) parts.push(`${scaled.join(', ')} per run (parameterScales)`);
  if (ownInputs > 0) parts.push(`${ownInputs} input${ownInputs === 1 ? '' : 's'} drawn from the scenario's distributions`);
  const inputsDrawn = drawnFactors.length + drawnInputs.length > 0;
  const missing = [...(drawnColumns || scaled.length > 0 ? [] : ['parameters FIXED']), ...(inputsDrawn ? [] : ['inputs FIXED'])];
  const label =
    parts.length === 0
      ? 'run-to-run randomness only: parameters FIXED and inputs FIXED (not forecast uncertainty)'
      : `run-to-run randomness + ${parts.join(' + ')}${missing.length > 0 ? ` (${missing.join(', ')})` : ''}`;
  return {
    runToRun: true,
    parameters: { drawn: drawnColumns !== undefined || scaled.length > 0, source: parameterSource, ...(drawnColumns ? { columns: [...drawnColumns] } : {}), ...(scaled.length > 0 ? { scaled } : {}) },
    factors: { drawn: inputsDrawn, source: factorSource, drawnFactors, drawnInputs },
    label,
  };
}

/** `"scenario"`: use the scenario's own `uncertainty` block; `"none"`: keep every input fixed (the pre-issue-11 mode). */
export type UncertaintyMode = 'scenario' | 'none';

/**
 * The scenario with its `uncertainty` block set to fixed parameters and fixed factors when
 * `mode` is "none" (the CLI's `--uncertainty none`, `simulate`'s `uncertainty: 'none'`); the
 * same object otherwise. Both the file (`valid.scenario`, which workers re-parse and the
 * provenance hashes) and the resolved block change, so every runner agrees. A scenario's own
 * distributions (`factors.<id>: { "uniform": … }`) and `parameters.posterior` are its question
 * and are kept.
 *
 * Cost: O(1).
 *
 * @example
 * withUncertaintyMode(valid, 'none').scenario.uncertainty; // { parameters: 'fixed', factors: 'fixed' }
 * withUncertaintyMode(valid, 'scenario') === valid;         // true
 */
export function withUncertaintyMode<T extends { readonly scenario: Scenario; readonly uncertainty?: ResolvedUncertainty }>(valid: T, mode: UncertaintyMode): T {
  if (mode === 'scenario' || valid.scenario.uncertainty === undefined) return valid;
  if (mode !== 'none') throw new RangeError(`invalid uncertainty: ${JSON.stringify(mode)} (expected "scenario" or "none")`);
  const fixed = { ...valid, scenario: { ...valid.scenario, uncertainty: FIXED_UNCERTAINTY }, uncertainty: { spec: FIXED_UNCERTAINTY } };
  // Derived from a validated scenario by fixing what it draws, which no bound can break: it keeps
  // the parse mark, so the engine runs it without parsing again (see parsedMark).
  if (isParsedScenario(valid)) markParsed(fixed);
  return fixed;
}
