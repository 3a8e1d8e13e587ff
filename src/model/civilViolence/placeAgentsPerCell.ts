import type { RandomSource } from '../../rng/randomSource.js';
import type { CivilViolenceState } from './state.js';
import { rebuildVisionCountsInPlace } from './visionCounts.js';

/**
 * Places agents as Mesa 3.3.1's Epstein example does, in place: each cell independently holds a
 * citizen with probability `citizenDensity`, a cop with probability `copDensity`, or nobody
 * (Mesa's `random.choices([Citizen, Cop, None], cum_weights=[c, c + k, 1])` per cell), so the
 * numbers of citizens and cops vary from seed to seed (about 1120 ± 18 and 118 ± 10 at Mesa's
 * defaults); then H ~ U(0, 1) and R ~ U(0, 1) per citizen. Sets `state.citizens`, `state.cops`
 * and `state.agents` (citizens are numbered first, in cell order, then cops). Everyone starts
 * quiescent and free. Cell kinds come from `placement`, traits from `traits`.
 *
 * Cost: O(cells) plus rebuilding the vision counts. Reference: projectmesa/mesa v3.3.1,
 * mesa/examples/advanced/epstein_civil_violence/model.py (`EpsteinCivilViolence.__init__`).
 *
 * @example
 * placeAgentsPerCellInPlace(state, 0.7, 0.074, createRunStream(1, 0, 'placement'), createRunStream(1, 0, 'traits'));
 * state.citizens; // about 1120 on a 40 × 40 grid (a Binomial(1600, 0.7) draw)
 */
export function placeAgentsPerCellInPlace(
  state: CivilViolenceState,
  citizenDensity: number,
  copDensity: number,
  placement: RandomSource,
  traits: RandomSource,
): void {
  const { cells, grid, position, hardship, riskAversion } = state;
  const kind = new Uint8Array(cells); // 0 nobody, 1 citizen, 2 cop
  let citizens = 0;
  let cops = 0;
  for (let cell = 0; cell < cells; cell++) {
    const u = placement();
    if (u < citizenDensity) {
      kind[cell] = 1;
      citizens++;
    } else if (u < citizenDensity + copDensity) {
      kind[cell] = 2;
      cops++;
    }
  }
  state.citizens = citizens;
  state.cops = cops;
  state.agents = citizens + cops;
  grid.fill(-1);
  position.fill(-1);
  let nextCitizen = 0;
  let nextCop = citizens;
  for (let cell = 0; cell < cells; cell++) {
    if (kind[cell] === 0) continue;
    const id = kind[cell] === 1 ? nextCitizen++ : nextCop++;
    grid[cell] = id;
    position[id] = cell;
  }
  for (let i = 0; i < citizens; i++) {
    hardship[i] = traits();
    riskAversion[i] = traits();
  }
  state.active.fill(0);
  state.jailed.fill(0);
  state.jailTerm.fill(0);
  state.activeCount = 0;
  state.jailedCount = 0;
  rebuildVisionCountsInPlace(state);
  state.placed = true;
}
