import { describe, expect, it } from 'vitest';
import { sobolSequence, SOBOL_MAX_DIMENSIONS } from '../../../src/experiment/designs/index.js';

// Reference points: SciPy 1.17.1, `qmc.Sobol(d, scramble=False).random(n)`, which uses the same
// Joe & Kuo (2008) new-joe-kuo-6.21201 direction numbers and Gray-code order; the first points
// also match the example output of Joe & Kuo's sobol.cc. Dimension 1 is the van der Corput
// sequence in Gray-code order. (During development the whole 4096 × 512 block was compared with
// SciPy's bit for bit; these spot values keep that check in the suite without SciPy.)
const FIRST_POINTS_DIMS_1_TO_4 = [
  [0, 0, 0, 0],
  [0.5, 0.5, 0.5, 0.5],
  [0.75, 0.25, 0.25, 0.25],
  [0.25, 0.75, 0.75, 0.75],
  [0.375, 0.375, 0.625, 0.875],
  [0.875, 0.875, 0.125, 0.375],
  [0.625, 0.125, 0.875, 0.625],
  [0.125, 0.625, 0.375, 0.125],
  [0.1875, 0.3125, 0.9375, 0.4375],
];

describe('sobolSequence', () => {
  it('sobolSequence(4, 9) gives the published first points (dimension 1: van der Corput 0, 0.5, 0.75, 0.25, …)', () => {
    expect(sobolSequence(4, 9)).toEqual(FIRST_POINTS_DIMS_1_TO_4);
  });

  it('sobolSequence matches SciPy at high dimensions and late indices', () => {
    const points = sobolSequence(512, 4096);
    expect(points[1000]?.slice(29, 32)).toEqual([0.3408203125, 0.1474609375, 0.1455078125]);
    expect(points.slice(1, 9).map((p) => p[511])).toEqual([0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.1875]);
    expect(points[4095]?.[99]).toBe(0.962646484375);
    // One number over every embedded dimension: Σ_k Σ_d (d + 1)·x_k,d for k in 1000, 3000, 4095,
    // 2047, 1234 — exact in binary64 (dyadic values), 168630815/512 from SciPy — so a wrong
    // direction number in any of the 512 rows shows up here.
    let checksum = 0;
    for (const k of [1000, 3000, 4095, 2047, 1234]) (points[k] as number[]).forEach((x, d) => (checksum += x * (d + 1)));
    expect(checksum).toBe(168630815 / 512);
  });

  it('sobolSequence with skip returns the same points as the tail of a longer call', () => {
    const long = sobolSequence(20, 1300);
    expect(sobolSequence(20, 300, { skip: 1000 })).toEqual(long.slice(1000));
    expect(sobolSequence(3, 5, { skip: 1 })).toEqual(long.slice(1, 6).map((p) => p.slice(0, 3)));
  });

  it('sobolSequence blocks of 2^m points stratify every coordinate and every pair of the first dimensions ((0, m, 2)-net)', () => {
    const m = 8;
    const n = 2 ** m;
    for (const skip of [0, n, 5 * n]) {
      const points = sobolSequence(40, n, { skip });
      // Each coordinate: exactly one point in each interval [k/n, (k+1)/n).
      for (let d = 0; d < 40; d++) {
        const cells = new Set(points.map((p) => Math.floor((p[d] as number) * n)));
        expect(cells.size).toBe(n);
      }
      // Dimensions 1 and 2 form a (0, m, 2)-net: every elementary box of area 1/n holds one point.
      for (let a = 0; a <= m; a++) {
        const cells = new Set(points.map((p) => `${Math.floor((p[0] as number) * 2 ** a)},${Math.floor((p[1] as number) * 2 ** (m - a))}`));
        expect(cells.size).toBe(n);
      }
    }
  });

  it('sobolSequence is deterministic and every coordinate lies in [0, 1)', () => {
    const a = sobolSequence(SOBOL_MAX_DIMENSIONS, 64, { skip: 3 });
    expect(sobolSequence(SOBOL_MAX_DIMENSIONS, 64, { skip: 3 })).toEqual(a);
    expect(a.flat().every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('sobolSequence rejects bad arguments with the field named', () => {
    expect(() => sobolSequence(0, 4)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid dimensions: 0 (expected an integer in 1 … 512)]`);
    expect(() => sobolSequence(513, 4)).toThrow(/invalid dimensions: 513/);
    expect(() => sobolSequence(2, -1)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid n: -1 (expected an integer ≥ 0)]`);
    expect(() => sobolSequence(2, 4, { skip: 1.5 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid skip: 1.5 (expected an integer ≥ 0)]`);
    expect(() => sobolSequence(2, 4, { skip: 2 ** 31 })).toThrow(/invalid skip \+ n/);
  });
});
