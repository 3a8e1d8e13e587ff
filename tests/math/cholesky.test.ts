import { describe, expect, it } from 'vitest';
import { cholesky, choleskyLower, mahalanobisSquared } from '../../src/math/index.js';

/** L·Lᵀ. */
function multiplyByTranspose(L: readonly (readonly number[])[]): number[][] {
  return L.map((row) => L.map((other) => row.reduce((sum, v, k) => sum + v * (other[k] as number), 0)));
}

// A 3 × 3 symmetric positive-definite matrix and its exact Cholesky factor (Golub & Van Loan
// 2013, §4.2: the factor of [[4, 12, −16], [12, 37, −43], [−16, −43, 98]] is
// [[2, 0, 0], [6, 1, 0], [−8, 5, 3]]).
const A = [
  [4, 12, -16],
  [12, 37, -43],
  [-16, -43, 98],
];
const L = [
  [2, 0, 0],
  [6, 1, 0],
  [-8, 5, 3],
];

describe('choleskyLower', () => {
  it('choleskyLower gives the exact factor of a textbook matrix, lower-triangular', () => {
    expect(choleskyLower(A)).toEqual(L);
  });

  it('choleskyLower reports an indefinite or singular matrix as undefined instead of repairing it', () => {
    expect(choleskyLower([[1, 2], [2, 1]])).toBeUndefined();
    expect(choleskyLower([[1, 1], [1, 1]])).toBeUndefined();
    expect(choleskyLower([[NaN]])).toBeUndefined();
  });
});

describe('cholesky', () => {
  it('cholesky equals choleskyLower when the matrix is positive definite (no jitter)', () => {
    expect(cholesky(A)).toEqual(L);
  });

  it('cholesky repairs a singular covariance with a tiny diagonal jitter, and L·Lᵀ stays within 1e-9 of it', () => {
    const singular = [
      [1, 1],
      [1, 1],
    ];
    const factor = cholesky(singular);
    const back = multiplyByTranspose(factor);
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(Math.abs((back[i]?.[j] as number) - (singular[i]?.[j] as number))).toBeLessThan(1e-9);
  });

  it('cholesky throws a RangeError for a matrix that no small jitter can make positive definite', () => {
    expect(() => cholesky([[1, 2], [2, 1]])).toThrow(RangeError);
  });
});

describe('mahalanobisSquared', () => {
  it('mahalanobisSquared equals xᵀA⁻¹x computed from the explicit inverse', () => {
    // A = [[4, 2], [2, 2]], A⁻¹ = [[0.5, −0.5], [−0.5, 1]].
    const factor = choleskyLower([[4, 2], [2, 2]]) as number[][];
    for (const [x, y] of [[2, 1], [1, -3], [0.5, 0.25]] as const) {
      const direct = 0.5 * x * x - x * y + y * y;
      expect(Math.abs(mahalanobisSquared(factor, [x, y]) - direct)).toBeLessThan(1e-14);
    }
  });

  it('mahalanobisSquared with the identity factor is the squared Euclidean norm', () => {
    expect(mahalanobisSquared([[1, 0, 0], [0, 1, 0], [0, 0, 1]], [1, 2, 2])).toBe(9);
  });
});
