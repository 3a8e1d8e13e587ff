import { describe, expect, it } from 'vitest';
import { inverseCdf, scaleToProblem, standardNormalCdf, validateProblem } from '../../src/experiment/designs/index.js';
import type { SensitivityProblem } from '../../src/experiment/designs/index.js';

const GRID = Array.from({ length: 199 }, (_, i) => (i + 1) / 200);

describe('standardNormalCdf', () => {
  it('standardNormalCdf matches high-precision values to 1e-13 relative, tails included', () => {
    // Φ(x) from mpmath.ncdf at 30 significant digits.
    const reference: [number, number][] = [
      [1, 0.84134474606854294859],
      [-3, 0.0013498980316300945267],
      [-10, 7.619853024160526066e-24],
      [-37, 5.7255712225245768227e-300],
      [0.5, 0.69146246127401310364],
      [-1.5, 0.066807201268858066004],
      [2.5, 0.99379033467422386483],
      [6, 0.99999999901341235496],
    ];
    for (const [x, p] of reference) expect(Math.abs(standardNormalCdf(x) / p - 1)).toBeLessThan(1e-13);
    expect(standardNormalCdf(0)).toBe(0.5);
    expect(standardNormalCdf(-Infinity)).toBe(0);
    expect(standardNormalCdf(NaN)).toBeNaN();
  });
});

describe('inverseCdf', () => {
  it('inverseCdf of a uniform input is linear in u', () => {
    expect(inverseCdf(undefined, [10, 20])(0.25)).toBe(12.5);
    expect(inverseCdf({ type: 'uniform' }, [-1, 1])(0)).toBe(-1);
  });

  it('inverseCdf of a triangular input inverts its CDF', () => {
    const [a, b, c] = [1, 5, 2];
    const F = (x: number): number => (x <= c ? (x - a) ** 2 / ((b - a) * (c - a)) : 1 - (b - x) ** 2 / ((b - a) * (b - c)));
    const map = inverseCdf({ type: 'triangular', mode: c }, [a, b]);
    for (const u of GRID) expect(F(map(u))).toBeCloseTo(u, 12);
    expect(map(0)).toBe(a);
    expect(map(1)).toBe(b);
  });

  it('inverseCdf of a truncated normal inverts its CDF, far in the upper tail too', () => {
    for (const [mean, sd, lo, hi] of [[0, 1, -2, 2], [3, 2, 0, 10], [0, 1, 9, 10], [0, 1, -10, -9]] as const) {
      const map = inverseCdf({ type: 'normal-truncated', mean, sd }, [lo, hi]);
      // The truncated CDF, through upper tails Q(z) = Φ(−z) above the mean and Φ below, so that
      // the reference keeps its precision in both far tails.
      const upper = lo > mean;
      const G = (x: number): number => (upper ? -standardNormalCdf(-(x - mean) / sd) : standardNormalCdf((x - mean) / sd));
      for (const u of GRID) {
        const x = map(u);
        expect(x >= lo && x <= hi).toBe(true);
        expect((G(x) - G(lo)) / (G(hi) - G(lo))).toBeCloseTo(u, 9);
      }
    }
  });

  it('inverseCdf of a discrete input gives each value with its weight\'s share of the unit interval', () => {
    const map = inverseCdf({ type: 'discrete', values: [2, 7, 9], weights: [1, 3, 0] }, [0, 10]);
    const counts = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const x = map((i + 0.5) / 1000);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({ 2: 250, 7: 750 });
    expect(inverseCdf({ type: 'discrete', values: [4, 5] }, [4, 5])(0.99)).toBe(5);
  });
});

describe('scaleToProblem', () => {
  it('scaleToProblem maps each column through its input and leaves the argument untouched', () => {
    const unit = [[0.5, 0.25]];
    expect(scaleToProblem({ names: ['a', 'b'], bounds: [[0, 10], [-1, 1]] }, unit)).toEqual([[5, -0.5]]);
    expect(unit).toEqual([[0.5, 0.25]]);
    expect(() => scaleToProblem({ names: ['a', 'b'], bounds: [[0, 10], [-1, 1]] }, [[0.5]])).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid unitPoints[0]: 1 coordinates (expected 2, one per input)]`);
  });
});

describe('validateProblem', () => {
  it('validateProblem accepts a well-formed problem with every distribution type', () => {
    const problem: SensitivityProblem = {
      names: ['u', 't', 'n', 'k'],
      bounds: [[0, 1], [0, 4], [-2, 2], [3, 3]],
      distributions: [{ type: 'uniform' }, { type: 'triangular', mode: 4 }, { type: 'normal-truncated', mean: 5, sd: 1 }, { type: 'discrete', values: [3] }],
    };
    expect(() => validateProblem(problem)).not.toThrow();
  });

  it('validateProblem names the first bad field', () => {
    const bad = (problem: unknown): (() => void) => () => validateProblem(problem as SensitivityProblem);
    expect(bad({ names: [], bounds: [] })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.names: [] (expected a non-empty array of strings)]`);
    expect(bad({ names: ['a', 'a'], bounds: [[0, 1], [0, 1]] })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.names[1]: "a" (expected unique names)]`);
    expect(bad({ names: ['a', 'b'], bounds: [[0, 1]] })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.bounds: 1 ranges (expected one per name, 2)]`);
    expect(bad({ names: ['a'], bounds: [[0, Infinity]] })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.bounds[0]: [0, Infinity] (expected finite lo < hi)]`);
    expect(bad({ names: ['a'], bounds: [[0, 1]], distributions: [{ type: 'triangular', mode: 2 }] })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.distributions[0].mode: 2 (expected within the bounds [0, 1])]`);
    expect(bad({ names: ['a'], bounds: [[0, 1]], distributions: [{ type: 'normal-truncated', mean: 0, sd: 0 }] })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.distributions[0].sd: 0 (expected a finite number > 0)]`);
    expect(bad({ names: ['a'], bounds: [[0, 1]], distributions: [{ type: 'discrete', values: [0.5, 2] }] })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.distributions[0].values[1]: 2 (expected within the bounds [0, 1])]`);
    expect(bad({ names: ['a'], bounds: [[0, 1]], distributions: [{ type: 'discrete', values: [0.5], weights: [0] }] })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.distributions[0].weights: all zero (expected a positive total)]`);
    expect(bad({ names: ['a'], bounds: [[0, 1]], distributions: [{ type: 'beta' }] })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.distributions[0].type: "beta" (expected uniform, triangular, normal-truncated or discrete)]`);
  });
});
