import { describe, expect, it } from 'vitest';
import { saltelliDefaultSkip, saltelliDesign, sobolSequence } from '../../../src/experiment/designs/index.js';
import { SALIB_SALTELLI_DEFAULT_SKIP, SALIB_SALTELLI_SAMPLES } from './fixtures/salibSaltelli.js';
import type { SensitivityProblem } from '../../../src/experiment/designs/index.js';

const problem: SensitivityProblem = { names: ['a', 'b', 'c'], bounds: [[0, 1], [10, 20], [-1, 1]] };
const toUnit = (row: number[]): number[] => row.map((x, j) => (x - (problem.bounds[j] as [number, number])[0]) / ((problem.bounds[j] as [number, number])[1] - (problem.bounds[j] as [number, number])[0]));

describe('saltelliDesign', () => {
  it('saltelliDesign has N·(2D + 2) rows with second order and N·(D + 2) without', () => {
    expect(saltelliDesign(problem, 8)).toHaveLength(8 * 8);
    expect(saltelliDesign(problem, 8, { secondOrder: false })).toHaveLength(8 * 5);
  });

  it('saltelliDefaultSkip is SALib\'s max(next power of two ≥ N, 16)', () => {
    for (const [n, skip] of Object.entries(SALIB_SALTELLI_DEFAULT_SKIP.skipByN)) expect(saltelliDefaultSkip(Number(n))).toBe(skip);
  });

  it('saltelliDesign with small N skips 16 points as SALib\'s saltelli.sample (hand-derived fixture)', () => {
    const design = saltelliDesign({ names: ['x', 'y'], bounds: [[0, 1], [0, 10]] }, 4, { secondOrder: false });
    expect(design.slice(0, 4)).toEqual(SALIB_SALTELLI_DEFAULT_SKIP.firstBlockN4);
    for (const n of [2, 4, 8]) {
      expect(saltelliDesign(problem, n)).toEqual(saltelliDesign(problem, n, { skip: 16 }));
      expect(saltelliDesign(problem, n)).not.toEqual(saltelliDesign(problem, n, { skip: n }));
    }
  });

  it('saltelliDesign equals SALib\'s saltelli.sample bit for bit at N = 2, 4, 8 (recorded SALib run)', () => {
    const problems: Record<'p2' | 'p3', SensitivityProblem> = {
      p2: { names: ['x', 'y'], bounds: [[0, 1], [0, 10]] },
      p3: { names: ['a', 'b', 'c'], bounds: [[0, 1], [10, 20], [-1, 1]] },
    };
    for (const sample of SALIB_SALTELLI_SAMPLES) {
      expect(saltelliDesign(problems[sample.problem], sample.n, { secondOrder: sample.secondOrder })).toEqual(sample.rows);
    }
  });

  it('saltelliDesign lays each block out as SALib: A, AB_1…AB_D, BA_1…BA_D, B from Sobol\' dimensions 1…D and D+1…2D after skipping N', () => {
    const n = 32;
    const d = 3;
    const design = saltelliDesign(problem, n);
    const base = sobolSequence(2 * d, n, { skip: n });
    for (let i = 0; i < n; i++) {
      const block = design.slice(i * (2 * d + 2), (i + 1) * (2 * d + 2)).map(toUnit);
      const a = (base[i] as number[]).slice(0, d);
      const b = (base[i] as number[]).slice(d);
      const close = (row: number[] | undefined, expected: number[]): void => {
        expect(row).toHaveLength(d);
        row?.forEach((x, j) => expect(x).toBeCloseTo(expected[j] as number, 12));
      };
      close(block[0], a);
      for (let j = 0; j < d; j++) {
        close(block[1 + j], a.map((x, k) => (k === j ? (b[k] as number) : x)));
        close(block[1 + d + j], b.map((x, k) => (k === j ? (a[k] as number) : x)));
      }
      close(block[2 * d + 1], b);
    }
  });

  it('saltelliDesign maps through each input\'s distribution and stays within the bounds', () => {
    const mixed: SensitivityProblem = {
      names: ['u', 't', 'n', 'k'],
      bounds: [[0, 1], [0, 4], [-2, 2], [1, 3]],
      distributions: [undefined, { type: 'triangular', mode: 1 }, { type: 'normal-truncated', mean: 0, sd: 1 }, { type: 'discrete', values: [1, 2, 3] }],
    };
    const design = saltelliDesign(mixed, 64, { secondOrder: false });
    for (const row of design) {
      row.forEach((x, j) => {
        const [lo, hi] = mixed.bounds[j] as [number, number];
        expect(x >= lo && x <= hi).toBe(true);
      });
      expect([1, 2, 3]).toContain(row[3]);
    }
  });

  it('saltelliDesign is deterministic and honours skip (0 or a multiple of N)', () => {
    expect(saltelliDesign(problem, 4, { skip: 0 })).toEqual(saltelliDesign(problem, 4, { skip: 0 }));
    const first = toUnit(saltelliDesign(problem, 4, { skip: 8 })[0] as number[]);
    (sobolSequence(6, 1, { skip: 8 })[0] as number[]).slice(0, 3).forEach((x, j) => expect(first[j]).toBeCloseTo(x, 12));
    expect(toUnit(saltelliDesign(problem, 4, { skip: 0 })[0] as number[])).toEqual([0, 0, 0]);
  });

  it('saltelliDesign rejects N that is not a power of two, naming the nearest ones', () => {
    expect(() => saltelliDesign(problem, 1000)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid n: 1000 (expected a power of two ≥ 2, e.g. 512 or 1024; Sobol' points are balanced only in blocks of 2^m)]`);
    expect(() => saltelliDesign(problem, 1)).toThrow(/invalid n: 1/);
    expect(() => saltelliDesign(problem, 8, { skip: 12 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid skip: 12 (expected 0 or a multiple of n = 8, so the base points are a whole block of the sequence)]`);
    expect(() => saltelliDesign({ names: ['a'], bounds: [[1, 0]] }, 8)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid problem.bounds[0]: [1, 0] (expected finite lo < hi)]`);
    const many: SensitivityProblem = { names: Array.from({ length: 257 }, (_, i) => `x${i}`), bounds: Array.from({ length: 257 }, () => [0, 1] as [number, number]) };
    expect(() => saltelliDesign(many, 2)).toThrow(/at most 256/);
  });
});
