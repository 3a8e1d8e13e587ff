import { quantileSorted } from '../../math/quantile.js';

/** Robustness of one policy on one objective, over the shared futures. */
export interface RobustnessMetrics {
  /** Mean over futures (an event: its probability). */
  readonly mean: number;
  /** The high quantile over futures (worst side: upper for a minimised objective, lower for a maximised one). */
  readonly quantile: number;
  /** Mean over futures of the regret: how much worse than the best policy of the set in that future. */
  readonly meanRegret: number;
  /** Maximum regret over futures (minimax regret ranks policies by this; Savage 1951). */
  readonly maxRegret: number;
  /** Share of futures meeting the threshold (NaN without one). */
  readonly satisficing: number;
}

/** Options of {@link robustnessMetrics}. */
export interface RobustnessOptions {
  /** Default 'minimize'. */
  readonly direction?: 'minimize' | 'maximize';
  /** The high quantile. Default 0.9. */
  readonly quantile?: number;
  /** Satisficing threshold: a future meets it when value ≤ threshold (≥ when maximised). */
  readonly threshold?: number;
}

/**
 * Robustness metrics of a set of policies on one objective, from their values in the same
 * futures (`values[policy][future]`, paired: future i is run index i for every policy), as in
 * many-objective robust decision making (Kasprzyk, Nataraj, Reed & Lempert 2013, "Many objective
 * robust decision making for complex environmental systems undergoing change", EMS 42:55–71;
 * McPhail et al. 2018, "Robustness metrics: how are they calculated, when should they be used and
 * why do they give different results?", Earth's Future 6:169–191): the mean, a high quantile, the
 * regret against the best policy of the set in each future (mean and maximum — the minimax-regret
 * criterion of Savage 1951), and the satisficing share of futures meeting a threshold (Starr
 * 1963). Regret is relative to the set: adding a policy can raise every other policy's regret.
 *
 * Cost: O(policies · futures · log futures).
 *
 * @example
 * robustnessMetrics([Float64Array.of(1, 0), Float64Array.of(0, 0)], { threshold: 0 });
 * // [{ mean: 0.5, …, meanRegret: 0.5, maxRegret: 1, satisficing: 0.5 }, { mean: 0, …, maxRegret: 0, satisficing: 1 }]
 */
export function robustnessMetrics(values: readonly Float64Array[], options: RobustnessOptions = {}): RobustnessMetrics[] {
  const sign = options.direction === 'maximize' ? -1 : 1;
  const q = options.quantile ?? 0.9;
  if (!(q > 0 && q < 1)) throw new RangeError(`invalid quantile: ${q} (expected 0 < q < 1)`);
  if (values.length === 0) return [];
  const n = (values[0] as Float64Array).length;
  if (n === 0 || values.some((v) => v.length !== n)) throw new RangeError(`invalid values: every policy needs the same number (≥ 1) of futures`);
  const best = new Float64Array(n).fill(Infinity);
  for (const v of values) for (let i = 0; i < n; i++) best[i] = Math.min(best[i] as number, sign * (v[i] as number));
  return values.map((v) => {
    let sum = 0;
    let regretSum = 0;
    let maxRegret = 0;
    let met = 0;
    for (let i = 0; i < n; i++) {
      const x = v[i] as number;
      sum += x;
      const regret = sign * x - (best[i] as number);
      regretSum += regret;
      if (regret > maxRegret) maxRegret = regret;
      if (options.threshold !== undefined && sign * x <= sign * options.threshold) met++;
    }
    const sorted = Float64Array.from(v).sort();
    return {
      mean: sum / n,
      quantile: quantileSorted(sorted, sign > 0 ? q : 1 - q),
      meanRegret: regretSum / n,
      maxRegret,
      satisficing: options.threshold === undefined ? Number.NaN : met / n,
    };
  });
}

/**
 * How much pairing (common random numbers) cuts the variance of a difference between two
 * policies' outcomes: (Var a + Var b) / Var(b − a) over the same futures. Above 1, paired
 * comparison needs that many times fewer runs than independent arms for the same precision.
 * NaN when the difference never varies.
 *
 * Cost: O(futures).
 *
 * @example
 * pairedVarianceRatio(Float64Array.of(1, 2, 3, 4), Float64Array.of(1.5, 2.5, 3.5, 4.5)); // NaN (b − a is constant)
 */
export function pairedVarianceRatio(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  const variance = (f: (i: number) => number): number => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += f(i);
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (f(i) - mean) ** 2;
    return ss / Math.max(1, n - 1);
  };
  const paired = variance((i) => (b[i] as number) - (a[i] as number));
  if (paired === 0) return Number.NaN;
  return (variance((i) => a[i] as number) + variance((i) => b[i] as number)) / paired;
}
