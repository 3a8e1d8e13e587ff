import { describe, expect, it } from 'vitest';
import { madScaledEuclidean, medianAbsoluteDeviation } from '../../src/calibration/distance.js';
import { randomStandardNormal } from '../../src/calibration/randomStandardNormal.js';
import { createRunStream } from '../../src/rng/createRunStream.js';

describe('medianAbsoluteDeviation', () => {
  it('medianAbsoluteDeviation is 1.4826 × the median absolute deviation, robust to an outlier', () => {
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBeCloseTo(1.482602218505602, 15);
  });

  it('medianAbsoluteDeviation estimates σ for normal data (within 5 SEs; SE of the MAD ≈ 1.166σ/√n)', () => {
    // Asymptotic variance of the normalised MAD for normal data: 1.3605σ²/n (Rousseeuw & Croux 1993).
    const random = createRunStream(1, 0, 'mad');
    const n = 20_000;
    const values = Array.from({ length: n }, () => 3 * randomStandardNormal(random));
    expect(Math.abs(medianAbsoluteDeviation(values) - 3)).toBeLessThan((5 * 3 * Math.sqrt(1.3605)) / Math.sqrt(n));
  });

  it('medianAbsoluteDeviation falls back to the sd when most values tie, and to 1 when all do', () => {
    expect(medianAbsoluteDeviation([0, 0, 0, 0, 10])).toBeCloseTo(Math.sqrt(20), 12);
    expect(medianAbsoluteDeviation([5, 5, 5])).toBe(1);
    expect(medianAbsoluteDeviation([])).toBe(1);
  });
});

describe('madScaledEuclidean', () => {
  it('madScaledEuclidean scales each summary by its prior-predictive MAD and measures intervals from their nearest edge', () => {
    const reference = [
      [0, 100],
      [1, 200],
      [2, 300],
      [3, 400],
      [4, 500],
    ];
    const { distance, scales } = madScaledEuclidean()(reference, [2, [250, 350]]);
    expect(scales[0]).toBeCloseTo(1.482602218505602, 12);
    expect(scales[1]).toBeCloseTo(148.2602218505602, 10);
    expect(distance([2, 300])).toBe(0); // inside the interval
    expect(distance([2, 400])).toBeCloseTo(50 / 148.2602218505602, 12);
    expect(distance([3.482602218505602, 200])).toBeCloseTo(Math.hypot(1, 50 / 148.2602218505602), 12);
    expect(distance([Number.NaN, 300])).toBe(Infinity);
  });

  it('madScaledEuclidean applies weights (a zero weight drops a summary) and fixed scales', () => {
    const { distance } = madScaledEuclidean({ scales: [2, 10], weights: [4, 0] })([], [4, [0, 300]]);
    expect(distance([6, 9999])).toBeCloseTo(2, 14);
    expect(() => madScaledEuclidean({ weights: [1] })([], [1, 2])).toThrow('invalid weights: 1 values (expected 2, one per summary)');
    expect(() => madScaledEuclidean({ scales: [1, 0] })([], [1, 2])).toThrow('invalid scales[1]: 0');
  });
});
