import { describe, expect, it } from 'vitest';
import { saltelliDesign } from '../../../src/experiment/designs/index.js';
import type { SensitivityProblem } from '../../../src/experiment/designs/index.js';
import {
  ishigami,
  ishigamiIndices,
  sobolBootstrapResamples,
  sobolG,
  sobolGIndices,
  sobolIndices,
} from '../../../src/analysis/sensitivity/index.js';
import type { SobolIndices } from '../../../src/analysis/sensitivity/index.js';
import { createRunStream } from '../../../src/rng/index.js';

const PI = Math.PI;
const ISHIGAMI: SensitivityProblem = { names: ['x1', 'x2', 'x3'], bounds: [[-PI, PI], [-PI, PI], [-PI, PI]] };

/** Every |estimate − analytic| that exceeds its half-width, as readable strings (empty = all inside). */
function outsideIntervals(result: SobolIndices, analytic: { S1: number[]; ST: number[]; S2?: number[][] }): string[] {
  const misses: string[] = [];
  result.S1.forEach((s, j) => {
    if (!(Math.abs(s - (analytic.S1[j] as number)) <= (result.S1Conf[j] as number))) misses.push(`S1[${j}] ${s} ± ${result.S1Conf[j]} vs ${analytic.S1[j]}`);
  });
  result.ST.forEach((s, j) => {
    if (!(Math.abs(s - (analytic.ST[j] as number)) <= (result.STConf[j] as number))) misses.push(`ST[${j}] ${s} ± ${result.STConf[j]} vs ${analytic.ST[j]}`);
  });
  if (analytic.S2 && result.S2 && result.S2Conf) {
    for (let j = 0; j < result.names.length; j++) {
      for (let k = j + 1; k < result.names.length; k++) {
        const s = (result.S2[j] as number[])[k] as number;
        const c = (result.S2Conf[j] as number[])[k] as number;
        const e = (analytic.S2[j] as number[])[k] as number;
        if (!(Math.abs(s - e) <= c)) misses.push(`S2[${j}][${k}] ${s} ± ${c} vs ${e}`);
      }
    }
  }
  return misses;
}

describe('sobolIndices', () => {
  it('sobolIndices of the Ishigami function (N = 1024, second order) holds every analytic index in its 95% interval', () => {
    const n = 1024;
    const X = saltelliDesign(ISHIGAMI, n);
    const result = sobolIndices(X.map((x) => ishigami(x)), ISHIGAMI, n, { random: createRunStream(2020, 0, 'bootstrap') });
    expect(outsideIntervals(result, ishigamiIndices())).toEqual([]);
    // The intervals are informative, not just wide: every half-width is below 0.11.
    expect(Math.max(...result.S1Conf, ...result.STConf)).toBeLessThan(0.11);
  });

  it('sobolIndices of the Ishigami function equals an independent NumPy replica of SALib (saltelli.sample + sobol.analyze) to 1e-12', () => {
    // Reference: SALib 1.4's published algorithm re-implemented in NumPy with SciPy 1.17.1's
    // qmc.Sobol (fast_forward(N)), N = 1024, second order: point estimates only.
    const X = saltelliDesign(ISHIGAMI, 1024);
    const result = sobolIndices(X.map((x) => ishigami(x)), ISHIGAMI, 1024, { bootstrap: 0 });
    const close = (got: number[], want: number[]): void => got.forEach((g, j) => expect(Math.abs(g - (want[j] as number))).toBeLessThan(1e-12));
    close(result.S1, [0.3168315377110121, 0.44376306100377055, 0.012203124737570714]);
    close(result.ST, [0.5558600851355469, 0.4418980711957674, 0.24467538653635176]);
    const S2 = result.S2 as number[][];
    close([S2[0]?.[1] as number, S2[0]?.[2] as number, S2[1]?.[2] as number], [0.009254293034904437, 0.238172109568511, -0.004887704633467027]);
    expect(result.bootstrap).toBe(0);
    expect(result.S1Conf.every(Number.isNaN)).toBe(true);
  });

  it('sobolIndices of Sobol\'s G-function (a = 0, 1, 4.5, 9, 99 ×4; N = 1024) holds every analytic S1, ST and S2 in its interval', () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const problem: SensitivityProblem = { names: a.map((_, i) => `x${i + 1}`), bounds: a.map(() => [0, 1] as [number, number]) };
    const X = saltelliDesign(problem, 1024);
    const result = sobolIndices(X.map((x) => sobolG(x, a)), problem, 1024, { random: createRunStream(2020, 0, 'bootstrap') });
    // Analytic second order of the G-function: V_ij = V_i·V_j, so S_ij = V_i·V_j / V.
    const Vi = a.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const V = Vi.reduce((p, v) => p * (1 + v), 1) - 1;
    const S2 = Vi.map((vi, j) => Vi.map((vk, k) => (k > j ? (vi * vk) / V : NaN)));
    expect(outsideIntervals(result, { ...sobolGIndices(a), S2 })).toEqual([]);
    // Ranking by ST follows a: x1 > x2 > x3 > x4 > the four with a = 99.
    const order = result.ST.map((s, j) => [s, j] as const).sort((p, q) => q[0] - p[0]).map(([, j]) => j);
    expect(order.slice(0, 4)).toEqual([0, 1, 2, 3]);
  });

  it('sobolIndices intervals cover at the nominal rate with independent Monte Carlo samples (200 replicates)', () => {
    // Plain Monte Carlo A and B matrices in Saltelli's layout (no second order), Ishigami, N = 256,
    // 200 independent replicates × 6 indices. Coverage of a replicate's 6 intervals is
    // correlated, so the tolerance treats replicates (not intervals) as the independent unit:
    // sd ≤ √(p(1 − p)/200); 4 sd gives ±0.11 at p = 0.8 and ±0.062 at p = 0.95.
    const n = 256;
    const reps = 200;
    const exact = ishigamiIndices();
    const covered = { 0.8: 0, 0.95: 0 };
    let total = 0;
    for (let rep = 0; rep < reps; rep++) {
      const u = createRunStream(2020, rep, 'monteCarlo');
      const Y: number[] = [];
      for (let i = 0; i < n; i++) {
        const a = [0, 0, 0].map(() => -PI + 2 * PI * u());
        const b = [0, 0, 0].map(() => -PI + 2 * PI * u());
        Y.push(ishigami(a));
        for (let j = 0; j < 3; j++) Y.push(ishigami(a.map((x, k) => (k === j ? (b[k] as number) : x))));
        Y.push(ishigami(b));
      }
      const resamples = sobolBootstrapResamples(n, 100, createRunStream(2020, rep, 'bootstrap'));
      for (const confidence of [0.8, 0.95] as const) {
        const r = sobolIndices(Y, ISHIGAMI, n, { secondOrder: false, confidence, resamples });
        r.S1.forEach((s, j) => (covered[confidence] += Math.abs(s - (exact.S1[j] as number)) <= (r.S1Conf[j] as number) ? 1 : 0));
        r.ST.forEach((s, j) => (covered[confidence] += Math.abs(s - (exact.ST[j] as number)) <= (r.STConf[j] as number) ? 1 : 0));
      }
      total += 6;
    }
    expect(Math.abs(covered[0.8] / total - 0.8)).toBeLessThan(4 * Math.sqrt((0.8 * 0.2) / reps));
    expect(Math.abs(covered[0.95] / total - 0.95)).toBeLessThan(4 * Math.sqrt((0.95 * 0.05) / reps));
  });

  it('sobolIndices half-widths shrink as 1/√N (N = 1024 → 4096 halves them)', () => {
    // Averaged over the 6 first- and total-order half-widths of Ishigami; each bootstrap sd from
    // 100 resamples has ~7% relative error, so the mean ratio is within ±0.15 of 0.5.
    const halfWidths = (n: number): number[] => {
      const r = sobolIndices(saltelliDesign(ISHIGAMI, n, { secondOrder: false }).map((x) => ishigami(x)), ISHIGAMI, n, { secondOrder: false, random: createRunStream(1, n, 'bootstrap') });
      return [...r.S1Conf, ...r.STConf];
    };
    const small = halfWidths(1024);
    const large = halfWidths(4096);
    const meanRatio = large.reduce((s, c, j) => s + c / (small[j] as number), 0) / large.length;
    expect(Math.abs(meanRatio - 0.5)).toBeLessThan(0.15);
  });

  it('sobolIndices is reproducible: the same random source gives identical results, another changes only the half-widths', () => {
    const Y = saltelliDesign(ISHIGAMI, 64).map((x) => ishigami(x));
    const a = sobolIndices(Y, ISHIGAMI, 64, { random: createRunStream(5, 0, 'b') });
    expect(sobolIndices(Y, ISHIGAMI, 64, { random: createRunStream(5, 0, 'b') })).toEqual(a);
    const b = sobolIndices(Y, ISHIGAMI, 64, { random: createRunStream(6, 0, 'b') });
    expect(b.S1).toEqual(a.S1);
    expect(b.S1Conf).not.toEqual(a.S1Conf);
    expect(sobolIndices(Y, ISHIGAMI, 64)).toEqual(sobolIndices(Y, ISHIGAMI, 64)); // default stream is fixed
  });

  it('sobolIndices of a constant output is NaN and flagged', () => {
    const Y = new Array(16 * 8).fill(3);
    const result = sobolIndices(Y, ISHIGAMI, 16);
    expect(result.constant).toBe(true);
    expect(result.S1.every(Number.isNaN)).toBe(true);
    expect(result.variance).toBe(0);
  });

  it('sobolIndices rejects outputs that do not fit the design', () => {
    const Y = saltelliDesign(ISHIGAMI, 8, { secondOrder: false }).map((x) => ishigami(x));
    expect(() => sobolIndices(Y, ISHIGAMI, 8)).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid Y: 40 outputs (expected n·(2D + 2) = 64 for n = 8, D = 3; it fits secondOrder: false, pass the same setting as the design)]`);
    expect(() => sobolIndices(Y.slice(1), ISHIGAMI, 8, { secondOrder: false })).toThrow(/invalid Y: 39 outputs/);
    expect(() => sobolIndices([...Y.slice(1), NaN], ISHIGAMI, 8, { secondOrder: false })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid Y[39]: NaN (expected a finite number)]`);
    expect(() => sobolIndices(Y, ISHIGAMI, 8, { secondOrder: false, confidence: 95 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: invalid confidence: 95 (expected within (0, 1))]`);
  });
});
