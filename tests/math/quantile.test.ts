import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quantileSorted, quantiles } from '../../src/math/index.js';

// Expected values from numpy 2.4: np.quantile(values, PS, method='linear').
const PS = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 1];
const NUMPY_CASES: [number[], number[]][] = [
  [[1, 2, 3, 4], [1, 1.3, 1.75, 2.5, 3.25, 3.7, 3.925, 4]],
  [[3, 1, 4, 1, 5, 9, 2, 6], [1, 1, 1.75, 3.5, 5.25, 6.8999999999999995, 8.475000000000001, 9]],
  [[10], [10, 10, 10, 10, 10, 10, 10, 10]],
  [[2.5, -1, 7, 7, 0.25], [-1, -0.5, 0.25, 2.5, 7, 7, 7, 7]],
  [[1, 2], [1, 1.1, 1.25, 1.5, 1.75, 1.9, 1.975, 2]],
];

describe('quantileSorted', () => {
  it('quantileSorted matches hand-computed type-7 values', () => {
    // h = (n − 1)p: for [1, 2, 3, 4] and p = 0.25, h = 0.75, so 1 + 0.75·(2 − 1) = 1.75.
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    // n = 5, p = 0.3: h = 1.2, so 20 + 0.2·(30 − 20) = 22.
    expect(quantileSorted([10, 20, 30, 40, 50], 0.3)).toBeCloseTo(22, 12);
  });

  it('quantileSorted returns NaN for empty input, p outside [0, 1] or NaN p', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(quantileSorted([1, 2], -0.1)).toBeNaN();
    expect(quantileSorted([1, 2], 1.1)).toBeNaN();
    expect(quantileSorted([1, 2], NaN)).toBeNaN();
  });

  it('quantileSorted accepts a typed array', () => {
    expect(quantileSorted(new Float64Array([0, 10]), 0.35)).toBeCloseTo(3.5, 12);
  });
});

describe('quantiles', () => {
  it('quantiles matches numpy method="linear" on unsorted inputs', () => {
    for (const [values, expected] of NUMPY_CASES) {
      const got = quantiles(values, PS);
      expect(got).toHaveLength(expected.length);
      got.forEach((q, i) => expect(q).toBeCloseTo(expected[i]!, 12));
    }
  });

  it('quantiles does not modify its input', () => {
    const values = [5, 3, 9, 1];
    quantiles(values, [0.5]);
    expect(values).toEqual([5, 3, 9, 1]);
  });

  it('quantiles gives NaN for empty input or input containing NaN', () => {
    expect(quantiles([], [0, 0.5])).toEqual([NaN, NaN]);
    expect(quantiles([1, NaN, 3], [0, 0.5])).toEqual([NaN, NaN]);
    expect(quantiles([1, 2], [])).toEqual([]);
  });

  it('quantiles are monotone in p and lie between the minimum and maximum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (values, ps) => {
          const sortedPs = [...ps].sort((a, b) => a - b);
          const qs = quantiles(values, sortedPs);
          const lo = Math.min(...values);
          const hi = Math.max(...values);
          for (let i = 0; i < qs.length; i++) {
            expect(qs[i]!).toBeGreaterThanOrEqual(lo);
            expect(qs[i]!).toBeLessThanOrEqual(hi);
            if (i > 0) expect(qs[i]!).toBeGreaterThanOrEqual(qs[i - 1]! - 1e-9 * (hi - lo));
          }
        },
      ),
    );
  });
});
