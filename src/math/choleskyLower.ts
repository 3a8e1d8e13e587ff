/**
 * The lower-triangular Cholesky factor L of a symmetric matrix A = L·Lᵀ, or undefined when A is
 * not (numerically) positive definite: a pivot ≤ 0 or NaN. No jitter is added, so a singular
 * matrix is reported rather than silently repaired. Only the lower triangle of A is read.
 *
 * Cost: O(d³/3). Reference: G. H. Golub & C. F. Van Loan (2013), "Matrix Computations", 4th ed.,
 * Algorithm 4.2.1 (Cholesky–Banachiewicz, row by row).
 *
 * @example
 * choleskyLower([[4, 2], [2, 2]]); // [[2, 0], [1, 1]]
 * choleskyLower([[1, 2], [2, 1]]); // undefined (eigenvalues 3 and −1)
 */
export function choleskyLower(matrix: readonly (readonly number[])[]): number[][] | undefined {
  const d = matrix.length;
  const L = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    const Li = L[i] as number[];
    for (let j = 0; j <= i; j++) {
      const Lj = L[j] as number[];
      let sum = (matrix[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= (Li[k] as number) * (Lj[k] as number);
      if (i === j) {
        if (!(sum > 0)) return undefined;
        Li[i] = Math.sqrt(sum);
      } else {
        Li[j] = sum / (Lj[j] as number);
      }
    }
  }
  return L;
}
