import type { RandomSource } from '../../rng/randomSource.js';
import { EMPTY_CELL, type CivilViolenceState } from './state.js';

/** Tries of uniform picks before a move falls back to an exact scan of the empty cells in vision. */
const MOVE_TRIES = 16;
/** Tries of uniform picks over the whole grid before a release falls back to a scan. */
const RELEASE_TRIES = 64;
/** 2^32: a uniform in [0, 1) times this, floored, is a uniform 32-bit integer. */
const TWO_TO_32 = 4294967296;

/**
 * A uniformly random empty cell among those `cell` sees, or −1 if there is none. Rejection
 * sampling (pick a random neighbour, accept it if empty) for up to MOVE_TRIES picks, then an
 * exact scan and one more draw. The result is exactly uniform over the empty cells in vision, as
 * Mesa's `random.choice(empty_neighbors)`: each empty cell is hit with probability
 * (1/E)(1 − (1 − E/m)^tries) by the tries plus (1 − E/m)^tries / E by the fallback, i.e. 1/E.
 * Expected cost O(m / E) instead of O(m).
 *
 * Each draw is used as four bytes when m ≤ 256 (the draw times 2^32, floored, is a uniform
 * 32-bit integer for any source with at least 32 bits of precision, such as Alea): a byte b is a
 * pick of neighbour b mod m when b < 256 − (256 mod m), and is discarded otherwise, so every pick
 * is exactly uniform on the m neighbours while a move costs about a third of the draws.
 *
 * @example
 * pickEmptyInVision(state, cell, createRunStream(1, 0, 'movement')); // an empty cell that `cell` sees, or −1
 */
export function pickEmptyInVision(state: CivilViolenceState, cell: number, random: RandomSource): number {
  const { grid, neighbours, seen, byteOffsetX, byteOffsetY, wrapX, wrapRow } = state;
  const base = cell * seen;
  const x = state.cellX[cell] as number;
  const y = state.cellY[cell] as number;
  if (seen <= 256) {
    let tries = 0;
    while (tries < MOVE_TRIES) {
      let bits = (random() * TWO_TO_32) >>> 0;
      for (let b = 0; b < 4; b++) {
        const byte = bits & 255;
        bits >>>= 8;
        const ox = byteOffsetX[byte] as number;
        if (ox < 0) continue;
        // The same cell as neighbours[base + byte mod seen], from small tables that stay in cache.
        const target = (wrapRow[y + (byteOffsetY[byte] as number)] as number) + (wrapX[x + ox] as number);
        if (grid[target] === EMPTY_CELL) return target;
        tries++;
      }
    }
  } else {
    for (let t = 0; t < MOVE_TRIES; t++) {
      const target = neighbours[base + Math.floor(random() * seen)] as number;
      if (grid[target] === EMPTY_CELL) return target;
    }
  }
  let empty = 0;
  for (let k = 0; k < seen; k++) if (grid[neighbours[base + k] as number] === EMPTY_CELL) empty++;
  if (empty === 0) return -1;
  let j = Math.floor(random() * empty);
  for (let k = 0; k < seen; k++) {
    const target = neighbours[base + k] as number;
    if (grid[target] === EMPTY_CELL && j-- === 0) return target;
  }
  return -1;
}

/**
 * A uniformly random empty cell of the whole grid (the same rejection-then-scan scheme), or −1 if
 * the grid is full: where a released citizen reappears.
 *
 * @example
 * pickEmptyCell(state.grid, createRunStream(1, 0, 'release')); // some cell c with state.grid[c] === EMPTY_CELL
 */
export function pickEmptyCell(grid: Int32Array, random: RandomSource): number {
  const cells = grid.length;
  for (let t = 0; t < RELEASE_TRIES; t++) {
    const target = Math.floor(random() * cells);
    if (grid[target] === EMPTY_CELL) return target;
  }
  let empty = 0;
  for (let c = 0; c < cells; c++) if (grid[c] === EMPTY_CELL) empty++;
  if (empty === 0) return -1;
  let j = Math.floor(random() * empty);
  for (let c = 0; c < cells; c++) if (grid[c] === EMPTY_CELL && j-- === 0) return c;
  return -1;
}
