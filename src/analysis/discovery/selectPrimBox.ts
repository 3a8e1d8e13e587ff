import { AnalysisInputError } from '../attribution/analysisInputError.js';
import type { PrimStep } from './primTypes.js';

/** Which box {@link selectPrimBox} picks among those meeting the constraints. */
export interface PrimSelection {
  /** Keep only boxes with coverage ≥ this. Default 0. */
  readonly minCoverage?: number;
  /** Keep only boxes with density ≥ this. Default 0. */
  readonly minDensity?: number;
  /** Keep only boxes restricting at most this many dimensions. Default Infinity. */
  readonly maxRestricted?: number;
  /**
   * 'max-density' (default): the densest box; ties go to the higher coverage, then the earlier
   * box. 'max-coverage': the box with the highest coverage; ties go to the higher density, then
   * the earlier box.
   */
  readonly select?: 'max-density' | 'max-coverage';
}

/**
 * Picks a box on a peeling or pasting trajectory by the usual scenario-discovery rule: the
 * densest box whose coverage is at least c (or, with `select: 'max-coverage'`, the box with the
 * largest coverage whose density reaches a target), optionally with few restricted dimensions
 * for interpretability (Bryant & Lempert 2010, §3: coverage, density, interpretability).
 * Returns the index in `trajectory`, or null if no box meets the constraints.
 *
 * Throws an {@link AnalysisInputError} for constraints outside [0, 1] (or a negative
 * maxRestricted) or an unknown `select`.
 *
 * Cost: O(trajectory length). Reference: B. P. Bryant & R. J. Lempert (2010), "Thinking inside
 * the box: A participatory, computer-assisted approach to scenario discovery", Technological
 * Forecasting & Social Change 77:34–49.
 *
 * @example
 * // the synthetic box of primBoxStatistics' example (3,000 rows, 2% noise, seed 1)
 * selectPrimBox(result.trajectory, { minCoverage: 0.8 });                           // 38
 * selectPrimBox(result.trajectory, { minDensity: 0.8, select: 'max-coverage' });   // 34
 */
export function selectPrimBox(trajectory: readonly PrimStep[], selection: PrimSelection = {}): number | null {
  const minCoverage = selection.minCoverage ?? 0;
  const minDensity = selection.minDensity ?? 0;
  const maxRestricted = selection.maxRestricted ?? Infinity;
  const select = selection.select ?? 'max-density';
  if (!(minCoverage >= 0 && minCoverage <= 1)) throw new AnalysisInputError('range', ['minCoverage'], '0 ≤ minCoverage ≤ 1', minCoverage);
  if (!(minDensity >= 0 && minDensity <= 1)) throw new AnalysisInputError('range', ['minDensity'], '0 ≤ minDensity ≤ 1', minDensity);
  if (!(maxRestricted >= 0)) throw new AnalysisInputError('range', ['maxRestricted'], 'a number ≥ 0', maxRestricted);
  if (select !== 'max-density' && select !== 'max-coverage') {
    throw new AnalysisInputError('range', ['select'], "'max-density' or 'max-coverage'", select);
  }
  const [primary, secondary] = select === 'max-density' ? (['density', 'coverage'] as const) : (['coverage', 'density'] as const);
  let best: PrimStep | undefined;
  for (const step of trajectory) {
    if (step.coverage < minCoverage || step.density < minDensity || step.restrictedDimensions > maxRestricted) continue;
    if (best === undefined || step[primary] > best[primary] || (step[primary] === best[primary] && step[secondary] > best[secondary])) best = step;
  }
  return best === undefined ? null : trajectory.indexOf(best);
}
