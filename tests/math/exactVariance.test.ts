import { describe, expect, it } from 'vitest';
import { addToExactSumInPlace, createExactSum, exactSumValue, mergeExactSumInPlace } from '../../src/math/exactSum.js';
import { addSquareToExactSumInPlace, exactVarianceFromSums } from '../../src/math/exactVariance.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import { rationalVariance, scaledDouble as scaled } from '../helpers/rationalVariance.js';

const ulp = (x: number): number => 2 ** (Math.floor(Math.log2(x)) - 52);

function exactMoments(values: readonly number[]) {
  const sum = createExactSum();
  const squares = createExactSum();
  for (const x of values) {
    addToExactSumInPlace(sum, x);
    addSquareToExactSumInPlace(squares, x);
  }
  return { sum, squares };
}

describe('exactVariance', () => {
  it('exactVarianceFromSums equals the rational-arithmetic variance to 2 ulp where the textbook formula cancels', () => {
    const random = createRunStream(16, 0, 'exact-variance');
    for (const [centre, spread] of [[1e8, 1], [3.7e5, 1e-3], [0, 1], [1e12, 5]] as const) {
      const values = Array.from({ length: 1000 }, () => centre + spread * random());
      const { sum, squares } = exactMoments(values);
      const reference = rationalVariance(values);
      const exact = exactVarianceFromSums(sum, squares, values.length);
      expect(Math.abs(exact - reference)).toBeLessThanOrEqual(2 * ulp(reference));
      if (centre >= 1e8) {
        // The textbook one-pass formula on the same (rounded) sums: far off, which is why this exists.
        const s = exactSumValue(sum);
        const textbook = (exactSumValue(squares) - (s * s) / values.length) / (values.length - 1);
        expect(Math.abs(textbook - reference) / reference).toBeGreaterThan(1e-6);
      }
    }
  });

  it('exactVarianceFromSums does not depend on how the values were split and merged', () => {
    const random = createRunStream(16, 1, 'exact-variance');
    const values = Array.from({ length: 301 }, () => 2.5e6 + 1000 * random());
    const whole = exactMoments(values);
    const a = exactMoments(values.slice(0, 17));
    const b = exactMoments(values.slice(17));
    mergeExactSumInPlace(b.sum, a.sum);
    mergeExactSumInPlace(b.squares, a.squares);
    expect(exactVarianceFromSums(b.sum, b.squares, 301)).toBe(exactVarianceFromSums(whole.sum, whole.squares, 301));
  });

  it('exactVarianceFromSums is 0 for fewer than two values or equal values, NaN after a non-finite value', () => {
    const one = exactMoments([0.1]);
    expect(exactVarianceFromSums(one.sum, one.squares, 1)).toBe(0);
    const equal = exactMoments([0.1, 0.1, 0.1]);
    expect(exactVarianceFromSums(equal.sum, equal.squares, 3)).toBe(0);
    const bad = exactMoments([1, Infinity]);
    expect(exactVarianceFromSums(bad.sum, bad.squares, 2)).toBeNaN();
  });

  it('addSquareToExactSumInPlace keeps the rounding error of x²', () => {
    const squares = createExactSum();
    addSquareToExactSumInPlace(squares, 0.1);
    // 0.1 = 3602879701896397·2^-55, so 0.1² = 3602879701896397²·2^-110 exactly.
    const exact = 3602879701896397n ** 2n;
    const got = squares.partials.reduce((a, p) => a + scaled(p), 0n);
    expect(got).toBe(exact << BigInt(1100 - 110));
  });
});
