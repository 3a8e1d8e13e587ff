import { normalQuantile } from '../../math/normalQuantile.js';
import type { RandomSource } from '../../rng/randomSource.js';
import { choleskyLower } from '../../math/choleskyLower.js';

/** Tolerance for symmetry and for the unit diagonal of a correlation matrix. */
const MATRIX_TOLERANCE = 1e-12;

/**
 * Reorders the values within each column of a sample so that its rank correlation approaches
 * a target matrix, leaving every column's values (its marginal, e.g. a Latin hypercube's
 * strata) untouched: the distribution-free method of Iman & Conover (1982).
 *
 * Steps (Iman & Conover 1982, §3): van der Waerden scores Φ⁻¹(i/(n + 1)), i = 1 … n, shuffled
 * independently per column (Fisher–Yates, n − 1 draws per column, column after column) form a
 * score matrix R; with T its sample correlation, T = Q·Qᵀ and C = P·Pᵀ (Cholesky), the rows of
 * R are transformed by S = P·Q⁻¹, so that the scores' correlation is exactly C; finally each
 * column of the sample is rearranged to have the ranks of the transformed scores. The achieved
 * Spearman correlation is then C up to sampling error of order 1/√n.
 *
 * Randomness comes only from `random`. Returns a new matrix; the input is not modified.
 * Throws a RangeError when the sample is not rectangular, has no more rows than columns
 * (n ≤ k makes T singular), or when the matrix is not k × k, not symmetric, has a diagonal
 * other than 1 or an entry outside [−1, 1], or is not positive definite (Cholesky fails).
 *
 * Cost: O(n·k² + k³ + k·n log n).
 * Reference: R. L. Iman & W. J. Conover (1982), "A distribution-free approach to inducing rank
 * correlation among input variables", Commun. Stat. Simul. Comput. 11(3):311–334.
 *
 * @example
 * const lhs = latinHypercube({ names: ['a', 'b'], bounds: [[0, 1], [0, 1]] }, 500, createRunStream(1, 0, 'lhs'));
 * const correlated = imanConover(lhs, [[1, 0.7], [0.7, 1]], createRunStream(1, 0, 'ic'));
 * // spearman(column a, column b) ≈ 0.7 (within about 0.03 at n = 500); each column holds the same values as before
 */
export function imanConover(
  samples: readonly (ArrayLike<number>)[],
  correlationMatrix: readonly (readonly number[])[],
  random: RandomSource,
): number[][] {
  const n = samples.length;
  const k = n === 0 ? 0 : (samples[0] as ArrayLike<number>).length;
  if (n === 0 || k === 0) throw new RangeError(`invalid samples: ${n} rows of ${k} columns (expected a non-empty matrix)`);
  samples.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`invalid samples[${i}]: ${row.length} columns (expected ${k}, as row 0)`);
  });
  if (n <= k) throw new RangeError(`invalid samples: ${n} rows (expected more rows than columns, ${k})`);
  if (typeof random !== 'function') throw new TypeError(`invalid random: ${String(random)} (expected a RandomSource function)`);
  const P = targetFactor(correlationMatrix, k);

  // Score matrix R, column by column: shuffled van der Waerden scores.
  const scores = Array.from({ length: n }, (_, i) => normalQuantile((i + 1) / (n + 1)));
  const R = Array.from({ length: n }, () => new Float64Array(k));
  const column = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    column.set(scores);
    for (let i = n - 1; i > 0; i--) {
      const m = Math.floor(random() * (i + 1));
      const swap = column[i] as number;
      column[i] = column[m] as number;
      column[m] = swap;
    }
    for (let i = 0; i < n; i++) (R[i] as Float64Array)[j] = column[i] as number;
  }

  const Q = choleskyLower(pearsonMatrix(R, k));
  if (!Q) throw new RangeError('invalid samples: the shuffled scores are collinear (add rows)');

  // R* rows = P · Q⁻¹ · r (forward substitution, then a lower-triangular product).
  const transformed = R.map((r) => {
    const y = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      const Qa = Q[a] as number[];
      let sum = r[a] as number;
      for (let b = 0; b < a; b++) sum -= (Qa[b] as number) * (y[b] as number);
      y[a] = sum / (Qa[a] as number);
    }
    const out = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      const Pa = P[a] as number[];
      let sum = 0;
      for (let b = 0; b <= a; b++) sum += (Pa[b] as number) * (y[b] as number);
      out[a] = sum;
    }
    return out;
  });

  const result = Array.from({ length: n }, () => new Array<number>(k));
  const order = new Array<number>(n);
  for (let j = 0; j < k; j++) {
    const sorted = Float64Array.from(samples, (row) => row[j] as number).sort();
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => ((transformed[a] as Float64Array)[j] as number) - ((transformed[b] as Float64Array)[j] as number) || a - b);
    for (let r = 0; r < n; r++) (result[order[r] as number] as number[])[j] = sorted[r] as number;
  }
  return result;
}

/** Validates the target correlation matrix and returns its Cholesky factor. */
function targetFactor(matrix: readonly (readonly number[])[], k: number): number[][] {
  if (!Array.isArray(matrix) || matrix.length !== k || matrix.some((row) => !Array.isArray(row) || row.length !== k)) {
    throw new RangeError(`invalid correlationMatrix: not ${k} × ${k} (expected one row and column per sample column)`);
  }
  for (let a = 0; a < k; a++) {
    const diagonal = (matrix[a] as readonly number[])[a] as number;
    if (!(Math.abs(diagonal - 1) <= MATRIX_TOLERANCE)) throw new RangeError(`invalid correlationMatrix[${a}][${a}]: ${diagonal} (expected 1)`);
    for (let b = 0; b < a; b++) {
      const value = (matrix[a] as readonly number[])[b] as number;
      const mirror = (matrix[b] as readonly number[])[a] as number;
      if (!(value >= -1 && value <= 1)) throw new RangeError(`invalid correlationMatrix[${a}][${b}]: ${value} (expected within [−1, 1])`);
      if (!(Math.abs(value - mirror) <= MATRIX_TOLERANCE)) {
        throw new RangeError(`invalid correlationMatrix[${a}][${b}]: ${value} (expected symmetric: [${b}][${a}] is ${mirror})`);
      }
    }
  }
  const P = choleskyLower(matrix);
  if (!P) throw new RangeError('invalid correlationMatrix: not positive definite (Cholesky factorisation failed; some combination of the correlations is impossible)');
  return P;
}

/** The k × k Pearson correlation matrix of the columns of rows. */
function pearsonMatrix(rows: readonly Float64Array[], k: number): number[][] {
  const n = rows.length;
  const mean = new Float64Array(k);
  for (const row of rows) for (let a = 0; a < k; a++) mean[a] = (mean[a] as number) + (row[a] as number) / n;
  const cov = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const row of rows) {
    for (let a = 0; a < k; a++) {
      const da = (row[a] as number) - (mean[a] as number);
      const ca = cov[a] as number[];
      for (let b = 0; b <= a; b++) ca[b] = (ca[b] as number) + da * ((row[b] as number) - (mean[b] as number));
    }
  }
  const corr = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let a = 0; a < k; a++) {
    for (let b = 0; b <= a; b++) {
      const value = ((cov[a] as number[])[b] as number) / Math.sqrt(((cov[a] as number[])[a] as number) * ((cov[b] as number[])[b] as number));
      (corr[a] as number[])[b] = value;
      (corr[b] as number[])[a] = value;
    }
  }
  return corr;
}
