import { AREAS_2020 } from '../model/areas.js';
import { FACTORS, type FactorId } from '../model/factors.js';
import type { ModelInputs } from '../model/inputs.js';
import { resolveFactorSetting, truncateSchedule } from './resolveFactorSetting.js';
import type { ValidScenario } from './parseScenario.js';

let baselineAtStart: Readonly<Record<FactorId, number>> | undefined;

/** Month 0 of every factor's registry baseline (computed once). */
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

/** The model's inputs for a validated scenario, on the shipped 2020 areas. */
export function toModelInputs(valid: ValidScenario): ModelInputs {
  return {
    months: valid.scenario.months,
    factors: valid.factors,
    parameters: valid.parameters,
    areas: AREAS_2020,
    baselineAtStart: baselineFactorsAtStart(),
  };
}
