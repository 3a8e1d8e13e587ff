import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToExactSumInPlace, createExactSum, exactSumValue, mergeExactSumInPlace } from '../../src/math/exactSum.js';

function exactSumOf(values: readonly number[]): number {
  const sum = createExactSum();
  for (const value of values) addToExactSumInPlace(sum, value);
  return exactSumValue(sum);
}

/**
 * The reference: values that are multiples of 2^-20 summed exactly as BigInts, rounded once by
 * Number() (to nearest, ties to even), then scaled back exactly by a power of two.
 */
function referenceSum(scaled: readonly bigint[]): number {
  return Number(scaled.reduce((a, b) => a + b, 0n)) / 2 ** 20;
}

describe('exactSum', () => {
  it('exactSumValue is exact where ordinary addition is not', () => {
    expect(exactSumOf([1e100, 1, -1e100])).toBe(1);
    expect(exactSumOf(Array.from({ length: 10 }, () => 0.1))).toBe(1);
    expect(exactSumOf([])).toBe(0);
    expect(exactSumOf([Infinity, 1])).toBe(Infinity);
    expect(exactSumOf([Infinity, -Infinity])).toBeNaN();
  });

  it('exactSumValue equals the correctly rounded BigInt sum', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), { maxLength: 40 }), (scaled) => {
        // Keep only values a double holds exactly (53 significant bits), so the inputs are exact.
        const exact = scaled.filter((n) => BigInt(Number(n)) === n);
        expect(exactSumOf(exact.map((n) => Number(n) / 2 ** 20))).toBe(referenceSum(exact));
      }),
      { numRuns: 300 },
    );
  });

  it('exactSumValue does not depend on the order of additions or on how partial sums are merged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        (values, cut) => {
          const forward = exactSumOf(values);
          expect(exactSumOf([...values].reverse())).toBe(forward);
          const split = cut % (values.length + 1);
          const left = createExactSum();
          const right = createExactSum();
          values.slice(0, split).forEach((v) => addToExactSumInPlace(left, v));
          values.slice(split).forEach((v) => addToExactSumInPlace(right, v));
          mergeExactSumInPlace(right, left);
          expect(exactSumValue(right)).toBe(forward);
        },
      ),
      { numRuns: 300 },
    );
  });
});
