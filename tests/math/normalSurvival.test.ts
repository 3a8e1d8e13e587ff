import { describe, expect, it } from 'vitest';
import { normalSurvival, standardNormalCdf } from '../../src/math/index.js';

// Reference values of Q(x) = 1 − Φ(x) = Φ(−x), computed with mpmath 1.3.0 (`ncdf(-x)`, 40
// significant digits) and rounded to 20.
const REFERENCE: readonly (readonly [number, number])[] = [
  [1.959963984540054, 0.025000000000000010876],
  [3, 0.0013498980316300945267],
  [5, 2.8665157187919391167e-7],
  [8.5, 9.4795348222033183542e-18],
  [10, 7.619853024160526066e-24],
  [20, 2.7536241186062336951e-89],
  [37, 5.7255712225245768227e-300],
];

describe('normalSurvival', () => {
  it('normalSurvival keeps its relative precision far into the upper tail', () => {
    for (const [x, q] of REFERENCE) expect(Math.abs(normalSurvival(x) / q - 1)).toBeLessThan(5e-14);
  });

  it('normalSurvival(x) = Φ(−x) and the two sum to one', () => {
    for (const x of [-6, -1.5, 0, 0.3, 2.7, 9]) {
      expect(normalSurvival(x)).toBe(standardNormalCdf(-x));
      expect(Math.abs(normalSurvival(x) + standardNormalCdf(x) - 1)).toBeLessThan(2e-16);
    }
    expect(normalSurvival(Infinity)).toBe(0);
    expect(normalSurvival(-Infinity)).toBe(1);
    expect(normalSurvival(NaN)).toBeNaN();
  });
});
