import { describe, expect, it } from 'vitest';
import { iterateMap } from '../../src/meanfield/iterateMap.js';

describe('iterateMap', () => {
  it('iterateMap iterates a linear map to its closed form and labels times by the step length', () => {
    // x_{k+1} = 0.9·x_k + 1 has x_k = 10 + (x_0 − 10)·0.9^k.
    const solution = iterateMap((_k, y, next) => { next[0] = 0.9 * (y[0] as number) + 1; }, Float64Array.of(0), { steps: 30, t0: 2, stepLength: 0.5 });
    for (let k = 0; k <= 30; k++) expect(solution.states[k] as number).toBeCloseTo(10 - 10 * 0.9 ** k, 12);
    expect(solution.times[30]).toBe(17);
  });

  it('iterateMap passes the step index and leaves y0 alone', () => {
    const y0 = Float64Array.of(0);
    const solution = iterateMap((k, y, next) => { next[0] = (y[0] as number) + k; }, y0, { steps: 4 });
    expect(Array.from(solution.states)).toEqual([0, 0, 1, 3, 6]);
    expect(y0[0]).toBe(0);
    expect(() => iterateMap((_k, _y, next) => next.fill(0), y0, { steps: -1 })).toThrow('invalid steps: -1 (expected an integer ≥ 0)');
  });
});
