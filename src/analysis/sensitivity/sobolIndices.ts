import type { RandomSource } from '../../rng/randomSource.js';
import { createRunStream } from '../../rng/createRunStream.js';
import type { SensitivityProblem } from '../../math/problem.js';
import { validateProblem } from '../../math/problem.js';
import { normalQuantile } from '../../math/normalQuantile.js';

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Whether the design has BA_i rows and S2 is wanted (default true; must match the design). */
  readonly secondOrder?: boolean;
  /** Bootstrap resamples for the confidence intervals (default 100, as SALib); 0 skips them. */
  readonly bootstrap?: number;
  /** Confidence level of the intervals, in (0, 1) (default 0.95). */
  readonly confidence?: number;
  /**
   * Source of the bootstrap draws (default a fixed stream, `createRunStream('sobolIndices', 0,
   * 'bootstrap')`, so that results are reproducible when none is given).
   */
  readonly random?: RandomSource;
  /**
   * Precomputed resamples (from {@link sobolBootstrapResamples}), to share one bootstrap between
   * several outputs; when given, `bootstrap` and `random` are ignored.
   */
  readonly resamples?: readonly Int32Array[];
}

/**
 * Sobol' indices with their bootstrap confidence half-widths, SALib's `sobol.analyze` result:
 * the interval of an index is value ± conf.
 */
export interface SobolIndices {
  /** The inputs, in the problem's order. */
  readonly names: readonly string[];
  /** Base sample size N of the design. */
  readonly n: number;
  /** Confidence level of the half-widths. */
  readonly confidence: number;
  /** Bootstrap resamples behind the half-widths (0: no intervals, half-widths NaN). */
  readonly bootstrap: number;
  /** First-order indices S_i (Saltelli et al. 2010 estimator). */
  readonly S1: number[];
  /** Half-widths of the S_i intervals: z · bootstrap standard deviation. */
  readonly S1Conf: number[];
  /** Total-order indices S_Ti (Jansen 1999 estimator). */
  readonly ST: number[];
  /** Half-widths of the S_Ti intervals. */
  readonly STConf: number[];
  /** Second-order indices S_ij at [i][j] for i < j, NaN elsewhere (only with `secondOrder`). */
  readonly S2?: number[][];
  /** Half-widths of the S_ij intervals, same layout. */
  readonly S2Conf?: number[][];
  /** Variance of the outputs of A and B together (before the indices divide by it). */
  readonly variance: number;
  /** True when every output of A and B is the same: the indices are undefined (NaN). */
  readonly constant: boolean;
}

/**
 * Draws the bootstrap resamples {@link sobolIndices} uses: `bootstrap` arrays of n indices in
 * 0 … n − 1, drawn with replacement as ⌊u·n⌋, resample after resample. Pass the result as
 * `resamples` to use one bootstrap for several outputs (as {@link sobolIndicesByMonth} does).
 *
 * Cost: O(bootstrap · n) draws and memory.
 *
 * @example
 * sobolBootstrapResamples(4, 2, createRunStream(1, 0, 'bootstrap')).length; // 2 arrays of 4 indices
 */
export function sobolBootstrapResamples(n: number, bootstrap: number, random: RandomSource): Int32Array[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`invalid n: ${n} (expected an integer ≥ 1)`);
  if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new RangeError(`invalid bootstrap: ${bootstrap} (expected an integer ≥ 0)`);
  const resamples: Int32Array[] = [];
  for (let b = 0; b < bootstrap; b++) {
    const r = new Int32Array(n);
    for (let i = 0; i < n; i++) r[i] = Math.floor(random() * n);
    resamples.push(r);
  }
  return resamples;
}

/** The outputs of a Saltelli design split into its matrices, each of length n. */
interface SplitOutputs {
  readonly A: Float64Array;
  readonly B: Float64Array;
  readonly AB: Float64Array[];
  readonly BA: Float64Array[];
}

/**
 * First-, total- and (optionally) second-order Sobol' indices from the outputs of a
 * `saltelliDesign(problem, n, { secondOrder })`, in its row order, with bootstrap intervals, as
 * SALib's `sobol.analyze`:
 * - the outputs are centred and scaled by their mean and standard deviation (this changes no
 *   index in expectation but, as in SALib, the estimates below are computed on it);
 * - V = population variance of the A and B outputs together;
 * - S_i = mean(f(B)·(f(AB_i) − f(A))) / V (Saltelli et al. 2010, Table 2 (b));
 * - S_Ti = mean((f(A) − f(AB_i))²) / (2V) (Jansen 1999; Saltelli et al. 2010, Table 2 (f));
 * - S_ij = mean(f(BA_i)·f(AB_j) − f(A)·f(B)) / V − S_i − S_j (Saltelli 2002, eq. 12 with
 *   SALib's centring);
 * - conf = z·sd of the index over the bootstrap resamples of the N base rows (sd with n − 1),
 *   z = Φ⁻¹(1/2 + confidence/2): a normal-approximation interval, value ± conf. With Sobol'
 *   points the bootstrap treats the rows as independent, which overstates the error of
 *   quasi-random estimates: the intervals are conservative.
 *
 * Indices are NaN (and `constant` true) when the A and B outputs are all equal. Throws a
 * RangeError when Y's length is not n·(2D + 2) (second order) or n·(D + 2), naming the other
 * setting when that one would fit, for a non-finite output, or for bad options.
 *
 * Cost: O((bootstrap + 1) · n · D) time, O(D²) more for second order; O(n · D) memory.
 * References: I. M. Sobol' (2001), Math. Comput. Simul. 55:271–280; A. Saltelli (2002), Comput.
 * Phys. Commun. 145:280–297; A. Saltelli et al. (2010), Comput. Phys. Commun. 181:259–270;
 * M. J. W. Jansen (1999), Comput. Phys. Commun. 117:35–43; J. Herman & W. Usher (2017), "SALib",
 * JOSS 2(9):97 (`SALib.analyze.sobol`); B. Efron & R. Tibshirani (1993), "An Introduction to the
 * Bootstrap", ch. 13 (normal-approximation intervals).
 *
 * @example
 * const problem = { names: ['x1', 'x2', 'x3'], bounds: [[-Math.PI, Math.PI], [-Math.PI, Math.PI], [-Math.PI, Math.PI]] };
 * const X = saltelliDesign(problem, 1024);
 * const result = sobolIndices(X.map((x) => ishigami(x)), problem, 1024);
 * result.S1; // ≈ [0.31, 0.44, 0.00] (analytic 0.3139, 0.4424, 0), each ± its S1Conf
 * result.ST; // ≈ [0.56, 0.44, 0.24] (analytic 0.5576, 0.4424, 0.2437)
 */
export function sobolIndices(Y: ArrayLike<number>, problem: SensitivityProblem, n: number, options: SobolIndicesOptions = {}): SobolIndices {
  validateProblem(problem);
  const secondOrder = options.secondOrder ?? true;
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`invalid confidence: ${confidence} (expected within (0, 1))`);
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`invalid n: ${n} (expected an integer ≥ 2)`);
  const d = problem.names.length;
  checkLength(Y.length, n, d, secondOrder);
  const resamples = options.resamples ?? sobolBootstrapResamples(n, options.bootstrap ?? 100, options.random ?? createRunStream('sobolIndices', 0, 'bootstrap'));
  resamples.forEach((r, b) => {
    if (r.length !== n) throw new RangeError(`invalid resamples[${b}]: ${r.length} indices (expected n = ${n})`);
  });
  const z = normalQuantile(0.5 + confidence / 2);

  const outputs = splitOutputs(normalise(Y), n, d, secondOrder);
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  const point = estimate(outputs, identity, d, secondOrder);
  const draws = resamples.map((r) => estimate(outputs, r, d, secondOrder));
  const conf = (pick: (e: Estimate) => number): number => (draws.length < 2 ? NaN : z * sampleSd(draws.map(pick)));

  const S1Conf = point.S1.map((_, j) => conf((e) => e.S1[j] as number));
  const STConf = point.ST.map((_, j) => conf((e) => e.ST[j] as number));
  let S2Conf: number[][] | undefined;
  if (secondOrder) {
    S2Conf = Array.from({ length: d }, (_, j) => Array.from({ length: d }, (_, k) => (k > j ? conf((e) => (e.S2 as number[][])[j]?.[k] as number) : NaN)));
  }
  const variance = rawVariance(Y, n, d, secondOrder);
  return {
    names: [...problem.names],
    n,
    confidence,
    bootstrap: resamples.length,
    S1: point.S1,
    S1Conf,
    ST: point.ST,
    STConf,
    ...(secondOrder ? { S2: point.S2 as number[][], S2Conf: S2Conf as number[][] } : {}),
    variance,
    constant: point.constant,
  };
}

function checkLength(length: number, n: number, d: number, secondOrder: boolean): void {
  const step = secondOrder ? 2 * d + 2 : d + 2;
  if (length === n * step) return;
  const other = secondOrder ? d + 2 : 2 * d + 2;
  const hint = length === n * other ? `; it fits secondOrder: ${!secondOrder}, pass the same setting as the design` : '';
  throw new RangeError(`invalid Y: ${length} outputs (expected n·(${secondOrder ? '2D + 2' : 'D + 2'}) = ${n * step} for n = ${n}, D = ${d}${hint})`);
}

/** (Y − mean) / sd over every output, as SALib; a constant Y is only centred. */
function normalise(Y: ArrayLike<number>): Float64Array {
  const m = Y.length;
  let mean = 0;
  for (let i = 0; i < m; i++) {
    const y = Y[i] as number;
    if (!Number.isFinite(y)) throw new RangeError(`invalid Y[${i}]: ${y} (expected a finite number)`);
    mean += (y - mean) / (i + 1);
  }
  let sumSq = 0;
  for (let i = 0; i < m; i++) sumSq += ((Y[i] as number) - mean) ** 2;
  const sd = Math.sqrt(sumSq / m);
  const scale = sd > 0 ? 1 / sd : 1;
  return Float64Array.from({ length: m }, (_, i) => ((Y[i] as number) - mean) * scale);
}

function splitOutputs(Y: Float64Array, n: number, d: number, secondOrder: boolean): SplitOutputs {
  const step = secondOrder ? 2 * d + 2 : d + 2;
  const A = new Float64Array(n);
  const B = new Float64Array(n);
  const AB = Array.from({ length: d }, () => new Float64Array(n));
  const BA = secondOrder ? Array.from({ length: d }, () => new Float64Array(n)) : [];
  for (let i = 0; i < n; i++) {
    const base = i * step;
    A[i] = Y[base] as number;
    for (let j = 0; j < d; j++) (AB[j] as Float64Array)[i] = Y[base + 1 + j] as number;
    if (secondOrder) for (let j = 0; j < d; j++) (BA[j] as Float64Array)[i] = Y[base + 1 + d + j] as number;
    B[i] = Y[base + step - 1] as number;
  }
  return { A, B, AB, BA };
}

/** The unnormalised variance of the A and B outputs, reported for context. */
function rawVariance(Y: ArrayLike<number>, n: number, d: number, secondOrder: boolean): number {
  const step = secondOrder ? 2 * d + 2 : d + 2;
  let mean = 0;
  let m2 = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (const y of [Y[i * step] as number, Y[i * step + step - 1] as number]) {
      count++;
      const delta = y - mean;
      mean += delta / count;
      m2 += delta * (y - mean);
    }
  }
  return m2 / count;
}

interface Estimate {
  readonly S1: number[];
  readonly ST: number[];
  readonly S2?: number[][];
  readonly constant: boolean;
}

/** All indices on the rows r (the identity for the point estimate, a resample for the bootstrap). */
function estimate(outputs: SplitOutputs, r: Int32Array, d: number, secondOrder: boolean): Estimate {
  const { A, B, AB, BA } = outputs;
  const n = r.length;
  // Population variance of [A[r]; B[r]] (np.var of the concatenation), by Welford's update.
  let mean = 0;
  let m2 = 0;
  let count = 0;
  let meanAB = 0; // mean of A·B over r, for S2
  for (let i = 0; i < n; i++) {
    const row = r[i] as number;
    const a = A[row] as number;
    const b = B[row] as number;
    count++;
    let delta = a - mean;
    mean += delta / count;
    m2 += delta * (a - mean);
    count++;
    delta = b - mean;
    mean += delta / count;
    m2 += delta * (b - mean);
    meanAB += a * b;
  }
  meanAB /= n;
  const V = m2 / count;
  const constant = !(V > 0);
  const S1 = new Array<number>(d);
  const ST = new Array<number>(d);
  for (let j = 0; j < d; j++) {
    const ABj = AB[j] as Float64Array;
    let first = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const row = r[i] as number;
      const a = A[row] as number;
      const ab = ABj[row] as number;
      first += (B[row] as number) * (ab - a);
      total += (a - ab) * (a - ab);
    }
    S1[j] = constant ? NaN : first / n / V;
    ST[j] = constant ? NaN : total / (2 * n) / V;
  }
  if (!secondOrder) return { S1, ST, constant };
  const S2 = Array.from({ length: d }, () => new Array<number>(d).fill(NaN));
  for (let j = 0; j < d; j++) {
    const BAj = BA[j] as Float64Array;
    for (let k = j + 1; k < d; k++) {
      const ABk = AB[k] as Float64Array;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const row = r[i] as number;
        sum += (BAj[row] as number) * (ABk[row] as number);
      }
      (S2[j] as number[])[k] = constant ? NaN : (sum / n - meanAB) / V - (S1[j] as number) - (S1[k] as number);
    }
  }
  return { S1, ST, S2, constant };
}

/** Sample standard deviation (divisor m − 1) by Welford's one-pass update. */
function sampleSd(values: readonly number[]): number {
  let mean = 0;
  let m2 = 0;
  values.forEach((x, i) => {
    const delta = x - mean;
    mean += delta / (i + 1);
    m2 += delta * (x - mean);
  });
  return Math.sqrt(m2 / (values.length - 1));
}
