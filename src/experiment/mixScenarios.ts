import { FACTOR_IDS, type FactorId } from '../model/factors.js';
import { PARAMETERS_BY_ID } from '../model/parameters.js';
import type { ValidScenario } from '../scenario/parseScenario.js';

/** What differs between two scenarios: the factors (in any month) and the parameters. */
export interface ScenarioDifference {
  readonly factors: readonly FactorId[];
  readonly parameters: readonly string[];
}

/**
 * The factors whose monthly values differ, and the parameters whose values differ, between two
 * validated scenarios on the same calendar: the players of an attribution.
 */
export function scenarioDifference(from: ValidScenario, to: ValidScenario): ScenarioDifference {
  const factors = FACTOR_IDS.filter((id) => {
    const a = from.factors[id];
    const b = to.factors[id];
    return a.some((value, m) => value !== b[m]);
  });
  const parameters = Object.keys(PARAMETERS_BY_ID).filter(
    (id) => (from.parameters as Record<string, number>)[id] !== (to.parameters as Record<string, number>)[id],
  );
  return { factors, parameters };
}

/** A per-month array as the most compact scenario setting: a constant, or step schedule. */
export function settingOfValues(values: ArrayLike<number>): number | { schedule: { from: number; value: number }[] } {
  const steps: { from: number; value: number }[] = [];
  for (let m = 0; m < values.length; m++) {
    if (m === 0 || values[m] !== values[m - 1]) steps.push({ from: m, value: values[m] as number });
  }
  return steps.length === 1 ? (steps[0] as { value: number }).value : { schedule: steps };
}

/**
 * A scenario (as JSON data) that takes the members' factors and parameters from `to` and every
 * other one from `from`: coalition S of an attribution from `from` to `to`. Every factor is
 * written out month by month, so the result does not depend on how either scenario expressed it
 * — except, when `from` carries an `uncertainty` block (kept in the mix), a factor or parameter
 * its source scenario leaves at the baseline with no intervention on it: it is left out, so
 * that it is drawn per run exactly as in that scenario (judged factors, posterior rows), and the
 * coalitions of `from` and `to` reproduce their ensembles.
 */
export function mixScenarios(from: ValidScenario, to: ValidScenario, members: ReadonlySet<string>, name: string): Record<string, unknown> {
  const drawn = from.scenario.uncertainty !== undefined;
  const leftAtBaseline = (source: ValidScenario, id: string) =>
    drawn &&
    (source.scenario.factors as Record<string, unknown> | undefined)?.[id] === undefined &&
    !(source.interventions ?? []).some((intervention) => intervention.factor === id);
  const factors: Record<string, unknown> = {};
  for (const id of FACTOR_IDS) {
    const source = members.has(id) ? to : from;
    if (!leftAtBaseline(source, id)) factors[id] = settingOfValues(source.factors[id]);
  }
  const parameters: Record<string, number> = {};
  for (const id of Object.keys(PARAMETERS_BY_ID)) {
    const source = members.has(id) ? to : from;
    if (drawn && (source.scenario.parameters as Record<string, unknown> | undefined)?.[id] === undefined) continue;
    parameters[id] = (source.parameters as Record<string, number>)[id] as number;
  }
  const { $schema: _schema, ...rest } = from.scenario as Record<string, unknown>;
  // Every factor and parameter is written out, so what made them uncertain or scheduled is spent.
  delete rest.interventions;
  delete rest.correlations;
  return { ...rest, name, factors, parameters };
}
