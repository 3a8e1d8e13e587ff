import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';
import { addCell } from '../state.js';

/**
 * Keep cells clandestine and the arrays dense: a cell above twice the cell size splits in two
 * (the new half keeps half the cash), and cells with no fighters left are removed, keeping the
 * order of the others (order matters: it fixes which draw each cell gets). Mutates cells.
 */
export function stepSplitAndCompact(state: ModelState, inputs: ModelInputs): void {
  const cellSize = Math.max(1, Math.round(inputs.parameters.fightersPerCell));
  const before = state.cellCount;
  for (let c = 0; c < before; c++) {
    let fighters = state.cellFighters[c] as number;
    while (fighters > 2 * cellSize) {
      const cash = (state.cellCash[c] as number) / 2;
      state.cellCash[c] = cash;
      addCell(state, state.cellArea[c] as number, cellSize, cash);
      fighters -= cellSize;
    }
    state.cellFighters[c] = fighters;
  }
  let kept = 0;
  for (let c = 0; c < state.cellCount; c++) {
    if ((state.cellFighters[c] as number) === 0) {
      state.reserves += state.cellCash[c] as number; // a dead cell's cash goes back to the centre
      continue;
    }
    if (kept !== c) {
      state.cellArea[kept] = state.cellArea[c] as number;
      state.cellFighters[kept] = state.cellFighters[c] as number;
      state.cellCash[kept] = state.cellCash[c] as number;
      state.cellHiding[kept] = state.cellHiding[c] as number;
    }
    kept++;
  }
  state.cellCount = kept;
}

/**
 * Refreshes `state.areaFighters` from the cells; returns the total. Mutates that column.
 *
 * Cost: O(cells + areas), about 2 ns a cell. Cells of one area mostly sit next to each other
 * (the start lays them out area by area, splits append in that order, moves are rare), so the
 * fighters of a run of same-area cells are summed in an integer local and added to the area's
 * slot when the area changes, instead of a load-add-store through the same slot for every cell
 * (a store-to-load chain that took twice as long). The sums are whole numbers far below 2^31,
 * so they are exact in any grouping.
 *
 * @example
 * countFightersByArea(createInitialState(inputs)); // 14000 (inputs: the baseline-2020 scenario's)
 */
export function countFightersByArea(state: ModelState): number {
  const areaFighters = state.areaFighters;
  const cellArea = state.cellArea;
  const cellFighters = state.cellFighters;
  const cellCount = state.cellCount;
  areaFighters.fill(0);
  let total = 0;
  let runArea = -1;
  let runFighters = 0;
  for (let c = 0; c < cellCount; c++) {
    const area = cellArea[c] as number;
    if (area !== runArea) {
      if (runArea >= 0) areaFighters[runArea] = (areaFighters[runArea] as number) + runFighters;
      total += runFighters;
      runArea = area;
      runFighters = 0;
    }
    runFighters = (runFighters + (cellFighters[c] as number)) | 0;
  }
  if (runArea >= 0) areaFighters[runArea] = (areaFighters[runArea] as number) + runFighters;
  return total + runFighters;
}
