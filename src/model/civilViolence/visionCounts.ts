import type { CivilViolenceState } from './state.js';

/**
 * Adds `delta` to `field` on every cell that sees `cell`, in place. Vision is symmetric (every
 * shape in {@link VisionShape} is symmetric under (dx, dy) → (−dx, −dy)), so the cells that see
 * `cell` are exactly the cells `cell` sees. This is the incremental update behind O(1) vision
 * counts: a cop that moves costs 2·seen additions, an active citizen that moves, turns or is
 * arrested costs seen or 2·seen, and every citizen then reads C and A in O(1) instead of scanning
 * `seen` cells (a 2-D summed-area table would make reads O(1) too, but Epstein's activation is
 * asynchronous, so every move would invalidate it; per-cell window counts stay exact after each
 * move).
 *
 * Every shape is a stack of centred row runs (x − h … x + h on row y + dy), so the update walks
 * 2v + 1 contiguous runs of the row-major field (two where a run wraps around the torus) and
 * then takes `delta` back from the centre, which does not see itself.
 *
 * Cost: O(seen), as contiguous increments.
 *
 * @example
 * shiftVisionCountInPlace(state, state.copsInVision, cell, +1); // a cop arrived at cell
 */
export function shiftVisionCountInPlace(state: CivilViolenceState, field: Int32Array, cell: number, delta: number): void {
  const { width, vision, rowHalfWidth, wrapRow } = state;
  const x = state.cellX[cell] as number;
  const y = state.cellY[cell] as number;
  const rows = 2 * vision + 1;
  for (let r = 0; r < rows; r++) {
    const h = rowHalfWidth[r] as number;
    const row = wrapRow[y + r] as number;
    const from = x - h;
    const to = x + h;
    if (from >= 0 && to < width) {
      for (let i = row + from; i <= row + to; i++) field[i] = (field[i] as number) + delta;
    } else if (from < 0) {
      for (let i = row + from + width; i < row + width; i++) field[i] = (field[i] as number) + delta;
      for (let i = row; i <= row + to; i++) field[i] = (field[i] as number) + delta;
    } else {
      for (let i = row + from; i < row + width; i++) field[i] = (field[i] as number) + delta;
      for (let i = row; i <= row + to - width; i++) field[i] = (field[i] as number) + delta;
    }
  }
  field[cell] = (field[cell] as number) - delta;
}

/**
 * Cops and active citizens in the vision of `cell` (its own cell excluded), by a brute-force scan
 * of the neighbourhood: the reference that the incremental counts must equal, and what Mesa and
 * NetLogo compute at every activation.
 *
 * Cost: O(seen).
 *
 * @example
 * placeAgentsInPlace(state, createRunStream(1, 0, 'placement'), createRunStream(1, 0, 'traits'));
 * scanVisionCounts(state, 0); // { cops: 6, actives: 0 } (default inputs: nobody is active before the first tick)
 */
export function scanVisionCounts(state: CivilViolenceState, cell: number): { cops: number; actives: number } {
  const { neighbours, seen, grid, citizens, active } = state;
  let cops = 0;
  let actives = 0;
  const base = cell * seen;
  for (let k = 0; k < seen; k++) {
    const agent = grid[neighbours[base + k] as number] as number;
    if (agent >= citizens) cops++;
    else if (agent >= 0 && active[agent] === 1) actives++;
  }
  return { cops, actives };
}

/**
 * Recomputes both per-cell vision counts from the grid, in place: zero them, then add each cop
 * and each active citizen to every cell that sees it.
 *
 * Cost: O((cops + actives) · seen).
 *
 * @example
 * rebuildVisionCountsInPlace(state); // state.copsInVision[c] === scanVisionCounts(state, c).cops for every c
 */
export function rebuildVisionCountsInPlace(state: CivilViolenceState): void {
  const { copsInVision, activesInVision, position, citizens, agents, active } = state;
  copsInVision.fill(0);
  activesInVision.fill(0);
  for (let agent = 0; agent < agents; agent++) {
    const cell = position[agent] as number;
    if (cell < 0) continue;
    if (agent >= citizens) shiftVisionCountInPlace(state, copsInVision, cell, 1);
    else if (active[agent] === 1) shiftVisionCountInPlace(state, activesInVision, cell, 1);
  }
}
