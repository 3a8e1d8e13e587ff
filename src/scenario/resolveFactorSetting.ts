import type { FactorDefinition, FactorSetting } from '../model/factors.js';
import { evaluateExpressionOverMonths } from './expression.js';
import type { ScenarioIssue } from './issues.js';

/** Options for {@link resolveFactorSetting}. */
export interface ResolveFactorOptions {
  /** Horizon in months. */
  readonly months: number;
  /** JSON path of the setting, for issues. */
  readonly path: readonly (string | number)[];
  /** When true, values outside the plausible range pass (hard bounds still apply). Default false. */
  readonly allowOutsidePlausibleRange?: boolean;
  /**
   * First month whose value matters (an intervention's `from`). Months before it are neither
   * checked nor meaningful, and a schedule may start at any month up to it. Default 0.
   */
  readonly fromMonth?: number;
}

/**
 * Turns a factor setting into its value for each month 0 … months − 1 and checks every value
 * against the factor's bounds, plausible range and integrality.
 *
 * @example
 * resolveFactorSetting(FACTORS_BY_ID.usTroopsSyria, { schedule: [{ from: 0, value: 600 }, { from: 2, value: 0 }] }, { months: 4, path: [] });
 * // { ok: true, values: Float64Array [600, 600, 0, 0] }
 */
export function resolveFactorSetting(
  factor: FactorDefinition,
  setting: FactorSetting,
  options: ResolveFactorOptions,
): { ok: true; values: Float64Array } | { ok: false; issues: ScenarioIssue[] } {
  const { months, path } = options;
  const fromMonth = options.fromMonth ?? 0;
  const series = seriesOf(setting, months, path, fromMonth);
  if (!series.ok) return series;
  const issues: ScenarioIssue[] = [];
  const [low, high] = factor.bounds;
  const [plausibleLow, plausibleHigh] = factor.range;
  const valuePath = (month: number): (string | number)[] => {
    if (typeof setting === 'number') return [...path];
    if ('value' in setting) return [...path, 'value'];
    if ('schedule' in setting) return [...path, 'schedule', stepIndexAt(setting.schedule, month), 'value'];
    return [...path, 'expression'];
  };
  const where = (month: number) => (typeof setting === 'object' && !('value' in setting) ? ` at month ${month}` : '');
  for (let month = fromMonth; month < months; month++) {
    const value = series.values[month] as number;
    if (!within(value, low, high)) {
      issues.push({
        code: 'out-of-bounds',
        path: valuePath(month),
        message: `${factor.id}: expected a value in [${low}, ${high}] (${factor.unit}), received ${value}${where(month)}`,
        expected: `${low} ≤ value ≤ ${high}`,
        received: String(value),
      });
    } else if (!options.allowOutsidePlausibleRange && !within(value, plausibleLow, plausibleHigh)) {
      issues.push({
        code: 'out-of-range',
        path: valuePath(month),
        message:
          `${factor.id}: expected a value in its plausible range [${plausibleLow}, ${plausibleHigh}] (${factor.unit}), ` +
          `received ${value}${where(month)}; set "allowOutsidePlausibleRange": true to explore beyond it`,
        expected: `${plausibleLow} ≤ value ≤ ${plausibleHigh}`,
        received: String(value),
      });
    } else if (factor.integer && (typeof setting === 'number' || 'value' in setting) && !Number.isInteger(value)) {
      issues.push({
        code: 'not-integer',
        path: valuePath(month),
        message: `${factor.id}: expected a whole number of ${factor.unit}, received ${value}`,
        expected: 'an integer',
        received: String(value),
      });
    }
    if (issues.length > 0) break; // one issue per factor: the first month that fails says enough
  }
  if (issues.length > 0) return { ok: false, issues };
  // Values that passed only thanks to the noise slack are put back inside the limits, and
  // integer factors given as curves are rounded per month (a ramp of troops is whole troops).
  const [clampLow, clampHigh] = options.allowOutsidePlausibleRange ? factor.bounds : factor.range;
  for (let m = 0; m < months; m++) {
    const value = Math.min(clampHigh, Math.max(clampLow, series.values[m] as number));
    series.values[m] = factor.integer ? Math.round(value) : value;
  }
  return { ok: true, values: series.values };
}

/**
 * True when `value` lies in [low, high] up to floating-point noise (1e-9 relative), so that an
 * expression such as 0.1 × t reaching 0.6000000000000001 at t = 6 still passes a bound of 0.6.
 */
function within(value: number, low: number, high: number): boolean {
  const slack = (bound: number) => 1e-9 * Math.max(1, Math.abs(bound));
  return value >= low - slack(low) && value <= high + slack(high);
}

function stepIndexAt(schedule: readonly { from: number }[], month: number): number {
  let index = 0;
  schedule.forEach((step, i) => {
    if (step.from <= month) index = i;
  });
  return index;
}

function seriesOf(
  setting: FactorSetting,
  months: number,
  path: readonly (string | number)[],
  fromMonth: number,
): { ok: true; values: Float64Array } | { ok: false; issues: ScenarioIssue[] } {
  if (typeof setting === 'number') return { ok: true, values: new Float64Array(months).fill(setting) };
  if ('value' in setting) return { ok: true, values: new Float64Array(months).fill(setting.value) };
  if ('expression' in setting) {
    const result = evaluateExpressionOverMonths(setting.expression, months);
    if (!result.ok) {
      return {
        ok: false,
        issues: [{ code: result.issue.code, path: [...path, 'expression'], message: result.issue.message, received: JSON.stringify(setting.expression) }],
      };
    }
    return { ok: true, values: Float64Array.from(result.values) };
  }
  const steps = setting.schedule;
  const issues: ScenarioIssue[] = [];
  if (fromMonth === 0 && (steps[0]?.from ?? 0) !== 0) {
    issues.push({
      code: 'schedule-start',
      path: [...path, 'schedule', 0, 'from'],
      message: `expected the first step to start at month 0, received ${steps[0]?.from}`,
      expected: '0',
      received: String(steps[0]?.from),
    });
  } else if ((steps[0]?.from ?? 0) > fromMonth) {
    issues.push({
      code: 'schedule-start',
      path: [...path, 'schedule', 0, 'from'],
      message: `expected the first step to start at or before month ${fromMonth} (the intervention's first month), received ${steps[0]?.from}`,
      expected: `≤ ${fromMonth}`,
      received: String(steps[0]?.from),
    });
  }
  steps.forEach((step, i) => {
    const previous = steps[i - 1];
    if (previous && step.from <= previous.from) {
      issues.push({
        code: 'schedule-order',
        path: [...path, 'schedule', i, 'from'],
        message: `expected steps in increasing month order: step ${i} starts at month ${step.from}, not after step ${i - 1} (month ${previous.from})`,
        expected: `> ${previous.from}`,
        received: String(step.from),
      });
    }
    if (step.from >= months) {
      issues.push({
        code: 'schedule-beyond-horizon',
        path: [...path, 'schedule', i, 'from'],
        message: `step ${i} starts at month ${step.from}, beyond the horizon (months 0–${months - 1})`,
        expected: `< ${months}`,
        received: String(step.from),
      });
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  const values = new Float64Array(months);
  const linear = setting.interpolate === 'linear';
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as { from: number; value: number };
    const next = steps[i + 1];
    const end = next ? next.from : months;
    // Months before a first step that starts late (allowed only before `fromMonth`) take its value.
    for (let m = i === 0 ? 0 : step.from; m < end; m++) {
      values[m] = linear && next && m >= step.from ? step.value + ((next.value - step.value) * (m - step.from)) / (next.from - step.from) : step.value;
    }
  }
  return { ok: true, values };
}

/**
 * A setting cut to a horizon: schedule steps at or beyond `months` are dropped (a short
 * scenario simply ends before them). Used for baselines, whose schedules were written for 36
 * months; a user's own schedule is checked strictly instead.
 *
 * @example
 * truncateSchedule({ schedule: [{ from: 0, value: 1 }, { from: 6, value: 0 }] }, 3); // { schedule: [{ from: 0, value: 1 }] }
 */
export function truncateSchedule(setting: FactorSetting, months: number): FactorSetting {
  if (typeof setting !== 'object' || !('schedule' in setting)) return setting;
  return { ...setting, schedule: setting.schedule.filter((step) => step.from < months) };
}
