import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addValue, createRunningMoments, mergeMoments, variance, type RunningMoments } from '../../src/analysis/index.js';

function accumulate(values: readonly number[]): RunningMoments {
  return values.reduce(addValue, createRunningMoments());
}

// Rounding error lives at the magnitude of the numbers being combined, so a mean is compared
// relative to max |x|, and M2 relative to itself when the data are not nearly constant
// (M2 ≥ 1e-3·Σx²), else relative to Σx²: when values cancel, no summation order can promise 1e-12
// relative to a tiny mean or M2. The 1e-300 absorbs rounding among subnormal numbers.
function expectMomentsClose(actual: RunningMoments, expected: RunningMoments, values: readonly number[]): void {
  const scale = Math.max(0, ...values.map(Math.abs));
  const sumSquares = values.reduce((s, x) => s + x * x, 0);
  const m2Scale = expected.m2 >= 1e-3 * sumSquares ? expected.m2 : sumSquares;
  expect(actual.count).toBe(expected.count);
  expect(Math.abs(actual.mean - expected.mean)).toBeLessThanOrEqual(1e-12 * scale + 1e-300);
  expect(Math.abs(actual.m2 - expected.m2)).toBeLessThanOrEqual(1e-12 * m2Scale + 1e-300);
}

const data = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 });

describe('createRunningMoments', () => {
  it('createRunningMoments starts empty', () => {
    expect(createRunningMoments()).toEqual({ count: 0, mean: 0, m2: 0 });
  });
});

describe('addValue', () => {
  it('addValue returns a new accumulator and leaves the old one alone', () => {
    const empty = Object.freeze(createRunningMoments());
    const one = addValue(empty, 1);
    expect(empty).toEqual({ count: 0, mean: 0, m2: 0 });
    expect(addValue(one, 3)).toEqual({ count: 2, mean: 2, m2: 2 });
  });

  it('addValue agrees with the two-pass mean and sum of squared deviations', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
        const mean = values.reduce((s, x) => s + x, 0) / values.length;
        const m2 = values.reduce((s, x) => s + (x - mean) ** 2, 0);
        expectMomentsClose(accumulate(values), { count: values.length, mean, m2 }, values);
      }),
    );
  });
});

describe('mergeMoments', () => {
  it('mergeMoments(a, b) matches a single pass over the concatenation to 1e-12 relative', () => {
    fc.assert(
      fc.property(data, data, (left, right) => {
        const merged = mergeMoments(accumulate(left), accumulate(right));
        const single = accumulate([...left, ...right]);
        expectMomentsClose(merged, single, [...left, ...right]);
      }),
      { numRuns: 2000 },
    );
  });

  it('mergeMoments with an empty side returns the other and does not modify its inputs', () => {
    const a = Object.freeze(accumulate([1, 2, 4]));
    const empty = Object.freeze(createRunningMoments());
    expect(mergeMoments(a, empty)).toEqual(a);
    expect(mergeMoments(empty, a)).toEqual(a);
    expect(mergeMoments(empty, empty)).toEqual(empty);
    expect(mergeMoments({ count: 2, mean: 2, m2: 2 }, { count: 1, mean: 5, m2: 0 })).toEqual({ count: 3, mean: 3, m2: 8 });
  });
});

describe('variance', () => {
  it('variance is the n − 1 sample variance and NaN below two values', () => {
    expect(variance(accumulate([2, 4, 4, 4, 5, 5, 7, 9]))).toBeCloseTo(32 / 7, 14);
    expect(variance(accumulate([1]))).toBeNaN();
    expect(variance(createRunningMoments())).toBeNaN();
  });
});
