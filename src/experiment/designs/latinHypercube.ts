import type { RandomSource } from '../../rng/randomSource.js';
import type { SensitivityProblem } from '../../math/problem.js';
import { validateProblem } from '../../math/problem.js';
import { inverseCdf } from '../../math/inverseCdf.js';

/**
 * A Latin hypercube sample of n points: each input's range is cut into n strata of equal
 * probability and every stratum holds exactly one point, at a uniform position within it
 * (McKay, Beckman & Conover 1979). Input by input, in the problem's order, the strata are
 * shuffled with a Fisher–Yates shuffle (n − 1 draws) and then jittered (n draws):
 * u_ij = (π_j(i) + U_ij) / n, mapped through the input's inverse CDF, so the stratification
 * holds in probability for any distribution.
 *
 * Randomness comes only from `random`; the same source state gives the same design bit for
 * bit. Throws a RangeError for an invalid problem or n that is not an integer ≥ 1.
 *
 * Cost: O(n · D) time and memory, 2n − 1 draws per input.
 * References: M. D. McKay, R. J. Beckman & W. J. Conover (1979), "A comparison of three methods
 * for selecting values of input variables in the analysis of output from a computer code",
 * Technometrics 21(2):239–245; R. Durstenfeld (1964), "Algorithm 235: Random permutation",
 * CACM 7(7):420.
 *
 * @example
 * const design = latinHypercube({ names: ['x'], bounds: [[0, 1]] }, 4, createRunStream(1, 0, 'lhs'));
 * design.map((row) => Math.floor(row[0] * 4)).sort(); // [0, 1, 2, 3]: one point per quarter
 */
export function latinHypercube(problem: SensitivityProblem, n: number, random: RandomSource): number[][] {
  validateProblem(problem);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`invalid n: ${n} (expected an integer ≥ 1)`);
  if (typeof random !== 'function') throw new TypeError(`invalid random: ${String(random)} (expected a RandomSource function)`);
  const d = problem.names.length;
  const rows = Array.from({ length: n }, () => new Array<number>(d));
  const strata = new Int32Array(n);
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) strata[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(random() * (i + 1));
      const swap = strata[i] as number;
      strata[i] = strata[k] as number;
      strata[k] = swap;
    }
    const map = inverseCdf(problem.distributions?.[j], problem.bounds[j] as readonly [number, number]);
    for (let i = 0; i < n; i++) (rows[i] as number[])[j] = map(((strata[i] as number) + random()) / n);
  }
  return rows;
}
