import { createRunStream } from '../../rng/createRunStream.js';
import type { SensitivityProblem } from '../../math/problem.js';
import type { SobolIndices, SobolIndicesOptions } from './sobolIndices.js';
import { sobolBootstrapResamples, sobolIndices } from './sobolIndices.js';

/**
 * Sobol' indices of a time-series output, one result per month: Y has one row per run of a
 * `saltelliDesign` (in its order) and one column per month, and month m's result is
 * {@link sobolIndices} of column m. One bootstrap (the same resampled base rows) serves every
 * month, so the intervals of different months are comparable and a month's result does not
 * depend on how many months there are. A month whose output is the same in every run comes
 * back with NaN indices and `constant: true` (month 0 often is, when it is the initial state).
 *
 * Options are those of {@link sobolIndices}. Throws a RangeError when the rows do not all have
 * the same number of months, or as {@link sobolIndices} does.
 *
 * Cost: O(months · (bootstrap + 1) · n · D) (plus O(D²) per resample with second order).
 * References: as {@link sobolIndices}; indices computed time step by time step, and their
 * limits for dynamic models: M. Lamboni, H. Monod & D. Makowski (2011), "Multivariate
 * sensitivity analysis to measure global contribution of input factors in dynamic models",
 * Reliab. Eng. Syst. Saf. 96:450–459.
 *
 * @example
 * const runs = saltelliDesign(problem, 256).map((inputs) => simulateMonths(inputs)); // runs × months
 * const perMonth = sobolIndicesByMonth(runs, problem, 256);
 * perMonth[11].ST; // total-order indices of month 11's output
 */
export function sobolIndicesByMonth(
  Y: readonly (ArrayLike<number>)[],
  problem: SensitivityProblem,
  n: number,
  options: SobolIndicesOptions = {},
): SobolIndices[] {
  if (Y.length === 0) throw new RangeError('invalid Y: 0 runs (expected one row per design row)');
  const months = (Y[0] as ArrayLike<number>).length;
  Y.forEach((row, i) => {
    if (row.length !== months) throw new RangeError(`invalid Y[${i}]: ${row.length} months (expected ${months}, as run 0)`);
  });
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`invalid n: ${n} (expected an integer ≥ 1)`);
  const resamples = options.resamples
    ?? sobolBootstrapResamples(n, options.bootstrap ?? 100, options.random ?? createRunStream('sobolIndices', 0, 'bootstrap'));
  const column = new Float64Array(Y.length);
  const results: SobolIndices[] = [];
  for (let m = 0; m < months; m++) {
    for (let i = 0; i < Y.length; i++) column[i] = (Y[i] as ArrayLike<number>)[m] as number;
    results.push(sobolIndices(column, problem, n, { ...options, resamples }));
  }
  return results;
}
