/** A Kaplan–Meier curve on whole months 0..months−1; see {@link survivalCurve}. */
export interface SurvivalCurve {
  /** The months 0, 1, …, months − 1. */
  month: number[];
  /** survival[m]: estimated probability of no event by the end of month m. */
  survival: number[];
  /** atRisk[m]: runs with no event before month m (all of them are still observed in month m). */
  atRisk: number[];
  /** events[m]: runs whose first event is in month m. */
  events: number[];
  /** Greenwood's estimate of the variance of survival[m] (0 once survival reaches 0). */
  greenwoodVariance: number[];
}

/**
 * The Kaplan–Meier estimate of the survival function for a time-to-first-event outcome on a
 * monthly grid. Each run contributes the month of its first event (an integer ≥ 0), or null if it
 * had none within the horizon; a month ≥ `months` is outside the horizon and also counts as no
 * event. Because every censoring happens at the horizon, the product S(m) = Π_{j ≤ m} (1 − d_j/n_j)
 * telescopes to n_{m+1}/n, the share of runs with no event by the end of month m, which is what
 * is returned (exactly rounded, with no accumulated product error). The Greenwood variance
 * S(m)² Σ_{j ≤ m} d_j / (n_j (n_j − d_j)) comes out of the same pass.
 *
 * With no runs, survival and its variance are NaN. Throws a RangeError for a month that is not
 * an integer ≥ 0 or for `months` that is not an integer ≥ 0. The input is not modified.
 *
 * Cost: O(n + months). Reference: E. L. Kaplan & P. Meier (1958), "Nonparametric estimation
 * from incomplete observations", JASA 53:457–481; M. Greenwood (1926), "The natural duration of
 * cancer", Reports on Public Health and Medical Subjects 33.
 *
 * @example
 * survivalCurve([0, 1, 1, null], 3).survival; // [0.75, 0.25, 0.25]
 */
export function survivalCurve(firstMonths: readonly (number | null)[], months: number): SurvivalCurve {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`invalid months: ${months}`);
  const events = new Array<number>(months).fill(0);
  for (const m of firstMonths) {
    if (m === null) continue;
    if (!Number.isInteger(m) || m < 0) throw new RangeError(`invalid first month: ${m}`);
    if (m < months) events[m]! += 1;
  }
  const month: number[] = [];
  const survival: number[] = [];
  const atRisk: number[] = [];
  const greenwoodVariance: number[] = [];
  const total = firstMonths.length;
  let risk = total;
  let greenwoodSum = 0;
  for (let m = 0; m < months; m++) {
    const d = events[m] as number;
    if (d < risk) greenwoodSum += d / (risk * (risk - d));
    const s = (risk - d) / total; // NaN when there are no runs
    month.push(m);
    survival.push(s);
    atRisk.push(risk);
    greenwoodVariance.push(s === 0 ? 0 : s * s * greenwoodSum);
    risk -= d;
  }
  return { month, survival, atRisk, events, greenwoodVariance };
}

/**
 * The median survival month of a Kaplan–Meier curve: the first month whose survival is ≤ 0.5,
 * or null if survival stays above 0.5 (or is NaN) throughout.
 *
 * Cost: O(months). Reference: the usual Kaplan–Meier median, e.g. J. P. Klein &
 * M. L. Moeschberger (2003), Survival Analysis, 2nd ed., §4.5.
 *
 * @example
 * medianSurvivalMonth(survivalCurve([0, 1, 1, null], 3)); // 1
 */
export function medianSurvivalMonth(curve: Pick<SurvivalCurve, 'month' | 'survival'>): number | null {
  for (let i = 0; i < curve.survival.length; i++) {
    if ((curve.survival[i] as number) <= 0.5) return curve.month[i] ?? null;
  }
  return null;
}
