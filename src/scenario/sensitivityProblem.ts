import { markParsed } from './parsedMark.js';
import type { InputDistribution } from '../math/problem.js';
import { FACTORS_BY_ID, FACTOR_IDS, type FactorId } from '../model/factors.js';
import { resolveCorrelations } from './correlations.js';
import { withInterventions } from './interventions.js';
import { ScenarioError, type ScenarioIssue } from './issues.js';
import type { ValidScenario } from './parseScenario.js';
import { resolveFactorSetting } from './resolveFactorSetting.js';
import { closestName } from './suggest.js';
import { seriesOfDraw } from './uncertainFactor.js';

/**
 * A sensitivity problem over a scenario's factors, in the shape the designs take
 * (`SensitivityProblem` of src/experiment/designs: SALib's names and bounds, plus each input's
 * distribution where it is not uniform on its bounds).
 */
export interface ScenarioSensitivityProblem {
  readonly names: string[];
  readonly bounds: [number, number][];
  readonly distributions: (InputDistribution | undefined)[];
}

/**
 * The sensitivity problem of a scenario's factors: for each factor, the scenario's
 * distribution when it gives one (for a schedule whose step month is uncertain, the range of
 * that month, each whole month equally likely), else uniform on the factor's registry
 * plausible range — the default range for sensitivity analysis (src/model/factors.ts).
 * `factorIds` defaults to the scenario's uncertain factors, or every factor when it has none.
 * Run a design row with {@link applyFactorValues}.
 *
 * Throws a RangeError for an unknown factor (with a "did you mean") and
 * `factor X has no range` for one whose registry range is empty and that has no distribution.
 *
 * Cost: O(factors).
 *
 * @example
 * sensitivityProblem(valid, ['usTroopsSyria', 'covidDiversion']);
 * // { names: ['usTroopsSyria', 'covidDiversion'], bounds: [[0, 2500], [0, 0.6]], distributions: [undefined, undefined] }
 */
export function sensitivityProblem(valid: ValidScenario, factorIds?: readonly string[]): ScenarioSensitivityProblem {
  const uncertain = new Map((valid.uncertain ?? []).map((factor) => [factor.id as string, factor]));
  const ids = factorIds ?? (uncertain.size > 0 ? [...uncertain.keys()] : FACTOR_IDS);
  const names: string[] = [];
  const bounds: [number, number][] = [];
  const distributions: (InputDistribution | undefined)[] = [];
  for (const id of ids) {
    checkFactorId(id);
    const given = uncertain.get(id);
    names.push(id);
    if (given) {
      bounds.push([given.bounds[0], given.bounds[1]]);
      distributions.push(given.distribution.type === 'uniform' ? undefined : given.distribution);
      continue;
    }
    const [lo, hi] = FACTORS_BY_ID[id as FactorId].range;
    if (!(lo < hi)) throw new RangeError(`factor ${id} has no range (its registry range is [${lo}, ${hi}] and the scenario gives no distribution)`);
    bounds.push([lo, hi]);
    distributions.push(undefined);
  }
  return { names, bounds, distributions };
}

/**
 * The scenario with some factors fixed, to run one row of a design: each named factor becomes
 * the constant value (rounded for whole-number factors), except a factor whose schedule has an
 * uncertain step month, whose value is that month (rounded). Fixed factors are no longer
 * uncertain (and leave any correlation block); interventions still apply on top. The
 * returned scenario's `scenario` is the file content that parses to it, so that hashing,
 * provenance and workers see the same scenario. The input is not modified.
 *
 * Throws a RangeError for an unknown factor and a {@link ScenarioError} for a value the factor
 * does not accept (outside its plausible range, or hard bounds with allowOutsidePlausibleRange;
 * a month outside the uncertain range).
 *
 * Cost: O(factors × months), plus O(k³) when a correlation block of k factors shrinks.
 *
 * @example
 * const row = applyFactorValues(valid, { usTroopsSyria: 1234.4, covidDiversion: 0.2 });
 * row.factors.usTroopsSyria[0]; // 1234
 * row.scenario.factors?.covidDiversion; // 0.2
 */
export function applyFactorValues(valid: ValidScenario, values: Readonly<Record<string, number>>): ValidScenario {
  const months = valid.scenario.months;
  const allowOutsidePlausibleRange = valid.scenario.allowOutsidePlausibleRange ?? false;
  const uncertain = new Map((valid.uncertain ?? []).map((factor) => [factor.id as string, factor]));
  const factors = { ...valid.factors } as Record<FactorId, Float64Array>;
  const written = { ...(valid.scenario.factors ?? {}) } as Record<string, unknown>;
  const issues: ScenarioIssue[] = [];
  for (const [id, raw] of Object.entries(values)) {
    checkFactorId(id);
    const factor = FACTORS_BY_ID[id as FactorId];
    const given = uncertain.get(id);
    const path = ['factors', id];
    if (given?.kind === 'month') {
      const month = Math.round(raw);
      const [first, last] = given.bounds;
      if (!(month >= first && month <= last)) {
        issues.push({ code: 'out-of-range', path, message: `${id}: expected a step month in [${first}, ${last}], received ${raw}`, expected: `${first} ≤ month ≤ ${last}`, received: String(raw) });
        continue;
      }
      const schedule = given.schedule as NonNullable<typeof given.schedule>;
      factors[id as FactorId] = withInterventions(id as FactorId, seriesOfDraw(factor, given, month, months), valid.interventions);
      written[id] = {
        schedule: schedule.steps.map((step, i) => ({ from: i === schedule.step ? month : step.from, value: step.value })),
        ...(schedule.interpolate === undefined ? {} : { interpolate: schedule.interpolate }),
      };
    } else {
      const value = factor.integer ? Math.round(raw) : raw;
      const resolved = resolveFactorSetting(factor, value, { months, path, allowOutsidePlausibleRange });
      if (!resolved.ok) {
        issues.push(...resolved.issues);
        continue;
      }
      factors[id as FactorId] = withInterventions(id as FactorId, resolved.values, valid.interventions);
      written[id] = value;
    }
    uncertain.delete(id);
  }
  if (issues.length > 0) throw new ScenarioError(issues);

  const scenario = { ...valid.scenario, factors: written } as ValidScenario['scenario'];
  let correlations = valid.correlations;
  if (correlations && correlations.factors.some((id) => !uncertain.has(id))) {
    const keep = correlations.factors.flatMap((id, i) => (uncertain.has(id) ? [i] : []));
    if (keep.length < 2) {
      correlations = undefined;
      delete (scenario as { correlations?: unknown }).correlations;
    } else {
      const spec = {
        factors: keep.map((i) => correlations?.factors[i] as string),
        matrix: keep.map((i) => keep.map((j) => (correlations?.target[i] as readonly number[])[j] as number)),
      };
      const resolved = resolveCorrelations(spec, new Set(uncertain.keys()));
      if (!resolved.ok) throw new ScenarioError(resolved.issues);
      correlations = resolved.value;
      (scenario as { correlations?: unknown }).correlations = spec;
    }
  }
  const { uncertain: _u, correlations: _c, ...rest } = valid;
  const applied: ValidScenario = {
    ...rest,
    scenario,
    factors,
    ...(uncertain.size > 0 ? { uncertain: (valid.uncertain ?? []).filter((factor) => uncertain.has(factor.id)) } : {}),
    ...(correlations ? { correlations } : {}),
  };
  // Derived from a validated scenario with every new value checked above: valid as it stands.
  markParsed(applied);
  return applied;
}

function checkFactorId(id: string): void {
  if ((FACTOR_IDS as readonly string[]).includes(id)) return;
  const suggestion = closestName(id, FACTOR_IDS);
  throw new RangeError(`invalid factor: ${JSON.stringify(id)} (unknown${suggestion ? `; did you mean "${suggestion}"?` : ''})`);
}
