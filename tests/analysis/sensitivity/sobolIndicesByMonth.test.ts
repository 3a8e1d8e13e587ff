import { describe, expect, it } from 'vitest';
import { saltelliDesign } from '../../../src/experiment/designs/index.js';
import type { SensitivityProblem } from '../../../src/experiment/designs/index.js';
import { sobolBootstrapResamples, sobolIndices, sobolIndicesByMonth } from '../../../src/analysis/sensitivity/index.js';
import { createRunStream } from '../../../src/rng/index.js';

const problem: SensitivityProblem = { names: ['a', 'b'], bounds: [[0, 1], [0, 1]] };

describe('sobolIndicesByMonth', () => {
  it('sobolIndicesByMonth gives each month the indices of its column, with one shared bootstrap', () => {
    const n = 256;
    const X = saltelliDesign(problem, n);
    // Month 0: constant (initial state); then a trajectory where b's weight grows with t.
    const Y = X.map(([a, b]) => [5, ...[1, 2, 3].map((t) => (a as number) + t * (b as number))]);
    const results = sobolIndicesByMonth(Y, problem, n, { random: createRunStream(1, 0, 'bootstrap') });
    expect(results).toHaveLength(4);
    expect(results[0]?.constant).toBe(true);
    expect(results[0]?.S1.every(Number.isNaN)).toBe(true);
    const resamples = sobolBootstrapResamples(n, 100, createRunStream(1, 0, 'bootstrap'));
    for (let m = 1; m < 4; m++) {
      expect(results[m]).toEqual(sobolIndices(Y.map((row) => row[m] as number), problem, n, { resamples }));
    }
    // Additive a + t·b: S1(b) = t²/(1 + t²) rises month after month.
    const S1b = results.slice(1).map((r) => r.S1[1] as number);
    [0.5, 0.8, 0.9].forEach((exact, i) => expect(Math.abs((S1b[i] as number) - exact)).toBeLessThan(results[i + 1]?.S1Conf[1] as number));
  });

  it('sobolIndicesByMonth rejects ragged rows', () => {
    const Y = saltelliDesign(problem, 4).map((_, i) => (i === 3 ? [1] : [1, 2]));
    expect(() => sobolIndicesByMonth(Y, problem, 4)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid Y[3]: 1 months (expected 2, as run 0)]`);
  });
});
