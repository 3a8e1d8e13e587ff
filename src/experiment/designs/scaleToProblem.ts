import { inverseCdf } from '../../math/inverseCdf.js';
import type { SensitivityProblem } from '../../math/problem.js';
import { validateProblem } from '../../math/problem.js';

/**
 * Maps unit-cube points to input values: coordinate j of every row goes through input j's
 * inverse CDF ({@link inverseCdf}; uniform on its bounds unless the problem gives a
 * distribution). This is SALib's `scale_samples` generalised to non-uniform inputs. Returns new
 * rows; the input is not modified. Throws a RangeError for an invalid problem or a row whose
 * length differs from the number of inputs.
 *
 * Cost: O(rows · inputs).
 *
 * @example
 * scaleToProblem({ names: ['a', 'b'], bounds: [[0, 10], [-1, 1]] }, [[0.5, 0.25]]);
 * // [[5, -0.5]]
 */
export function scaleToProblem(problem: SensitivityProblem, unitPoints: readonly (ArrayLike<number>)[]): number[][] {
  validateProblem(problem);
  const d = problem.names.length;
  const maps = problem.bounds.map((range, j) => inverseCdf(problem.distributions?.[j], range));
  return unitPoints.map((row, i) => {
    if (row.length !== d) throw new RangeError(`invalid unitPoints[${i}]: ${row.length} coordinates (expected ${d}, one per input)`);
    const out = new Array<number>(d);
    for (let j = 0; j < d; j++) out[j] = (maps[j] as (u: number) => number)(row[j] as number);
    return out;
  });
}
