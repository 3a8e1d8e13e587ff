import type { RandomSource } from '../../rng/randomSource.js';
import type { ModelInputs } from '../inputs.js';
import { addCell, type ModelState } from '../state.js';

/**
 * The scheduled events of `month` that change the population: prison breaks at named sites
 * (between `low` and `high` detainees freed, uniform, at most those still held there;
 * `rejoinShare` of them, rounded, form new cells there) and foreign-fighter influxes (new
 * cells in the named area). One uniform per scheduled break whatever happens, from the run's
 * `events` stream, so common random numbers stay aligned. Without `inputs.events` it does
 * nothing. Mutates detainees and cells; returns { freed, joined }.
 *
 * Cost: O(events) per month, plus the cells added.
 *
 * @example
 * // a scenario scheduling { month: 3, kind: 'prisonBreak', site: 'SY-HAS', freed: [500, 1500] }
 * applyScheduledEvents(state, inputs, 3, createRunStream(1, 0, 'events')); // { freed: 1170, joined: 702 } (baseline-2020 plus that break, from the initial state)
 */
export function applyScheduledEvents(
  state: ModelState,
  inputs: ModelInputs,
  month: number,
  random: RandomSource,
): { freed: number; joined: number } {
  const events = inputs.events;
  if (events === undefined) return { freed: 0, joined: 0 };
  const p = inputs.parameters;
  const cellSize = Math.max(1, Math.round(p.fightersPerCell));
  let freed = 0;
  let joined = 0;
  for (const event of events.prisonBreaks) {
    if (event.month !== month) continue;
    const u = random();
    const held = state.detainees[event.area] as number;
    const escaped = Math.min(held, Math.round(event.low + u * (event.high - event.low)));
    const rejoined = Math.round(escaped * p.rejoinShare);
    state.detainees[event.area] = held - escaped;
    freed += escaped;
    joined += rejoined;
    for (let remaining = rejoined; remaining > 0; remaining -= cellSize) addCell(state, event.area, Math.min(cellSize, remaining), 0);
  }
  for (const event of events.influxes) {
    if (event.month !== month) continue;
    joined += event.fighters;
    for (let remaining = event.fighters; remaining > 0; remaining -= cellSize) addCell(state, event.area, Math.min(cellSize, remaining), 0);
  }
  return { freed, joined };
}
