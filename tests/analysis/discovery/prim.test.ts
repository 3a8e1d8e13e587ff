import { describe, expect, it } from 'vitest';
import { pastePrimBox, prim, preparePrimData, primDefaults, primDimensionOrder, selectPrimBox, type DimensionLimit, type PrimStep } from '../../../src/analysis/discovery/index.js';
import { createRunStream } from '../../../src/rng/index.js';
import { NAMES, TRUE_BOX, syntheticBox } from './syntheticBox.js';
import { EMA_LATTICE_LABELS, EMA_LATTICE_SIZE, EMA_LATTICE_TRAJECTORY } from './fixtures/emaLattice.js';
import { EMA_TIES_INPUT, EMA_TIES_TRAJECTORY } from './fixtures/emaTies.js';

const interval = (limit: DimensionLimit | undefined) => {
  if (limit?.kind !== 'interval') throw new Error('expected an interval');
  return limit;
};

// Tolerance on a recovered limit. Near the true box (mass 0.16, a 0.4 × 0.4 square in x1, x2)
// one peel removes a share α of the box's rows, which moves a limit by α·0.4 = 0.02: the
// trajectory can stop up to one peel away from the edge. The peel position is an empirical
// quantile of the ≈ 0.16·rows values in the box, whose standard deviation is
// √(α(1 − α)/(0.16·rows))·0.4 (≈ 0.0063 for 3,000 rows); allow 3 of those.
const ROWS = 3000;
const NOISE = 0.02;
const TOLERANCE = primDefaults.peelAlpha * 0.4 + 3 * Math.sqrt((0.05 * 0.95) / (0.16 * ROWS)) * 0.4;

describe('prim', () => {
  it('prim recovers the limits of a known box and restricts only the relevant dimensions', () => {
    // Four seeds of 3,000 rows with 2% label noise. With that noise the true box has coverage
    // 0.16·0.98/(0.16·0.98 + 0.84·0.02) ≈ 0.90 and density 0.98, so we pick (a) prim's own
    // choice with a density target of 0.9 and (b) the densest box with coverage ≥ 0.85.
    for (let seed = 1; seed <= 4; seed++) {
      const { x, y } = syntheticBox(ROWS, NOISE, seed);
      const result = prim({ names: NAMES, x, y }, { threshold: 0.9 });
      const chosen = [result.selected, selectPrimBox(result.trajectory, { minCoverage: 0.85 })];
      for (const index of chosen) {
        expect(index).not.toBeNull();
        const step = result.trajectory[index!]!;
        expect(step.restricted).toEqual(['x1', 'x2']);
        const x1 = interval(step.limits[0]);
        const x2 = interval(step.limits[1]);
        expect(Math.abs(x1.lower - TRUE_BOX.x1[0])).toBeLessThanOrEqual(TOLERANCE);
        expect(Math.abs(x1.upper - TRUE_BOX.x1[1])).toBeLessThanOrEqual(TOLERANCE);
        expect(Math.abs(x2.lower - TRUE_BOX.x2[0])).toBeLessThanOrEqual(TOLERANCE);
        expect(Math.abs(x2.upper - TRUE_BOX.x2[1])).toBeLessThanOrEqual(TOLERANCE);
      }
    }
  });

  it('prim peels with rising density, falling coverage and mass, mass ≥ massMin', () => {
    const { x, y } = syntheticBox(ROWS, 0.05, 9);
    const { trajectory } = prim({ names: NAMES, x, y });
    expect(trajectory.length).toBeGreaterThan(10);
    expect(trajectory[0]).toMatchObject({ phase: 'initial', coverage: 1, mass: 1, restrictedDimensions: 0 });
    for (let i = 1; i < trajectory.length; i++) {
      const [before, after] = [trajectory[i - 1]!, trajectory[i]!];
      expect(after.phase).toBe('peel');
      expect(after.density).toBeGreaterThan(before.density);
      expect(after.coverage).toBeLessThanOrEqual(before.coverage);
      expect(after.mass).toBeLessThan(before.mass);
      expect(after.mass).toBeGreaterThanOrEqual(primDefaults.massMin);
      expect(after.restrictedDimensions).toBe(after.restricted.length);
      // One peel removes floor((n − 1)α) + 1 rows off the bottom or n − 1 − floor((n − 1)(1 − α))
      // off the top (primQuantile on distinct values): within one row of α·n.
      expect(Math.abs(before.count - after.count - primDefaults.peelAlpha * before.count)).toBeLessThanOrEqual(1 + primDefaults.peelAlpha);
      expect(after.coverage).toBeCloseTo(after.positives / y.reduce((s, v) => s + v, 0), 15);
      expect(after.density).toBeCloseTo(after.positives / after.count, 15);
    }
  });

  it('prim is deterministic and does not depend on the order of the rows', () => {
    const { x, y } = syntheticBox(1500, 0.05, 3);
    const first = prim({ names: NAMES, x, y });
    const again = prim({ names: NAMES, x, y });
    expect(again.trajectory).toEqual(first.trajectory);
    // Shuffle rows with a seeded Fisher–Yates.
    const random = createRunStream(3, 0, 'shuffle');
    const order = x.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const shuffled = prim({ names: NAMES, x: order.map((i) => x[i]!), y: order.map((i) => y[i]!) });
    const strip = (steps: readonly PrimStep[]) => steps.map(({ limits, count, positives }) => ({ limits, count, positives }));
    expect(strip(shuffled.trajectory)).toEqual(strip(first.trajectory));
  });

  it('prim finds a categorical and an integer restriction', () => {
    // y = 1 when category ∈ {1, 2} and level ≥ 6 (levels 0 … 9), no noise; a continuous
    // nuisance dimension. The densest box restricts exactly category to {1, 2} and level to [6, 9].
    const random = createRunStream(5, 0, 'prim-kinds');
    const x: number[][] = [];
    const y: boolean[] = [];
    for (let r = 0; r < 4000; r++) {
      const category = Math.floor(random() * 4);
      const level = Math.floor(random() * 10);
      x.push([category, level, random()]);
      y.push((category === 1 || category === 2) && level >= 6);
    }
    const result = prim({ names: ['category', 'level', 'nuisance'], kinds: ['categorical', 'integer', 'continuous'], x, y });
    const best = result.trajectory[selectPrimBox(result.trajectory, { minCoverage: 0.99 })!]!;
    expect(best.density).toBe(1);
    expect(best.coverage).toBe(1);
    expect(best.restricted).toEqual(['category', 'level']);
    expect(best.limits[0]).toEqual({ kind: 'categories', values: [1, 2] });
    expect(best.limits[1]).toEqual({ kind: 'interval', lower: 6, upper: 9 });
    for (const step of result.trajectory) {
      const level = interval(step.limits[1]);
      expect(Number.isInteger(level.lower) && Number.isInteger(level.upper)).toBe(true);
    }
  });

  it('prim with the original objective peels to massMin', () => {
    const { x, y } = syntheticBox(1000, 0.05, 4);
    const { trajectory } = prim({ names: NAMES, x, y }, { objective: 'original', massMin: 0.1 });
    const last = trajectory.at(-1)!;
    expect(last.mass).toBeGreaterThanOrEqual(0.1);
    expect(last.mass * (1 - 0.05)).toBeLessThan(0.1 + 2 / 1000);
  });

  it('prim accepts prepared data and gives the same result', () => {
    const { x, y } = syntheticBox(800, 0.05, 6);
    const data = preparePrimData({ names: NAMES, x, y });
    expect(prim(data).trajectory).toEqual(prim({ names: NAMES, x, y }).trajectory);
  });

  it('prim pins a tiny example', () => {
    const result = prim({ names: ['a'], x: [[0.1], [0.2], [0.3], [0.8], [0.9]], y: [0, 0, 0, 1, 1] }, { peelAlpha: 0.2, massMin: 0.2 });
    expect(result.trajectory.map((s) => s.density)).toEqual([0.4, 0.5, 2 / 3, 1]);
    expect(result.trajectory[3]!.limits).toEqual([{ kind: 'interval', lower: 0.55, upper: 0.9 }]);
    expect(result.selected).toBe(3);
  });

  it('prim rejects invalid options and data with clear errors', () => {
    const input = { names: ['a'], x: [[0.1], [0.2]], y: [0, 1] };
    expect(() => prim(input, { peelAlpha: 0.7 })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid peelAlpha: 0.7 (expected 0 < α < 0.5)]`);
    expect(() => prim(input, { pasteAlpha: 0 })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid pasteAlpha: 0 (expected 0 < α < 0.5)]`);
    expect(() => prim(input, { massMin: 1 })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid massMin: 1 (expected 0 < massMin < 1)]`);
    expect(() => prim(input, { threshold: 1.5 })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid threshold: 1.5 (expected 0 < threshold ≤ 1 (a density))]`);
    expect(() => prim(input, { objective: 'best' as never })).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid objective: "best" (expected 'lenient1', 'lenient2' or 'original')]`,
    );
    expect(() => prim({ names: ['a'], x: [[0.1], [0.2]], y: [0, 2] })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid y[1]: 2 (expected true, false, 1 or 0)]`);
    expect(() => prim({ names: ['a'], x: [[0.1], [0.2]], y: [0, 0] })).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid y: "no cases of interest" (expected at least one case of interest (a 1 or true))]`,
    );
    expect(() => prim({ names: ['a', 'b'], x: [[0.1, 1], [0.2]], y: [0, 1] })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid x[1]: array of length 1 (expected a row of 2 numbers)]`);
    expect(() => prim({ names: ['a'], x: [[0.1], [NaN]], y: [0, 1] })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid x[1][0]: NaN (expected a finite number)]`);
    expect(() => prim({ names: ['a'], x: [[0.1], [0.2]], y: [0, 1, 1] })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid y: array of length 3 (expected 2 values (one per row of x))]`);
    expect(() => prim({ names: ['a', 'a'], x: [[0.1, 1]], y: [1] })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid names[1]: "a" (expected distinct dimension names)]`);
    expect(() => prim({ names: ['a'], kinds: ['integer'], x: [[0.5]], y: [1] })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid x[0][0]: 0.5 (expected an integer (a is 'integer'))]`);
  });
});

describe('prim ties as the EMA Workbench', () => {
  it('prim breaks exact ties as EMA (float columns first, upper peel first): hand-derived EMA trajectory', () => {
    const result = prim({ ...EMA_TIES_INPUT, kinds: [...EMA_TIES_INPUT.kinds] });
    expect(result.trajectory.map((step) => {
      const a = step.limits[1]!;
      return { a: a.kind === 'interval' ? [a.lower, a.upper] : null, count: step.count };
    })).toEqual(EMA_TIES_TRAJECTORY);
    expect(result.trajectory.at(-1)!.restricted).toEqual(['a']);
  });

  it('prim reproduces the EMA Workbench trajectory step for step on a lattice with tied peels (recorded EMA run)', () => {
    const x: number[][] = [];
    for (let i = 0; i < EMA_LATTICE_SIZE; i++) for (let j = 0; j < EMA_LATTICE_SIZE; j++) x.push([i / EMA_LATTICE_SIZE, j / EMA_LATTICE_SIZE]);
    const y = Array.from(EMA_LATTICE_LABELS, Number);
    const result = prim({ names: ['x1', 'x2'], x, y });
    const pasted = pastePrimBox(result.data, result.trajectory.at(-1)!.limits);
    expect(pasted.trajectory).toHaveLength(1); // EMA accepted no paste either
    expect(result.trajectory.map((step) => {
      const [x1, x2] = step.limits.map((limit) => (limit.kind === 'interval' ? [limit.lower, limit.upper] : null));
      return { x1, x2, count: step.count, coverage: step.coverage, density: step.density };
    })).toEqual(EMA_LATTICE_TRAJECTORY);
  });

  it('primDimensionOrder lists continuous, then integer, then categorical dimensions', () => {
    expect(primDimensionOrder({ kinds: ['categorical', 'integer', 'continuous', 'integer', 'continuous'] })).toEqual([2, 4, 1, 3, 0]);
  });

  it('prim selected is the highest-coverage box reaching the threshold, the densest of equal coverage (not the first to reach it)', () => {
    // Coverage stays 1 while the non-cases are peeled one at a time: densities 6/20, 6/19, … 6/6.
    const result = prim({ ...EMA_TIES_INPUT, kinds: [...EMA_TIES_INPUT.kinds] }, { threshold: 0.5 });
    const first = result.trajectory.findIndex((step) => step.density >= 0.5);
    expect(first).toBe(8);
    expect(result.selected).toBe(14);
    expect(result.trajectory[14]!.coverage).toBe(result.trajectory[first]!.coverage);
    expect(result.selected).toBe(selectPrimBox(result.trajectory, { minDensity: 0.5, select: 'max-coverage' }));
  });
});
