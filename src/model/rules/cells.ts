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

/** Refreshes `state.areaFighters` from the cells; returns the total. Mutates that column. */
export function countFightersByArea(state: ModelState): number {
  state.areaFighters.fill(0);
  let total = 0;
  for (let c = 0; c < state.cellCount; c++) {
    const fighters = state.cellFighters[c] as number;
    const area = state.cellArea[c] as number;
    state.areaFighters[area] = (state.areaFighters[area] as number) + fighters;
    total += fighters;
  }
  return total;
}
