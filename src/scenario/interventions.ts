import { FACTORS_BY_ID, FACTOR_IDS, type FactorId, type FactorSetting } from '../model/factors.js';
import type { ScenarioIssue } from './issues.js';
import { resolveFactorSetting } from './resolveFactorSetting.js';
import { closestName } from './suggest.js';

/** An intervention, resolved: from month `from` on, factor `factor` takes `values[from …]`. */
export interface ResolvedIntervention {
  readonly factor: FactorId;
  readonly from: number;
  /** One value per month of the horizon; only months ≥ `from` are meaningful. */
  readonly values: Float64Array;
  readonly note?: string;
}

/** An intervention as written in a scenario file (after the shape check). */
export interface InterventionSpec {
  readonly factor: string;
  readonly from: number;
  readonly set: FactorSetting;
  readonly note?: string;
}

/**
 * Checks and resolves a scenario's interventions — Pearl's do-operator, do(factor := set) from
 * month `from` on (J. Pearl 2009, "Causality", 2nd ed., §3.2). `set` is any factor setting on
 * the scenario's clock (an expression's t and a schedule's months count from the start; a
 * schedule may start at any month up to `from`). Issues: an unknown factor (with a "did you
 * mean"), an initial-condition factor (only month 0 of those is read), a month outside the
 * horizon, and any value from `from` on outside the factor's hard bounds or (unless
 * `allowOutsidePlausibleRange`) its plausible range — the same checks as `factors`.
 *
 * Cost: O(interventions × months).
 *
 * @example
 * const r = resolveInterventions([{ factor: 'usTroopsSyria', from: 2, set: 600 }], { months: 4 });
 * r.ok && Array.from(r.value[0].values.subarray(2)); // [600, 600]
 */
export function resolveInterventions(
  list: readonly InterventionSpec[],
  options: { readonly months: number; readonly allowOutsidePlausibleRange?: boolean },
): { ok: true; value: ResolvedIntervention[] } | { ok: false; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const value: ResolvedIntervention[] = [];
  list.forEach((intervention, i) => {
    const path = ['interventions', i];
    const id = intervention.factor;
    if (!(FACTOR_IDS as readonly string[]).includes(id)) {
      const suggestion = closestName(id, FACTOR_IDS);
      issues.push({
        code: 'unknown-factor',
        path: [...path, 'factor'],
        message: `unknown factor "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`,
        received: id,
      });
      return;
    }
    const factor = FACTORS_BY_ID[id as FactorId];
    if (!factor.timeVarying) {
      issues.push({
        code: 'intervention-initial-condition',
        path: [...path, 'factor'],
        message: `${id} is an initial condition (only its month-0 value is used): set it in factors or initialState instead of intervening`,
        expected: 'a time-varying factor',
        received: id,
      });
      return;
    }
    if (intervention.from >= options.months) {
      issues.push({
        code: 'intervention-beyond-horizon',
        path: [...path, 'from'],
        message: `intervention ${i} starts at month ${intervention.from}, beyond the horizon (months 0–${options.months - 1})`,
        expected: `< ${options.months}`,
        received: String(intervention.from),
      });
      return;
    }
    const resolved = resolveFactorSetting(factor, intervention.set, {
      months: options.months,
      path: [...path, 'set'],
      allowOutsidePlausibleRange: options.allowOutsidePlausibleRange ?? false,
      fromMonth: intervention.from,
    });
    if (!resolved.ok) {
      issues.push(...resolved.issues);
      return;
    }
    value.push({
      factor: id as FactorId,
      from: intervention.from,
      values: resolved.values,
      ...(intervention.note === undefined ? {} : { note: intervention.note }),
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/**
 * A factor's series with the interventions on it applied, in order (a later one wins where
 * they overlap): a new array when any applies, else `series` itself. Does not modify `series`.
 *
 * Cost: O(interventions + months touched).
 *
 * @example
 * withInterventions('usTroopsSyria', Float64Array.of(600, 600, 0, 0), interventions); // Float64Array [600, 600, 600, 600]
 */
export function withInterventions(id: FactorId, series: Float64Array, interventions: readonly ResolvedIntervention[] | undefined): Float64Array {
  let result = series;
  for (const intervention of interventions ?? []) {
    if (intervention.factor !== id) continue;
    if (result === series) result = Float64Array.from(series);
    result.set(intervention.values.subarray(intervention.from), intervention.from);
  }
  return result;
}
