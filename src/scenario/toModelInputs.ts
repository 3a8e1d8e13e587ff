import { AREAS_2020 } from '../model/areas.js';
import { FACTORS, type FactorId } from '../model/factors.js';
import type { ModelInputs } from '../model/inputs.js';
import { resolveFactorSetting, truncateSchedule } from './resolveFactorSetting.js';
import type { ValidScenario } from './parseScenario.js';

let baselineAtStart: Readonly<Record<FactorId, number>> | undefined;

/**
 * Month 0 of every factor's registry baseline (computed once).
 *
 * @example
 * baselineFactorsAtStart().usTroopsSyria; // 600
 */
export function baselineFactorsAtStart(): Readonly<Record<FactorId, number>> {
  if (!baselineAtStart) {
    const values = {} as Record<FactorId, number>;
    for (const factor of FACTORS) {
      const resolved = resolveFactorSetting(factor, truncateSchedule(factor.baseline, 1), { months: 1, path: [factor.id] });
      if (!resolved.ok) throw new Error(`invalid baseline of ${factor.id}: ${resolved.issues[0]?.message}`);
      values[factor.id] = resolved.values[0] as number;
    }
    baselineAtStart = values;
  }
  return baselineAtStart;
}

const inputsCache = new WeakMap<ValidScenario, ModelInputs>();

/**
 * The model's inputs for a validated scenario: its factors (uncertain ones at their nominal,
 * median values), parameters, areas (the shipped 2020 areas, with the initial state's `control`
 * applied) and initial-state overrides. Computed once per validated scenario and cached, so
 * every call returns the same object (the rules only read it).
 *
 * Cost: O(1) after the first call.
 *
 * @example
 * const valid = parseScenario(SHIPPED_SCENARIOS['us-stays']);
 * valid.ok && toModelInputs(valid.value) === toModelInputs(valid.value); // true
 */
export function toModelInputs(valid: ValidScenario): ModelInputs {
  let inputs = inputsCache.get(valid);
  if (!inputs) {
    inputs = {
      months: valid.scenario.months,
      factors: valid.factors,
      parameters: valid.parameters,
      areas: valid.areas ?? AREAS_2020,
      baselineAtStart: baselineFactorsAtStart(),
      ...(valid.initialState === undefined ? {} : { initialState: valid.initialState }),
      ...(valid.events === undefined ? {} : { events: valid.events }),
    };
    inputsCache.set(valid, inputs);
  }
  return inputs;
}
