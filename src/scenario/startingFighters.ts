import type { InitialStateOverride } from '../model/inputs.js';

/** The name of the random stream a run's starting strength (`initialState.fightersRange`) is drawn from. */
export const STARTING_FIGHTERS_STREAM = 'startingFighters';

/**
 * The start of one run whose strength estimate is a range: the total is drawn log-uniformly
 * from [low, high], total = low · (high / low)^u, and the start's fighters are scaled to it,
 * area by area (each rounded to whole fighters) when the scenario gives them per area, as a
 * total split like the default start otherwise. Log-uniform because a strength estimate's range
 * is a range of ratios (5,000–12,000 is "about ×0.6 to ×1.5 of 8,000"), as for the observation
 * models' scales; a uniform draw would put most runs in the upper half of a wide range.
 * `u` is one uniform of its own stream ({@link STARTING_FIGHTERS_STREAM}), so that two arms of
 * a comparison start run i with the same strength (common random numbers). Pure.
 *
 * Cost: O(areas).
 *
 * @example
 * drawStartingFighters({ totalFighters: 8000 }, [5000, 12000], 0.5); // { totalFighters: 7746 }
 * drawStartingFighters({}, [5000, 12000], 0);                         // { totalFighters: 5000 }
 */
export function drawStartingFighters(override: InitialStateOverride | undefined, range: readonly [number, number], u: number): InitialStateOverride {
  const [low, high] = range;
  const total = low * Math.pow(high / low, u);
  const start = override ?? {};
  const byArea = start.fightersByArea;
  if (byArea) {
    const nominal = byArea.reduce((sum, count) => sum + count, 0);
    const scale = nominal > 0 ? total / nominal : 0;
    return { ...start, fightersByArea: byArea.map((count) => Math.round(count * scale)) };
  }
  return { ...start, totalFighters: Math.round(total) };
}
