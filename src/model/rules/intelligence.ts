import { computeAreaConditionsInto, createAreaConditions, type AreaConditions } from '../conditions.js';
import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';

/**
 * The operations tempo of an area's country in `month` (`iraqiOperationsTempo` or
 * `syriaOperationsTempo`). Pure.
 */
export function operationsTempo(inputs: ModelInputs, area: number, month: number): number {
  const f = inputs.factors;
  return (inputs.areas.isIraq[area] ? f.iraqiOperationsTempo[month] : f.syriaOperationsTempo[month]) as number;
}

/**
 * Each area's intelligence on ISIS cells at the start (0–1): the equilibrium of
 * {@link stepIntelligence} under the registry's baseline factors at month 0 (tempo 1), i.e.
 * γ·c / (γ·c + δ) with c the population's cooperation (1 − grievance). The loss hazard is calibrated at this intelligence: a run's
 * hazard is scaled by intelligence / this reference, so a run that keeps the baseline's tempo
 * starts exactly where the model stood before intelligence was a state. Deterministic; computed
 * once per inputs object (an ensemble shares it).
 *
 * Cost: O(areas) once per inputs.
 *
 * @example
 * startingIntelligence(inputs)[0]; // 0.534 (western Anbar, baseline-2020 inputs)
 */
export function startingIntelligence(inputs: ModelInputs): Float64Array {
  const cached = referenceCache.get(inputs);
  if (cached !== undefined) return cached;
  const count = inputs.areas.count;
  const baselineInputs: ModelInputs = {
    ...inputs,
    months: 1,
    factors: Object.fromEntries(
      Object.entries(inputs.baselineAtStart).map(([id, value]) => [id, Float64Array.of(value)]),
    ) as ModelInputs['factors'],
  };
  // With intelligence equal to its reference the conditions are those of the model without it.
  const ones = new Float64Array(count).fill(1);
  const conditions = createAreaConditions(count);
  computeAreaConditionsInto(conditions, baselineInputs, 0, {
    iraqiForceQuality: inputs.initialState?.iraqiForceQuality ?? 1,
    detainees: new Float64Array(count),
    campEscaped: new Float64Array(count),
    intelligence: ones,
    intelligenceReference: ones,
  });
  const p = inputs.parameters;
  const result = new Float64Array(count);
  for (let a = 0; a < count; a++) {
    const growth = p.intelligenceGrowthRate * (conditions.cooperation[a] as number);
    result[a] = growth + p.intelligenceDecayRate > 0 ? growth / (growth + p.intelligenceDecayRate) : 0;
  }
  referenceCache.set(inputs, result);
  return result;
}

const referenceCache = new WeakMap<ModelInputs, Float64Array>();

/**
 * End of a month: each area's intelligence I grows with operations tempo τ (raids, screening,
 * time spent working an area) and the population's cooperation c, and decays without them:
 * I ← I + γ·τ·c·(1 − I) − δ·I (γ = `intelligenceGrowthRate`, δ = `intelligenceDecayRate`).
 * Force levels act through coverage on the hazard directly, not through intelligence, so that
 * a change of force levels is not counted twice.
 * Sustained pressure compounds (intelligence, and with it the targeted hazard, keeps rising for
 * months), while pressure that raises grievance (collateral, see `computeAreaConditionsInto`)
 * lowers cooperation and starves it. After Kress & Szechtman (2009), "Why defeating insurgencies
 * is hard: the effect of intelligence in counterinsurgency operations", Operations Research
 * 57(3): 578–585, where attrition of insurgents is targeted in proportion to intelligence and
 * intelligence comes from the population. Deterministic; mutates `state.intelligence`.
 *
 * Cost: O(areas).
 *
 * @example
 * stepIntelligence(state, conditions, inputs, 0); // state.intelligence moves towards its equilibrium
 */
export function stepIntelligence(state: ModelState, conditions: AreaConditions, inputs: ModelInputs, month: number): void {
  const p = inputs.parameters;
  const intelligence = state.intelligence;
  for (let a = 0; a < inputs.areas.count; a++) {
    const current = intelligence[a] as number;
    const growth = p.intelligenceGrowthRate * operationsTempo(inputs, a, month) * (conditions.cooperation[a] as number);
    intelligence[a] = Math.min(1, Math.max(0, current + growth * (1 - current) - p.intelligenceDecayRate * current));
  }
}
