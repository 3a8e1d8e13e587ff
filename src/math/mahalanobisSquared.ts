/**
 * The squared Mahalanobis distance xᵀ A⁻¹ x given A's Cholesky factor L (forward substitution).
 *
 * Cost: O(d²). Reference: P. C. Mahalanobis (1936), "On the generalised distance in statistics",
 * Proc. Natl. Inst. Sci. India 2:49–55; Golub & Van Loan (2013), Matrix Computations, 4th ed., §3.1
 * (forward substitution).
 *
 * @example
 * mahalanobisSquared([[2, 0], [1, 1]], [2, 1]); // 1 (A = [[4,2],[2,2]], x = (2,1))
 */
export function mahalanobisSquared(L: readonly (readonly number[])[], x: readonly number[]): number {
  const d = L.length;
  const y = new Array<number>(d);
  let total = 0;
  for (let i = 0; i < d; i++) {
    const Li = L[i] as readonly number[];
    let sum = x[i] as number;
    for (let k = 0; k < i; k++) sum -= (Li[k] as number) * (y[k] as number);
    const yi = sum / (Li[i] as number);
    y[i] = yi;
    total += yi * yi;
  }
  return total;
}
