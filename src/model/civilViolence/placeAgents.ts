import type { RandomSource } from '../../rng/randomSource.js';
import type { CivilViolenceState } from './state.js';
import { rebuildVisionCountsInPlace } from './visionCounts.js';

/**
 * Places every agent on a distinct uniformly random cell and draws each citizen's traits, in
 * place: a partial Fisher–Yates shuffle of the cells (the first `citizens` cells get citizens,
 * the next `cops` get cops), then H ~ U(0, 1) and R ~ U(0, 1) per citizen (Epstein 2002, Model I).
 * Everyone starts quiescent and free, as in Mesa and NetLogo. Placement and traits use separate
 * streams, so changing the grid never changes who is aggrieved.
 *
 * Cost: O(cells + agents) plus rebuilding the vision counts.
 *
 * @example
 * placeAgentsInPlace(state, createRunStream(1, 0, 'placement'), createRunStream(1, 0, 'traits'));
 * state.placed; // true
 */
export function placeAgentsInPlace(state: CivilViolenceState, placement: RandomSource, traits: RandomSource): void {
  const { cells, agents, citizens, grid, position, hardship, riskAversion } = state;
  const shuffled = new Int32Array(cells);
  for (let i = 0; i < cells; i++) shuffled[i] = i;
  for (let i = 0; i < agents; i++) {
    const j = i + Math.floor(placement() * (cells - i));
    const cell = shuffled[j] as number;
    shuffled[j] = shuffled[i] as number;
    shuffled[i] = cell;
    grid[cell] = i;
    position[i] = cell;
  }
  for (let i = 0; i < citizens; i++) {
    hardship[i] = traits();
    riskAversion[i] = traits();
  }
  state.active.fill(0);
  state.jailTerm.fill(0);
  state.activeCount = 0;
  state.jailedCount = 0;
  rebuildVisionCountsInPlace(state);
  state.placed = true;
}
