import type { SensitivityProblem } from '../../math/problem.js';
import { validateProblem } from '../../math/problem.js';
import { inverseCdf } from '../../math/inverseCdf.js';

/** The largest design {@link fullFactorial} builds, to fail early on a combinatorial explosion. */
export const FULL_FACTORIAL_MAX_ROWS = 10_000_000;

/**
 * Every combination of L_j levels per input (Box, Hunter & Hunter 2005, ch. 5): L levels sit at
 * unit positions 0, 1/(L − 1), …, 1, i.e. the bounds and equally spaced quantiles between them
 * (a single level sits at the median, 0.5), mapped through each input's inverse CDF. For a
 * discrete input, give as many levels as it has values to enumerate them. Rows come in
 * lexicographic order, the last input varying fastest (like nested loops over the names).
 *
 * `levels` is one count for every input or one per input. No randomness. Throws a RangeError
 * for an invalid problem, a level count that is not an integer ≥ 1, or more than
 * {@link FULL_FACTORIAL_MAX_ROWS} rows.
 *
 * Cost: O(D · Π L_j) time and memory.
 * Reference: G. E. P. Box, J. S. Hunter & W. G. Hunter (2005), "Statistics for Experimenters",
 * 2nd ed., Wiley, ch. 5.
 *
 * @example
 * fullFactorial({ names: ['a', 'b'], bounds: [[0, 1], [10, 20]] }, [2, 3]);
 * // [[0, 10], [0, 15], [0, 20], [1, 10], [1, 15], [1, 20]]
 */
export function fullFactorial(problem: SensitivityProblem, levels: number | readonly number[]): number[][] {
  validateProblem(problem);
  const d = problem.names.length;
  const counts = typeof levels === 'number' ? new Array<number>(d).fill(levels) : [...levels];
  if (counts.length !== d) throw new RangeError(`invalid levels: ${counts.length} counts (expected one per input, ${d})`);
  counts.forEach((count, j) => {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`invalid levels[${j}]: ${count} (expected an integer ≥ 1)`);
  });
  const total = counts.reduce((product, count) => product * count, 1);
  if (total > FULL_FACTORIAL_MAX_ROWS) throw new RangeError(`invalid levels: ${total} rows (expected at most ${FULL_FACTORIAL_MAX_ROWS})`);
  const values = counts.map((count, j) => {
    const map = inverseCdf(problem.distributions?.[j], problem.bounds[j] as readonly [number, number]);
    return Array.from({ length: count }, (_, k) => map(count === 1 ? 0.5 : k / (count - 1)));
  });
  const rows: number[][] = [];
  const index = new Array<number>(d).fill(0);
  for (let r = 0; r < total; r++) {
    rows.push(index.map((k, j) => (values[j] as number[])[k] as number));
    for (let j = d - 1; j >= 0; j--) {
      index[j] = (index[j] as number) + 1;
      if ((index[j] as number) < (counts[j] as number)) break;
      index[j] = 0;
    }
  }
  return rows;
}
