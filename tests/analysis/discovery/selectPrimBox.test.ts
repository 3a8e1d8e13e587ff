import { describe, expect, it } from 'vitest';
import { selectPrimBox, type PrimStep } from '../../../src/analysis/discovery/index.js';

const step = (index: number, coverage: number, density: number, restrictedDimensions: number): PrimStep => ({
  index,
  phase: index === 0 ? 'initial' : 'peel',
  limits: [],
  coverage,
  density,
  mass: 1,
  count: 1,
  positives: 1,
  restricted: Array.from({ length: restrictedDimensions }, (_, i) => `d${i}`),
  restrictedDimensions,
});

const trajectory = [step(0, 1, 0.2, 0), step(1, 0.95, 0.5, 1), step(2, 0.9, 0.8, 2), step(3, 0.8, 0.9, 2), step(4, 0.6, 0.9, 3), step(5, 0.4, 0.95, 3)];

describe('selectPrimBox', () => {
  it('selectPrimBox picks the densest box with enough coverage, ties to higher coverage', () => {
    expect(selectPrimBox(trajectory, { minCoverage: 0.85 })).toBe(2);
    expect(selectPrimBox(trajectory, { minCoverage: 0.55 })).toBe(3);
    expect(selectPrimBox(trajectory)).toBe(5);
    expect(selectPrimBox(trajectory, { minCoverage: 0.5, maxRestricted: 2 })).toBe(3);
  });

  it('selectPrimBox with max-coverage picks the largest box reaching a density target', () => {
    expect(selectPrimBox(trajectory, { minDensity: 0.8, select: 'max-coverage' })).toBe(2);
    expect(selectPrimBox(trajectory, { minDensity: 0.99, select: 'max-coverage' })).toBeNull();
  });

  it('selectPrimBox rejects bad criteria', () => {
    expect(() => selectPrimBox(trajectory, { minCoverage: 2 })).toThrowErrorMatchingInlineSnapshot(`[AnalysisInputError: invalid minCoverage: 2 (expected 0 ≤ minCoverage ≤ 1)]`);
    expect(() => selectPrimBox(trajectory, { select: 'best' as never })).toThrowErrorMatchingInlineSnapshot(
      `[AnalysisInputError: invalid select: "best" (expected 'max-density' or 'max-coverage')]`,
    );
  });
});
