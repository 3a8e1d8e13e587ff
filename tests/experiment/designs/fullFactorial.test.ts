import { describe, expect, it } from 'vitest';
import { fullFactorial } from '../../../src/experiment/designs/index.js';

describe('fullFactorial', () => {
  it('fullFactorial enumerates every combination, last input fastest', () => {
    expect(fullFactorial({ names: ['a', 'b'], bounds: [[0, 1], [10, 20]] }, [2, 3])).toEqual([
      [0, 10], [0, 15], [0, 20], [1, 10], [1, 15], [1, 20],
    ]);
  });

  it('fullFactorial has Π L_j distinct rows and a single level sits at the median', () => {
    const design = fullFactorial({ names: ['a', 'b', 'c'], bounds: [[0, 1], [0, 1], [-2, 2]] }, [3, 4, 1]);
    expect(design).toHaveLength(12);
    expect(new Set(design.map((row) => row.join(','))).size).toBe(12);
    expect(design.every((row) => row[2] === 0)).toBe(true);
  });

  it('fullFactorial enumerates a discrete input\'s values when given as many levels', () => {
    const design = fullFactorial({ names: ['k'], bounds: [[1, 9]], distributions: [{ type: 'discrete', values: [1, 4, 9] }] }, 3);
    expect(design).toEqual([[1], [4], [9]]);
  });

  it('fullFactorial rejects bad levels and explosive designs', () => {
    const problem = { names: ['a', 'b'], bounds: [[0, 1], [0, 1]] as [number, number][] };
    expect(() => fullFactorial(problem, [2])).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid levels: 1 counts (expected one per input, 2)]`);
    expect(() => fullFactorial(problem, [2, 0])).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid levels[1]: 0 (expected an integer ≥ 1)]`);
    expect(() => fullFactorial(problem, 5000)).toThrow(/at most 10000000/);
  });
});
