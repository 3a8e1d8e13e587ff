import type { CivilViolenceState } from './state.js';

/**
 * Rule C's choice of arrestee, shared by both activation modes: the cell of a uniformly random
 * active citizen in vision of `cell`, or −1 when none is in vision. `uniform` (one draw from the
 * 'arrests' stream, in [0, 1)) is taken only when there is someone to arrest, so the stream
 * advances exactly as Epstein's rule reads. With `incremental`, the count of actives in vision
 * comes from `state.activesInVision` (kept by `shiftVisionCountInPlace`); otherwise the neighbourhood
 * is scanned. The caller jails the citizen at the returned cell, as its mode says.
 *
 * Cost: O(seen).
 *
 * @example
 * const target = arrestTarget(state, cell, true, arrestRandom);
 * if (target >= 0) { const citizen = state.grid[target]; … }
 */
export function arrestTarget(state: CivilViolenceState, cell: number, incremental: boolean, uniform: () => number): number {
  const { citizens, seen, neighbours, grid, active, activesInVision } = state;
  const base = cell * seen;
  let count: number;
  if (incremental) count = activesInVision[cell] as number;
  else {
    count = 0;
    for (let k = 0; k < seen; k++) {
      const other = grid[neighbours[base + k] as number] as number;
      if (other >= 0 && other < citizens && active[other] === 1) count++;
    }
  }
  if (count === 0) return -1;
  let j = Math.floor(uniform() * count);
  for (let k = 0; k < seen; k++) {
    const target = neighbours[base + k] as number;
    const other = grid[target] as number;
    if (other >= 0 && other < citizens && active[other] === 1 && j-- === 0) return target;
  }
  return -1;
}
