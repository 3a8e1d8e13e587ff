import { normalQuantile } from '../../math/normalQuantile.js';
import { studentTQuantile } from '../../math/studentTQuantile.js';

/** A point estimate with its standard error and a two-sided confidence interval. */
export interface IntervalEstimate {
  readonly value: number;
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
}

/** How an interval's critical value is chosen: Student t with n − 1 degrees of freedom, or normal. */
export type IntervalMethod = 't' | 'normal';

/**
 * The critical value q of a two-sided interval value ± q·standardError at `confidence`:
 * Student t quantile t_{ν, 1 − (1 − c)/2} for 't' (ν = degreesOfFreedom), else Φ⁻¹(1 − (1 − c)/2).
 *
 * Cost: O(1) for 'normal', about 100 incomplete beta evaluations for 't'.
 * Reference: W. S. Gosset ("Student", 1908), Biometrika 6:1–25.
 *
 * @example
 * criticalValue(0.95, 'normal', 10); // 1.959963984540054
 * criticalValue(0.95, 't', 10);      // 2.228138851986274
 */
export function criticalValue(confidence: number, method: IntervalMethod, degreesOfFreedom: number): number {
  const p = 1 - (1 - confidence) / 2;
  return method === 't' ? studentTQuantile(p, degreesOfFreedom) : normalQuantile(p);
}

/**
 * value ± q·standardError as an {@link IntervalEstimate}; a zero standard error gives the point
 * interval [value, value].
 *
 * @example
 * intervalEstimate(1, 0.5, 2); // { value: 1, standardError: 0.5, lower: 0, upper: 2 }
 */
export function intervalEstimate(value: number, standardError: number, critical: number): IntervalEstimate {
  const half = standardError === 0 ? 0 : critical * standardError;
  return { value, standardError, lower: value - half, upper: value + half };
}
