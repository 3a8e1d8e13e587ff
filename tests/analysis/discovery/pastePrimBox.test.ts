import { describe, expect, it } from 'vitest';
import { pastePrimBox, preparePrimData, prim, selectPrimBox, type BoxLimits } from '../../../src/analysis/discovery/index.js';
import { NAMES, TRUE_BOX, syntheticBox } from './syntheticBox.js';

describe('pastePrimBox', () => {
  it('pastePrimBox widens a box cut too short back to the true edge, raising density each time', () => {
    // Start from x1 ∈ [0.1, 0.5], x2 ∈ [0.5, 0.9] on noise-free data (density ≈ 0.75: the strip
    // x1 < 0.2 has no cases of interest). Pasting only accepts a rise in density, as in EMA and
    // Friedman & Fisher. The slab x1 ∈ (0.5, 0.6] is all cases of interest, beyond 0.6 none, and
    // widening downwards adds none. Each paste on the upper side of x1 adds a share
    // α = 0.05 of the rows in the slab [0.5, max] (≈ 0.5 wide), i.e. ≈ 0.025 of x1; pasting
    // stops at the first step that would cross 0.6 and lower the density, so the final upper
    // limit lies in [0.6 − 0.025 − 3 sd of the quantile, 0.6].
    const { x, y } = syntheticBox(4000, 0, 11);
    const data = preparePrimData({ names: NAMES, x, y });
    const start: BoxLimits = data.initialBox.map((limit, d) =>
      d === 0 ? { kind: 'interval', lower: 0.1, upper: 0.5 } : d === 1 ? { kind: 'interval', lower: 0.5, upper: 0.9 } : limit,
    );
    const { trajectory, limits } = pastePrimBox(data, start);
    expect(trajectory[0]!.phase).toBe('initial');
    expect(trajectory[0]!.density).toBeLessThan(0.8);
    expect(trajectory.length).toBeGreaterThan(2);
    for (let i = 1; i < trajectory.length; i++) {
      expect(trajectory[i]!.phase).toBe('paste');
      expect(trajectory[i]!.mass).toBeGreaterThan(trajectory[i - 1]!.mass);
      expect(trajectory[i]!.coverage).toBeGreaterThan(trajectory[i - 1]!.coverage);
      expect(trajectory[i]!.density).toBeGreaterThan(trajectory[i - 1]!.density);
    }
    const x1 = limits[0]!;
    if (x1.kind !== 'interval') throw new Error('expected an interval');
    const sd = Math.sqrt((0.05 * 0.95) / (0.16 * 0.5 * 4000)) * 0.5;
    expect(x1.upper).toBeLessThanOrEqual(TRUE_BOX.x1[1]);
    expect(x1.upper).toBeGreaterThanOrEqual(TRUE_BOX.x1[1] - 0.025 - 3 * sd);
    expect(x1.lower).toBe(0.1);
    expect(limits[1]).toEqual({ kind: 'interval', lower: 0.5, upper: 0.9 });
  });

  it('pastePrimBox never lowers density and is a no-op on the initial box', () => {
    const { x, y } = syntheticBox(2000, 0.05, 12);
    const peeled = prim({ names: NAMES, x, y });
    const chosen = selectPrimBox(peeled.trajectory, { minCoverage: 0.7 })!;
    const pasted = pastePrimBox(peeled.data, peeled.trajectory[chosen]!.limits);
    expect(pasted.trajectory[0]!.limits).toEqual(peeled.trajectory[chosen]!.limits);
    for (let i = 1; i < pasted.trajectory.length; i++) expect(pasted.trajectory[i]!.density).toBeGreaterThan(pasted.trajectory[i - 1]!.density);
    const unchanged = pastePrimBox(peeled.data, peeled.data.initialBox);
    expect(unchanged.trajectory.length).toBe(1);
    expect(pastePrimBox(peeled.data, peeled.trajectory[chosen]!.limits)).toEqual(pasted);
  });

  it('pastePrimBox readmits a category that belongs in the box', () => {
    // y = 1 for categories 0 and 1 (no noise); start from {0, 3} (density 0.5): adding 1 raises
    // the density to 2/3, adding 2 would lower it, so pasting adds 1 and stops.
    const x = Array.from({ length: 400 }, (_, r) => [r % 4, (r * 7919) % 400 / 400]);
    const y = x.map(([category]) => category! <= 1);
    const data = preparePrimData({ names: ['category', 'u'], kinds: ['categorical', 'continuous'], x, y });
    const start: BoxLimits = [{ kind: 'categories', values: [0, 3] }, data.initialBox[1]!];
    const pasted = pastePrimBox(data, start);
    expect(pasted.limits[0]).toEqual({ kind: 'categories', values: [0, 1, 3] });
    expect(pasted.trajectory.map((s) => s.density)).toEqual([0.5, 2 / 3]);
  });

  it('pastePrimBox rejects limits that do not fit the data', () => {
    const data = preparePrimData({ names: ['a', 'b'], x: [[0, 1], [1, 0]], y: [0, 1] });
    expect(() => pastePrimBox(data, [data.initialBox[0]!])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid limits: array of length 1 (expected 2 limits (one per dimension))]`,
    );
    expect(() => pastePrimBox(data, [{ kind: 'interval', lower: 1, upper: 0 }, data.initialBox[1]!])).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid limits[0]: "[1, 0]" (expected lower ≤ upper)]`,
    );
    expect(() => pastePrimBox(data, data.initialBox, { pasteAlpha: 0.5 })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid pasteAlpha: 0.5 (expected 0 < α < 0.5)]`);
  });
});
