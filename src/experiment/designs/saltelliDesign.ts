import type { SensitivityProblem } from '../../math/problem.js';
import { validateProblem } from '../../math/problem.js';
import { scaleToProblem } from './scaleToProblem.js';
import { sobolSequence } from './sobolSequence.js';
import { SOBOL_MAX_DIMENSIONS } from './sobolDirectionNumbers.js';

/** Options of {@link saltelliDesign}. */
export interface SaltelliDesignOptions {
  /** Also build the BA_i rows needed for second-order indices (default true, as SALib). */
  readonly secondOrder?: boolean;
  /**
   * Sobol' points to skip (default max(n, 16), SALib's `saltelli.sample` convention since 1.4.6:
   * the next power of two ≥ n, and at least 16). Must be 0 or a multiple of n, so that the n
   * base points are a whole block of the sequence, a (t, m, s)-net.
   */
  readonly skip?: number;
}

/** True for 1, 2, 4, 8, … */
function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0 && n <= 2 ** 30;
}

/**
 * Sobol' points SALib's `saltelli.sample(problem, n)` skips when `skip_values` is not given:
 * the next power of two ≥ n, and at least 16 (SALib 1.4.6–1.5.1, `SALib/sample/saltelli.py`).
 * For the powers of two that {@link saltelliDesign} accepts this is max(n, 16).
 *
 * Cost: O(1).
 * Reference: J. Herman & W. Usher (2017), "SALib", JOSS 2(9):97; A. B. Owen (2020), "On dropping
 * the first Sobol' point", arXiv:2008.08051 (why skip a power of two ≥ n).
 *
 * @example
 * saltelliDefaultSkip(4);    // 16
 * saltelliDefaultSkip(1024); // 1024
 */
export function saltelliDefaultSkip(n: number): number {
  return Math.max(2 ** Math.ceil(Math.log2(n)), 16);
}

/**
 * The Saltelli sampling design for Sobol' indices, laid out exactly as SALib's
 * `saltelli.sample(problem, n, calc_second_order)`: a Sobol' sequence of 2D dimensions gives
 * base matrices A (its first D columns) and B (its last D); then for each base row i the block
 *
 *   A_i, AB_1,i … AB_D,i, [BA_1,i … BA_D,i,] B_i
 *
 * where AB_j is A with column j taken from B, and BA_j is B with column j taken from A (only
 * with `secondOrder`). So the design has n·(2D + 2) rows with second order and n·(D + 2)
 * without, each mapped to the problem's scale through its inverse CDFs. Evaluate the model on
 * every row, in order, and pass the outputs to `sobolIndices`.
 *
 * No randomness: the design is a deterministic quasi-random set. Throws a RangeError when n is
 * not a power of two (Sobol' points keep their balance only in blocks of 2^m; the message names
 * the nearest powers), when skip is not 0 or a multiple of n, when 2D exceeds the 512 Sobol'
 * dimensions embedded, or for an invalid problem.
 *
 * Cost: O(n · D²) time and memory.
 * References: A. Saltelli (2002), "Making best use of model evaluations to compute sensitivity
 * indices", Comput. Phys. Commun. 145:280–297 (the BA_i rows, §3); A. Saltelli et al. (2010),
 * "Variance based sensitivity analysis of model output. Design and estimator for the total
 * sensitivity index", Comput. Phys. Commun. 181:259–270 (A, B, AB_i, Table 1); J. Herman &
 * W. Usher (2017), "SALib", JOSS 2(9):97.
 *
 * @example
 * const design = saltelliDesign({ names: ['x', 'y'], bounds: [[0, 1], [0, 10]] }, 4, { secondOrder: false });
 * design.length; // 16 (= 4 · (2 + 2))
 * design[0];     // [0.09375, 4.6875] (A: Sobol' point 16 — the first after SALib's skip of max(4, 16) — dimensions 1–2)
 * design[3];     // [0.46875, 6.5625] (B: dimensions 3–4 of the same point)
 */
export function saltelliDesign(problem: SensitivityProblem, n: number, options: SaltelliDesignOptions = {}): number[][] {
  validateProblem(problem);
  const secondOrder = options.secondOrder ?? true;
  if (!isPowerOfTwo(n) || n < 2) {
    const below = 2 ** Math.floor(Math.log2(Math.max(2, n)));
    const above = below * 2;
    throw new RangeError(
      `invalid n: ${n} (expected a power of two ≥ 2, e.g. ${below} or ${above}; Sobol' points are balanced only in blocks of 2^m)`,
    );
  }
  const skip = options.skip ?? saltelliDefaultSkip(n);
  if (!Number.isInteger(skip) || skip < 0 || skip % n !== 0) {
    throw new RangeError(`invalid skip: ${skip} (expected 0 or a multiple of n = ${n}, so the base points are a whole block of the sequence)`);
  }
  const d = problem.names.length;
  if (2 * d > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`invalid problem.names: ${d} inputs (expected at most ${SOBOL_MAX_DIMENSIONS / 2}: the design needs 2 Sobol' dimensions per input)`);
  }
  const base = sobolSequence(2 * d, n, { skip });
  const unit: number[][] = [];
  for (const point of base) {
    const a = point.slice(0, d);
    const b = point.slice(d);
    unit.push(a);
    for (let j = 0; j < d; j++) {
      const ab = a.slice();
      ab[j] = b[j] as number;
      unit.push(ab);
    }
    if (secondOrder) {
      for (let j = 0; j < d; j++) {
        const ba = b.slice();
        ba[j] = a[j] as number;
        unit.push(ba);
      }
    }
    unit.push(b);
  }
  return scaleToProblem(problem, unit);
}
