import { choleskyLower } from './choleskyLower.js';

/**
 * The lower-triangular Cholesky factor L of a symmetric positive-definite matrix A = L·Lᵀ.
 * When A is only semi-definite (a degenerate population), a jitter of 1e-12 · (trace/d + 1)
 * times a growing power of ten is added to the diagonal until the factorisation succeeds.
 *
 * Cost: O(d³). Reference: Golub & Van Loan (2013), Matrix Computations, 4th ed., Alg. 4.2.1.
 *
 * @example
 * cholesky([[4, 2], [2, 2]]); // [[2, 0], [1, 1]]
 */
export function cholesky(matrix: readonly (readonly number[])[]): number[][] {
  const d = matrix.length;
  let trace = 0;
  for (let i = 0; i < d; i++) trace += Math.abs((matrix[i] as readonly number[])[i] as number);
  for (let attempt = 0; attempt < 12; attempt++) {
    const jitter = attempt === 0 ? 0 : 1e-12 * (trace / Math.max(1, d) + 1) * 10 ** attempt;
    const factor = tryCholesky(matrix, jitter);
    if (factor) return factor;
  }
  throw new RangeError('invalid covariance: not positive definite even with jitter');
}

/** The Cholesky factor of matrix + jitter·I (undefined when that is not positive definite). */
function tryCholesky(matrix: readonly (readonly number[])[], jitter: number): number[][] | undefined {
  if (jitter === 0) return choleskyLower(matrix);
  return choleskyLower(matrix.map((row, i) => row.map((value, j) => (i === j ? value + jitter : value))));
}
