import { inverseCdf } from '../math/inverseCdf.js';
import type { InputDistribution } from '../math/problem.js';
import type { FactorDefinition, FactorId } from '../model/factors.js';
import type { ScenarioIssue } from './issues.js';
import { resolveFactorSetting } from './resolveFactorSetting.js';

/**
 * A factor whose input is uncertain, resolved: each run draws one number `x` from
 * `distribution` on `bounds` (through `quantile`), and the factor's monthly values follow from it.
 * - `kind: 'value'`: the factor is the constant x for the whole run;
 * - `kind: 'month'`: x is the month of step `step` of `schedule` (a drawdown whose date is uncertain).
 *
 * The distribution uses the sensitivity designs' vocabulary (`InputDistribution`), so a
 * scenario's uncertainty is also a sensitivity problem (see `sensitivityProblem`).
 */
export interface UncertainFactor {
  readonly id: FactorId;
  readonly kind: 'value' | 'month';
  readonly distribution: InputDistribution;
  /** The support [lo, hi] of `distribution`. */
  readonly bounds: readonly [number, number];
  /**
   * The quantile function u ↦ x (inverse CDF, u in [0, 1]); rounded to whole numbers for
   * whole-number factors and for months.
   */
  readonly quantile: (u: number) => number;
  /** For `kind: 'month'`: the schedule (the uncertain step's `from` is a placeholder) and that step's index. */
  readonly schedule?: {
    readonly steps: readonly { readonly from: number; readonly value: number }[];
    readonly interpolate?: 'step' | 'linear';
    readonly step: number;
  };
}

/** A factor setting that carries uncertainty, as written in a scenario file (after the shape check). */
export type UncertainSetting =
  | { readonly uniform: readonly [number, number] }
  | { readonly triangular: readonly [number, number, number] }
  | { readonly normal: { readonly mean: number; readonly sd: number } }
  | { readonly choice: readonly number[]; readonly weights?: readonly number[] }
  | {
      readonly schedule: readonly { readonly from: number | { readonly uniformInt: readonly [number, number] }; readonly value: number }[];
      readonly interpolate?: 'step' | 'linear';
    };

/** Options of {@link resolveUncertainFactor}. */
export interface ResolveUncertainOptions {
  /** Horizon in months. */
  readonly months: number;
  /** JSON path of the setting, for issues. */
  readonly path: readonly (string | number)[];
  /** Accept supports beyond the plausible range (hard bounds still apply). Default false. */
  readonly allowOutsidePlausibleRange?: boolean;
}

/**
 * True when a factor setting (after the shape check) is uncertain: a distribution, or a
 * schedule with a step month given as `{ "uniformInt": [first, last] }`.
 *
 * @example
 * isUncertainSetting({ uniform: [0, 1] }); // true
 * isUncertainSetting({ schedule: [{ from: 0, value: 600 }, { from: { uniformInt: [3, 12] }, value: 0 }] }); // true
 * isUncertainSetting(600); // false
 */
export function isUncertainSetting(setting: unknown): setting is UncertainSetting {
  if (setting === null || typeof setting !== 'object') return false;
  if ('uniform' in setting || 'triangular' in setting || 'normal' in setting || 'choice' in setting) return true;
  if ('schedule' in setting && Array.isArray(setting.schedule)) {
    return (setting.schedule as { from?: unknown }[]).some((step) => typeof step.from === 'object' && step.from !== null);
  }
  return false;
}

/**
 * Checks an uncertain setting against the factor and resolves it: the distribution's
 * parameters must be ordered (lo < hi, lo ≤ mode ≤ hi) and its support must lie in the values
 * the factor accepts (the plausible range, or the hard bounds with `allowOutsidePlausibleRange`);
 * a normal law is truncated to that range and its mean must lie in it; choices must be
 * accepted values (whole numbers for whole-number factors) with one non-negative weight each
 * and a positive total. A schedule may have one uncertain step month, not the first; its
 * `[first, last]` must lie strictly between the neighbouring steps and inside the horizon, and
 * the schedule must be valid at both ends.
 *
 * Returns the resolved factor and its nominal series (every draw at its median, u = 0.5), or
 * the issues found.
 *
 * Cost: O(months) (the schedule is resolved at both ends of its month range).
 *
 * @example
 * const r = resolveUncertainFactor(FACTORS_BY_ID.warChest, { uniform: [50, 150] }, { months: 3, path: ['factors', 'warChest'] });
 * r.ok && r.value.quantile(0.25); // 75
 * r.ok && Array.from(r.nominal);  // [100, 100, 100]
 */
export function resolveUncertainFactor(
  factor: FactorDefinition,
  setting: UncertainSetting,
  options: ResolveUncertainOptions,
): { ok: true; value: UncertainFactor; nominal: Float64Array } | { ok: false; issues: ScenarioIssue[] } {
  const { path, months } = options;
  const [lo, hi] = options.allowOutsidePlausibleRange ? factor.bounds : factor.range;
  const rangeName = options.allowOutsidePlausibleRange ? 'hard bounds' : 'plausible range';
  const issues: ScenarioIssue[] = [];
  const inRange = (value: number, at: (string | number)[]): boolean => {
    if (value >= lo && value <= hi) return true;
    const hint = options.allowOutsidePlausibleRange ? '' : '; set "allowOutsidePlausibleRange": true to explore beyond it';
    issues.push({
      code: options.allowOutsidePlausibleRange ? 'out-of-bounds' : 'out-of-range',
      path: at,
      message: `${factor.id}: expected a value in its ${rangeName} [${lo}, ${hi}] (${factor.unit}), received ${value}${hint}`,
      expected: `${lo} ≤ value ≤ ${hi}`,
      received: String(value),
    });
    return false;
  };
  const ordered = (ok: boolean, at: (string | number)[], message: string, received: string): void => {
    if (!ok) issues.push({ code: 'invalid-distribution', path: at, message: `${factor.id}: ${message}`, received });
  };
  const rounding = (quantile: (u: number) => number) =>
    factor.integer ? (u: number) => Math.min(hi, Math.max(lo, Math.round(quantile(u)))) : quantile;
  const done = (distribution: InputDistribution, bounds: readonly [number, number]) => {
    if (issues.length > 0) return { ok: false as const, issues };
    const quantile = rounding(inverseCdf(distribution, bounds));
    const value: UncertainFactor = { id: factor.id as FactorId, kind: 'value', distribution, bounds, quantile };
    return { ok: true as const, value, nominal: new Float64Array(months).fill(quantile(0.5)) };
  };

  if ('uniform' in setting) {
    const [a, b] = setting.uniform;
    const at = [...path, 'uniform'];
    ordered(a < b, at, `expected lo < hi in [lo, hi], received [${a}, ${b}]`, `[${a}, ${b}]`);
    inRange(a, [...at, 0]);
    inRange(b, [...at, 1]);
    return done({ type: 'uniform' }, [a, b]);
  }
  if ('triangular' in setting) {
    const [a, mode, b] = setting.triangular;
    const at = [...path, 'triangular'];
    ordered(a < b && mode >= a && mode <= b, at, `expected lo ≤ mode ≤ hi and lo < hi in [lo, mode, hi], received [${a}, ${mode}, ${b}]`, `[${a}, ${mode}, ${b}]`);
    inRange(a, [...at, 0]);
    inRange(b, [...at, 2]);
    return done({ type: 'triangular', mode }, [a, b]);
  }
  if ('normal' in setting) {
    const { mean, sd } = setting.normal;
    inRange(mean, [...path, 'normal', 'mean']);
    return done({ type: 'normal-truncated', mean, sd }, [lo, hi]);
  }
  if ('choice' in setting) {
    const values = setting.choice;
    values.forEach((value, i) => {
      if (inRange(value, [...path, 'choice', i]) && factor.integer && !Number.isInteger(value)) {
        issues.push({
          code: 'not-integer',
          path: [...path, 'choice', i],
          message: `${factor.id}: expected a whole number of ${factor.unit}, received ${value}`,
          expected: 'an integer',
          received: String(value),
        });
      }
    });
    const weights = setting.weights;
    if (weights !== undefined) {
      ordered(weights.length === values.length, [...path, 'weights'], `expected one weight per choice (${values.length}), received ${weights.length}`, String(weights.length));
      ordered(weights.reduce((sum, w) => sum + w, 0) > 0, [...path, 'weights'], 'expected weights with a positive total', weights.join(', '));
    }
    const sorted = [...values].sort((x, y) => x - y);
    return done(
      { type: 'discrete', values, ...(weights === undefined ? {} : { weights }) },
      [sorted[0] as number, sorted[sorted.length - 1] as number],
    );
  }
  return resolveUncertainSchedule(factor, setting, options);
}

function resolveUncertainSchedule(
  factor: FactorDefinition,
  setting: Extract<UncertainSetting, { schedule: unknown }>,
  options: ResolveUncertainOptions,
): { ok: true; value: UncertainFactor; nominal: Float64Array } | { ok: false; issues: ScenarioIssue[] } {
  const { path, months } = options;
  const steps = setting.schedule;
  const uncertain = steps.flatMap((step, i) => (typeof step.from === 'object' ? [i] : []));
  const issues: ScenarioIssue[] = [];
  if (uncertain.length > 1) {
    return {
      ok: false,
      issues: [
        {
          code: 'uncertain-month',
          path: [...path, 'schedule', uncertain[1] as number, 'from'],
          message: `${factor.id}: at most one step month of a schedule may be uncertain, received ${uncertain.length} (steps ${uncertain.join(', ')})`,
          expected: 'one uncertain step',
          received: String(uncertain.length),
        },
      ],
    };
  }
  const index = uncertain[0] as number;
  const [first, last] = (steps[index]?.from as { uniformInt: readonly [number, number] }).uniformInt;
  const at = [...path, 'schedule', index, 'from', 'uniformInt'];
  const previous = steps[index - 1]?.from;
  const next = steps[index + 1]?.from;
  const problem = (message: string, expected: string) =>
    issues.push({ code: 'uncertain-month', path: at, message: `${factor.id}: ${message}`, expected, received: `[${first}, ${last}]` });
  if (index === 0) problem('the first step starts at month 0; only a later step month may be uncertain', 'a later step');
  else if (first > last) problem(`expected first ≤ last in [first, last], received [${first}, ${last}]`, 'first ≤ last');
  else if (typeof previous === 'number' && first <= previous) problem(`the uncertain month range [${first}, ${last}] must start after step ${index - 1} (month ${previous})`, `> ${previous}`);
  else if (typeof next === 'number' && last >= next) problem(`the uncertain month range [${first}, ${last}] must end before step ${index + 1} (month ${next})`, `< ${next}`);
  else if (last >= months) problem(`the uncertain month range [${first}, ${last}] goes beyond the horizon (months 0–${months - 1})`, `< ${months}`);
  if (issues.length > 0) return { ok: false, issues };
  const concrete = (month: number) => ({
    schedule: steps.map((step, i) => ({ from: i === index ? month : (step.from as number), value: step.value })),
    ...(setting.interpolate === undefined ? {} : { interpolate: setting.interpolate }),
  });
  // The schedule must be valid wherever the month falls; its ends are the extreme cases.
  for (const month of first === last ? [first] : [first, last]) {
    const resolved = resolveFactorSetting(factor, concrete(month), options);
    if (!resolved.ok) return resolved;
  }
  const values = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const distribution: InputDistribution = { type: 'discrete', values };
  const quantile = inverseCdf(distribution, [first, last]);
  const nominalMonth = quantile(0.5);
  const nominal = resolveFactorSetting(factor, concrete(nominalMonth), options);
  if (!nominal.ok) return nominal;
  return {
    ok: true,
    value: {
      id: factor.id as FactorId,
      kind: 'month',
      distribution,
      bounds: [first, last],
      quantile,
      schedule: {
        steps: concrete(nominalMonth).schedule,
        ...(setting.interpolate === undefined ? {} : { interpolate: setting.interpolate }),
        step: index,
      },
    },
    nominal: nominal.values,
  };
}

/**
 * The monthly values of an uncertain factor for one drawn number x: the constant x, or the
 * schedule with its uncertain step at month x (x rounded to a whole month and kept inside
 * the factor's month range). Trusts `uncertain` (it came from {@link resolveUncertainFactor}).
 *
 * Cost: O(months).
 *
 * @example
 * seriesOfDraw(drawdown, 4, 6); // Float64Array [600, 600, 600, 600, 0, 0] (the step falls at month 4)
 */
export function seriesOfDraw(factor: FactorDefinition, uncertain: UncertainFactor, x: number, months: number): Float64Array {
  if (uncertain.kind === 'value') return new Float64Array(months).fill(x);
  const schedule = uncertain.schedule as NonNullable<UncertainFactor['schedule']>;
  const month = Math.min(uncertain.bounds[1], Math.max(uncertain.bounds[0], Math.round(x)));
  const resolved = resolveFactorSetting(
    factor,
    {
      schedule: schedule.steps.map((step, i) => ({ from: i === schedule.step ? month : step.from, value: step.value })),
      ...(schedule.interpolate === undefined ? {} : { interpolate: schedule.interpolate }),
    },
    { months, path: [factor.id], allowOutsidePlausibleRange: true },
  );
  if (!resolved.ok) throw new Error(`invalid draw of ${factor.id}: ${resolved.issues[0]?.message}`);
  return resolved.values;
}
