import { describe, expect, it } from 'vitest';
import { createRunStream } from '../../../src/rng/createRunStream.js';
import {
  civilViolenceInputs,
  createCivilViolenceState,
  EMPTY_CELL,
  pickEmptyCell,
  pickEmptyInVision,
  type CivilViolenceState,
  type VisionShape,
} from '../../../src/model/civilViolence/index.js';

/**
 * Pearson's chi-square statistic of counts against a uniform expectation, and a critical value
 * at about the 99.9% level from the Wilson–Hilferty approximation of the chi-square quantile
 * (z = 3.09), so a correct sampler fails about once in a thousand seeds (the seed is fixed).
 */
function chiSquare(counts: readonly number[]): { statistic: number; critical: number } {
  const total = counts.reduce((s, c) => s + c, 0);
  const expected = total / counts.length;
  const statistic = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
  const df = counts.length - 1;
  const critical = df * (1 - 2 / (9 * df) + 3.09 * Math.sqrt(2 / (9 * df))) ** 3;
  return { statistic, critical };
}

/** A state whose grid has exactly the given empty cells among those cell `centre` sees (the rest full). */
function gridWithEmpties(shape: VisionShape, emptyShare: number, seed: number): { state: CivilViolenceState; centre: number; empties: number[] } {
  const state = createCivilViolenceState(civilViolenceInputs({ visionShape: shape }));
  state.grid.fill(0); // every cell occupied (by agent 0: only emptiness matters here)
  const centre = 20 * 40 + 20;
  const random = createRunStream(seed, 0, 'grid');
  const empties: number[] = [];
  for (let k = 0; k < state.seen; k++) {
    const cell = state.neighbours[centre * state.seen + k] as number;
    if (random() < emptyShare) {
      state.grid[cell] = EMPTY_CELL;
      empties.push(cell);
    }
  }
  return { state, centre, empties };
}

describe('pickEmptyInVision', () => {
  for (const shape of ['vonNeumann', 'moore', 'euclidean'] as const) {
    for (const emptyShare of [0.5, 0.2, 0.04]) {
      it(`pickEmptyInVision is uniform over the empty cells in vision (${shape}, ${emptyShare * 100}% empty, chi-square)`, () => {
        const { state, centre, empties } = gridWithEmpties(shape, emptyShare, 17);
        expect(empties.length).toBeGreaterThan(1);
        const index = new Map(empties.map((cell, i) => [cell, i]));
        const counts = new Array(empties.length).fill(0);
        const random = createRunStream(2002, 0, `pick/${shape}/${emptyShare}`);
        const picks = 400 * empties.length;
        let wrong = 0;
        for (let i = 0; i < picks; i++) {
          const at = index.get(pickEmptyInVision(state, centre, random));
          if (at === undefined) wrong++;
          else counts[at]++;
        }
        expect(wrong).toBe(0); // only empty cells in vision are ever picked
        const { statistic, critical } = chiSquare(counts);
        expect(statistic).toBeLessThan(critical);
      });
    }
  }

  it('pickEmptyInVision returns −1 when every cell in vision is full', () => {
    const { state, centre } = gridWithEmpties('vonNeumann', 0, 1);
    expect(pickEmptyInVision(state, centre, createRunStream(1, 0, 'full'))).toBe(-1);
  });
});

describe('pickEmptyCell', () => {
  it('pickEmptyCell is uniform over the empty cells of the grid, including when they are few (the scan fallback)', () => {
    for (const emptyCells of [400, 6]) {
      const grid = new Int32Array(1600).fill(0);
      const random = createRunStream(3, 0, `cells/${emptyCells}`);
      const empties: number[] = [];
      while (empties.length < emptyCells) {
        const cell = Math.floor(random() * 1600);
        if (grid[cell] === 0) {
          grid[cell] = EMPTY_CELL;
          empties.push(cell);
        }
      }
      const index = new Map(empties.map((cell, i) => [cell, i]));
      const counts = new Array(empties.length).fill(0);
      for (let i = 0; i < 200 * emptyCells; i++) counts[index.get(pickEmptyCell(grid, random)) as number]++;
      const { statistic, critical } = chiSquare(counts);
      expect(statistic).toBeLessThan(critical);
    }
    expect(pickEmptyCell(new Int32Array(9).fill(0), createRunStream(1, 0, 'x'))).toBe(-1);
  });
});
