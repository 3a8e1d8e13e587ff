import { describe, expect, it } from 'vitest';
import { morrisDesign } from '../../../src/experiment/designs/index.js';
import type { SensitivityProblem } from '../../../src/experiment/designs/index.js';
import { createRunStream } from '../../../src/rng/index.js';

const problem: SensitivityProblem = { names: ['a', 'b', 'c', 'd'], bounds: [[0, 1], [0, 10], [-1, 1], [5, 6]] };

describe('morrisDesign', () => {
  it('morrisDesign trajectories move every input exactly once, by ±Δ = p/(2(p − 1)), on the p-level grid', () => {
    for (const levels of [2, 4, 6]) {
      const design = morrisDesign(problem, 30, { levels }, createRunStream(1, levels, 'morris'));
      const d = 4;
      expect(design.delta).toBeCloseTo(levels / (2 * (levels - 1)), 15);
      expect(design.unit).toHaveLength(30 * (d + 1));
      for (const row of design.unit) {
        for (const x of row) {
          const k = x * (levels - 1);
          expect(Math.abs(k - Math.round(k))).toBeLessThan(1e-12);
          expect(x >= 0 && x <= 1).toBe(true);
        }
      }
      for (let t = 0; t < 30; t++) {
        const moved: number[] = [];
        for (let s = 0; s < d; s++) {
          const before = design.unit[t * (d + 1) + s] as number[];
          const after = design.unit[t * (d + 1) + s + 1] as number[];
          const changed = before.map((x, j) => (x !== after[j] ? j : -1)).filter((j) => j >= 0);
          expect(changed).toHaveLength(1);
          const j = changed[0] as number;
          expect(Math.abs(Math.abs((after[j] as number) - (before[j] as number)) - design.delta)).toBeLessThan(1e-12);
          moved.push(j);
        }
        expect(moved.sort()).toEqual([0, 1, 2, 3]);
      }
    }
  });

  it('morrisDesign samples are the unit points on the problem scale', () => {
    const design = morrisDesign(problem, 5, {}, createRunStream(3, 0, 'morris'));
    design.samples.forEach((row, i) => {
      row.forEach((x, j) => {
        const [lo, hi] = problem.bounds[j] as [number, number];
        expect(x).toBeCloseTo(lo + ((design.unit[i] as number[])[j] as number) * (hi - lo), 12);
      });
    });
  });

  it('morrisDesign visits the p levels equally often (start points uniform, directions balanced)', () => {
    // With p = 4 each level holds 1/4 of all coordinates in expectation. Coordinates within a
    // trajectory are dependent, so the tolerance uses the trajectory count: 5 binomial sd of
    // r·D coordinates, inflated ×√(D+1) for the D+1 correlated points of a trajectory.
    const r = 2000;
    const design = morrisDesign(problem, r, { levels: 4 }, createRunStream(9, 0, 'morris'));
    const counts = [0, 0, 0, 0];
    for (const row of design.unit) for (const x of row) counts[Math.round(x * 3)]! += 1;
    const total = design.unit.length * 4;
    const tolerance = 5 * Math.sqrt((0.25 * 0.75) / (r * 4)) * Math.sqrt(5);
    for (const count of counts) expect(Math.abs(count / total - 0.25)).toBeLessThan(tolerance);
  });

  it('morrisDesign is reproducible and rejects bad arguments', () => {
    const a = morrisDesign(problem, 4, {}, createRunStream(1, 0, 'morris'));
    expect(morrisDesign(problem, 4, {}, createRunStream(1, 0, 'morris'))).toEqual(a);
    expect(() => morrisDesign(problem, 1, {}, createRunStream(1, 0, 'morris'))).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid trajectories: 1 (expected an integer ≥ 2)]`);
    expect(() => morrisDesign(problem, 4, { levels: 5 }, createRunStream(1, 0, 'morris'))).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid levels: 5 (expected an even integer ≥ 2, so that Δ = p/(2(p − 1)) lands on the grid)]`);
  });
});
