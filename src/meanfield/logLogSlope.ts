/** What {@link logLogSlope} returns: the fitted power law y ≈ e^intercept · x^slope. */
export interface LogLogFit {
  readonly slope: number;
  readonly intercept: number;
  /**
   * Standard error of the slope propagated from the given standard errors of ln y (errors in
   * different points taken as independent); NaN when none were given.
   */
  readonly slopeStandardError: number;
}

/**
 * Ordinary least-squares fit of ln y on ln x, i.e. the exponent of a power law y ∝ x^slope, as
 * used to measure a convergence rate (an RMS error against N should give slope −1/2; a global
 * error against step length, the method's order). With `logStandardErrors` (the standard error of
 * each ln y, e.g. by the delta method from replications) it also returns the slope's standard
 * error, Var(slope) = Σ (u_i − ū)² σ_i² / (Σ (u_i − ū)²)² with u = ln x (the OLS weights applied to
 * independent errors; e.g. Draper & Smith, "Applied Regression Analysis", 3rd ed. 1998, §1.4).
 *
 * Cost: O(points).
 *
 * @example
 * logLogSlope([100, 400, 1600], [0.1, 0.05, 0.025]).slope; // -0.5000000000000001 (y ∝ x^(−1/2))
 */
export function logLogSlope(x: readonly number[], y: readonly number[], logStandardErrors?: readonly number[]): LogLogFit {
  if (x.length !== y.length || x.length < 2) throw new RangeError(`invalid points: ${x.length} x and ${y.length} y (expected the same count, ≥ 2)`);
  if (logStandardErrors && logStandardErrors.length !== x.length) {
    throw new RangeError(`invalid logStandardErrors: ${logStandardErrors.length} values for ${x.length} points`);
  }
  x.forEach((value, i) => {
    if (!(value > 0) || !((y[i] as number) > 0)) throw new RangeError(`invalid point ${i}: (${value}, ${y[i]}) (expected both > 0)`);
  });
  const u = x.map(Math.log);
  const v = y.map(Math.log);
  const meanU = u.reduce((sum, value) => sum + value, 0) / u.length;
  const meanV = v.reduce((sum, value) => sum + value, 0) / v.length;
  let sxx = 0;
  let sxy = 0;
  u.forEach((value, i) => {
    sxx += (value - meanU) ** 2;
    sxy += (value - meanU) * ((v[i] as number) - meanV);
  });
  if (!(sxx > 0)) throw new RangeError('invalid x: all points have the same x');
  const slope = sxy / sxx;
  let variance = NaN;
  if (logStandardErrors) {
    variance = 0;
    u.forEach((value, i) => {
      variance += (value - meanU) ** 2 * (logStandardErrors[i] as number) ** 2;
    });
    variance /= sxx * sxx;
  }
  return { slope, intercept: meanV - slope * meanU, slopeStandardError: Math.sqrt(variance) };
}
