import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { medianSurvivalMonth, survivalCurve } from '../../src/analysis/index.js';

// Hand-worked example, 10 runs over a 6-month horizon. First-event months 0, 1, 2, 2, 2, 3, 5;
// two runs with none (null) and one whose event (month 7) falls after the horizon.
//   month  at risk n  events d  S = S_prev·(1 − d/n)     Greenwood S²·Σ d/(n(n − d))
//     0       10         1      1·9/10   = 0.9          0.81·(1/90)               = 0.009
//     1        9         1      0.9·8/9  = 0.8          0.64·(1/90 + 1/72)        = 0.016
//     2        8         3      0.8·5/8  = 0.5          0.25·(1/90 + 1/72 + 3/40) = 0.025
//     3        5         1      0.5·4/5  = 0.4          0.16·(… + 1/20)           = 0.024
//     4        4         0      0.4                     0.024
//     5        4         1      0.4·3/4  = 0.3          0.09·(… + 1/12)           = 0.021
const FIRST_MONTHS = [0, 2, 2, 3, null, 5, null, 1, 2, 7];

describe('survivalCurve', () => {
  it('survivalCurve reproduces the hand-worked Kaplan–Meier table', () => {
    const curve = survivalCurve(FIRST_MONTHS, 6);
    expect(curve.month).toEqual([0, 1, 2, 3, 4, 5]);
    expect(curve.atRisk).toEqual([10, 9, 8, 5, 4, 4]);
    expect(curve.events).toEqual([1, 1, 3, 1, 0, 1]);
    const survival = [0.9, 0.8, 0.5, 0.4, 0.4, 0.3];
    const greenwood = [0.009, 0.016, 0.025, 0.024, 0.024, 0.021];
    curve.survival.forEach((s, i) => expect(s).toBeCloseTo(survival[i]!, 14));
    curve.greenwoodVariance.forEach((v, i) => expect(v).toBeCloseTo(greenwood[i]!, 14));
  });

  it('survivalCurve equals the product-limit formula and Greenwood reduces to S(1 − S)/n', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 25 }),
        (firstMonths, months) => {
          const curve = survivalCurve(firstMonths, months);
          const n = firstMonths.length;
          let product = 1;
          for (let m = 0; m < months; m++) {
            const d = firstMonths.filter((x) => x === m).length;
            const atRisk = firstMonths.filter((x) => x === null || x >= m).length;
            expect(curve.events[m]).toBe(d);
            expect(curve.atRisk[m]).toBe(atRisk);
            if (atRisk > 0) product *= 1 - d / atRisk;
            const s = curve.survival[m]!;
            expect(s).toBeCloseTo(product, 12);
            expect(curve.greenwoodVariance[m]!).toBeCloseTo((s * (1 - s)) / n, 12);
          }
        },
      ),
    );
  });

  it('survivalCurve with no runs gives NaN survival and with no events gives 1', () => {
    const empty = survivalCurve([], 3);
    expect(empty.survival).toEqual([NaN, NaN, NaN]);
    expect(empty.atRisk).toEqual([0, 0, 0]);
    expect(survivalCurve([null, null, 4], 3).survival).toEqual([1, 1, 1]);
    expect(survivalCurve([null], 0)).toEqual({ month: [], survival: [], atRisk: [], events: [], greenwoodVariance: [] });
  });

  it('survivalCurve reaches 0 with zero variance once every run has had the event', () => {
    const curve = survivalCurve([0, 0, 1], 3);
    expect(curve.survival).toEqual([1 / 3, 0, 0]);
    expect(curve.greenwoodVariance.slice(1)).toEqual([0, 0]);
    expect(curve.atRisk).toEqual([3, 1, 0]);
  });

  it('survivalCurve rejects negative or fractional months', () => {
    expect(() => survivalCurve([-1], 3)).toThrow(RangeError);
    expect(() => survivalCurve([1.5], 3)).toThrow(RangeError);
    expect(() => survivalCurve([NaN], 3)).toThrow(RangeError);
    expect(() => survivalCurve([1], -1)).toThrow(RangeError);
    expect(() => survivalCurve([1], 2.5)).toThrow(RangeError);
  });

  it('survivalCurve does not modify its input', () => {
    const input = Object.freeze([3, null, 0]);
    expect(() => survivalCurve(input, 5)).not.toThrow();
    expect(input).toEqual([3, null, 0]);
  });
});

describe('medianSurvivalMonth', () => {
  it('medianSurvivalMonth is the first month with survival at or below one half', () => {
    expect(medianSurvivalMonth(survivalCurve(FIRST_MONTHS, 6))).toBe(2); // S = 0.5 exactly
    expect(medianSurvivalMonth(survivalCurve([0, 1, 1, null], 3))).toBe(1);
    expect(medianSurvivalMonth({ month: [0, 1, 2], survival: [0.9, 0.51, 0.49] })).toBe(2);
  });

  it('medianSurvivalMonth is null when survival never falls to one half', () => {
    expect(medianSurvivalMonth(survivalCurve([0, null, null], 4))).toBeNull();
    expect(medianSurvivalMonth(survivalCurve([], 4))).toBeNull();
    expect(medianSurvivalMonth(survivalCurve([0, 0], 0))).toBeNull();
  });
});
