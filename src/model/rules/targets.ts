import { ACTORS } from '../areas.js';
import type { ModelInputs } from '../inputs.js';

/**
 * The most attacks a month each area offers: `targetCapacity` per 1,000 targets in contact,
 * counted as the security personnel at their posts (all actors, as mapped) and one per 100
 * residents (officials, notables, infrastructure), times 1 + 0.1 × the area's main-road score
 * (traffic and checkpoints on the roads; multiplicative so that scaling every population keeps
 * the capacity per inhabitant, see `scaleModelInputs`). Attacks saturate towards it (see `stepAttacks`): cells that crowd into an empty
 * desert find little to attack. Deterministic; computed once per inputs object.
 *
 * Cost: O(areas × actors) once per inputs.
 *
 * @example
 * areaTargetCapacity(inputs)[0]; // 730.06 (western Anbar, baseline-2020 inputs, targetCapacity 10)
 */
export function areaTargetCapacity(inputs: ModelInputs): Float64Array {
  const cached = capacityCache.get(inputs);
  if (cached !== undefined) return cached;
  const { areas, parameters: p } = inputs;
  const result = new Float64Array(areas.count);
  for (let a = 0; a < areas.count; a++) {
    let personnel = 0;
    for (const actor of ACTORS) personnel += areas.security[actor][a] as number;
    const targets = (personnel + (areas.population[a] as number) / 100) * (1 + 0.1 * (areas.mainRoads[a] as number));
    result[a] = (p.targetCapacity * targets) / 1000;
  }
  capacityCache.set(inputs, result);
  return result;
}

const capacityCache = new WeakMap<ModelInputs, Float64Array>();

/**
 * The share of `wanted` attacks that an area with `capacity` lets happen: 1 / (1 + wanted /
 * capacity), a Holling type II saturation (Holling 1959, Canadian Entomologist 91), so that
 * attacks approach the capacity as cells multiply. Pure.
 *
 * @example
 * targetLimit(50, 250); // 0.833
 */
export function targetLimit(wanted: number, capacity: number): number {
  return capacity > 0 ? 1 / (1 + wanted / capacity) : 0;
}
