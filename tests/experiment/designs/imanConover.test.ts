import { describe, expect, it } from 'vitest';
import { imanConover, latinHypercube, choleskyLower } from '../../../src/experiment/designs/index.js';
import { createRunStream } from '../../../src/rng/index.js';

function ranks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number));
  const r = new Array<number>(values.length);
  order.forEach((i, k) => (r[i] = k));
  return r;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += ((a[i] as number) - ma) * ((b[i] as number) - mb);
    saa += ((a[i] as number) - ma) ** 2;
    sbb += ((b[i] as number) - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

const spearman = (a: readonly number[], b: readonly number[]): number => pearson(ranks(a), ranks(b));
const column = (rows: readonly number[][], j: number): number[] => rows.map((row) => row[j] as number);

const TARGET = [
  [1, 0.7, -0.4],
  [0.7, 1, -0.2],
  [-0.4, -0.2, 1],
];

describe('imanConover', () => {
  it('imanConover achieves the target rank correlations within sampling tolerance and keeps each column\'s values', () => {
    const n = 1000;
    const problem = { names: ['a', 'b', 'c'], bounds: [[0, 1], [10, 20], [-5, 5]] as [number, number][], distributions: [undefined, { type: 'triangular' as const, mode: 12 }, undefined] };
    const lhs = latinHypercube(problem, n, createRunStream(2020, 0, 'lhs'));
    const copy = lhs.map((row) => row.slice());
    const correlated = imanConover(lhs, TARGET, createRunStream(2020, 0, 'imanConover'));
    expect(lhs).toEqual(copy); // input untouched
    // Tolerance: the Spearman coefficient of n pairs has sampling sd of at most about 1/√(n − 1);
    // Iman–Conover fixes the score correlation exactly, so 3/√(n − 1) ≈ 0.095 is generous. The
    // independent LHS (before) must be far from the target, so the test can fail.
    const tolerance = 3 / Math.sqrt(n - 1);
    for (let a = 0; a < 3; a++) {
      for (let b = a + 1; b < 3; b++) {
        const target = (TARGET[a] as number[])[b] as number;
        expect(Math.abs(spearman(column(correlated, a), column(correlated, b)) - target)).toBeLessThan(tolerance);
      }
    }
    expect(Math.abs(spearman(column(lhs, 0), column(lhs, 1)) - 0.7)).toBeGreaterThan(0.5);
    for (let j = 0; j < 3; j++) expect(column(correlated, j).sort((x, y) => x - y)).toEqual(column(lhs, j).sort((x, y) => x - y));
  });

  it('imanConover is reproducible from the random source', () => {
    const lhs = latinHypercube({ names: ['a', 'b'], bounds: [[0, 1], [0, 1]] }, 50, createRunStream(1, 0, 'lhs'));
    const a = imanConover(lhs, [[1, 0.5], [0.5, 1]], createRunStream(1, 0, 'ic'));
    expect(imanConover(lhs, [[1, 0.5], [0.5, 1]], createRunStream(1, 0, 'ic'))).toEqual(a);
  });

  it('imanConover rejects matrices that are not correlation matrices, with the reason', () => {
    const lhs = latinHypercube({ names: ['a', 'b', 'c'], bounds: [[0, 1], [0, 1], [0, 1]] }, 20, createRunStream(1, 0, 'lhs'));
    const random = createRunStream(1, 0, 'ic');
    expect(() => imanConover(lhs, [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]], random)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid correlationMatrix: not positive definite (Cholesky factorisation failed; some combination of the correlations is impossible)]`);
    expect(() => imanConover(lhs, [[1, 0.5, 0], [0.4, 1, 0], [0, 0, 1]], random)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid correlationMatrix[1][0]: 0.4 (expected symmetric: [0][1] is 0.5)]`);
    expect(() => imanConover(lhs, [[2, 0, 0], [0, 1, 0], [0, 0, 1]], random)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid correlationMatrix[0][0]: 2 (expected 1)]`);
    expect(() => imanConover(lhs, [[1, 1.5, 0], [1.5, 1, 0], [0, 0, 1]], random)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid correlationMatrix[1][0]: 1.5 (expected within [−1, 1])]`);
    expect(() => imanConover(lhs, [[1, 0], [0, 1]], random)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid correlationMatrix: not 3 × 3 (expected one row and column per sample column)]`);
    expect(() => imanConover(lhs.slice(0, 3), [[1, 0, 0], [0, 1, 0], [0, 0, 1]], random)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid samples: 3 rows (expected more rows than columns, 3)]`);
  });
});

describe('choleskyLower', () => {
  it('choleskyLower factors a positive-definite matrix and reports an indefinite one', () => {
    const L = choleskyLower([[4, 2], [2, 2]]);
    expect(L).toEqual([[2, 0], [1, 1]]);
    expect(choleskyLower([[1, 2], [2, 1]])).toBeUndefined();
  });
});
