import { ACTORS, type Actor, type AreaTable } from '../model/areas.js';
import type { FactorId } from '../model/factors.js';
import type { ModelInputs } from '../model/inputs.js';
import type { ParameterValues } from '../model/parameters.js';

// Factors that count people or money (multiplied by the scale). The others are shares, indices
// or US postures, whose effect enters as ratios to fixed references and stays as it is.
const SCALED_FACTORS = ['detaineesHeld', 'campPopulation', 'warChest', 'extortionIncome'] as const satisfies readonly FactorId[];

/**
 * The resurgence model's inputs with every population multiplied by `scale`, and everything
 * else arranged so that, per inhabitant, nothing changes: initial fighters, area populations
 * (hence mobilisable pools), the personnel of every security actor (also what a scheduled
 * `control` event gives it), the desert personnel
 * standard (so coverage is unchanged), detainees, camp residents, war chest and income (also in
 * `baselineAtStart`, so the income per fighter is unchanged), and the fighters an area needs to
 * count as operating or held. The cell size (`fightersPerCell`) is kept, so the number of cells
 * grows with the scale: that is what lets fluctuations average out (law of large numbers), and
 * the meaning of a mean-field limit (Kurtz 1970, J. Appl. Prob. 7, 49–58).
 *
 * Not scale-free, by construction of the model: breakouts and camp escapes use "per 1,000
 * nearby fighters". `breakoutRate` is divided by the scale to compensate; the camps' factor
 * 1 + fighters/1000 has no parameter that can absorb it, so with camp escapes switched on the
 * scaled model is a different model (camps leak faster). See `meanField` for what that means.
 *
 * Pure: returns new inputs and shares nothing mutable with `inputs`.
 *
 * @example
 * const big = scaleModelInputs(inputs, 4);
 * big.parameters.initialFighters; // 56000 when inputs had 14000
 */
export function scaleModelInputs(inputs: ModelInputs, scale: number): ModelInputs {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`invalid scale: ${scale} (expected a number > 0)`);
  const p = inputs.parameters;
  const parameters: ParameterValues = {
    ...p,
    initialFighters: p.initialFighters * scale,
    desertPersonnelPerKm2: p.desertPersonnelPerKm2 * scale,
    operatingMinFighters: p.operatingMinFighters * scale,
    holdMinFighters: p.holdMinFighters * scale,
    breakoutRate: p.breakoutRate / scale,
  };
  const factors = { ...inputs.factors } as Record<FactorId, Float64Array>;
  const baselineAtStart = { ...inputs.baselineAtStart } as Record<FactorId, number>;
  for (const id of SCALED_FACTORS) {
    factors[id] = inputs.factors[id].map((value) => value * scale);
    baselineAtStart[id] = inputs.baselineAtStart[id] * scale;
  }
  const security = Object.fromEntries(ACTORS.map((actor) => [actor, inputs.areas.security[actor].map((value) => value * scale)])) as Record<
    Actor,
    Float64Array
  >;
  const areas: AreaTable = { ...inputs.areas, population: inputs.areas.population.map((value) => value * scale), security };
  // The personnel a scheduled control event gives an actor is personnel too (NaN, "as mapped", stays NaN).
  const held = inputs.events?.forcePersonnel;
  const events =
    inputs.events && held
      ? {
          ...inputs.events,
          forcePersonnel: Object.fromEntries(Object.entries(held).map(([actor, series]) => [actor, series.map((value) => value * scale)])) as Partial<
            Record<Actor, Float64Array>
          >,
        }
      : inputs.events;
  return { ...inputs, parameters, factors, baselineAtStart, areas, ...(events === undefined ? {} : { events }) };
}
