import type { RandomSource } from '../rng/randomSource.js';

/**
 * Weights scaled to sum to 1 (a new array). Throws a RangeError if any weight is negative or
 * not finite, or if they sum to 0.
 *
 * @example
 * normalizeWeights([1, 3]); // [0.25, 0.75]
 */
export function normalizeWeights(weights: readonly number[]): number[] {
  let total = 0;
  for (const [i, w] of weights.entries()) {
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`invalid weights[${i}]: ${w} (expected a finite number ≥ 0)`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('invalid weights: they sum to 0');
  return weights.map((w) => w / total);
}

/**
 * Kish's effective sample size (Σw)² / Σw² of importance weights: the number of equally
 * weighted draws that would give an estimate of the same precision.
 *
 * Cost: O(n). Reference: Kish (1965), Survey Sampling; Liu (2001), Monte Carlo Strategies in
 * Scientific Computing, §2.5.3.
 *
 * @example
 * effectiveSampleSize([1, 1, 1, 1]); // 4
 * effectiveSampleSize([1, 0, 0, 0]); // 1
 */
export function effectiveSampleSize(weights: readonly number[]): number {
  let sum = 0;
  let sumSquares = 0;
  for (const w of weights) {
    sum += w;
    sumSquares += w * w;
  }
  return sumSquares > 0 ? (sum * sum) / sumSquares : 0;
}

/**
 * Weighted mean of each column of `samples` (rows are draws), weights normalised internally.
 *
 * @example
 * weightedMean([[0, 10], [2, 20]], [1, 3]); // [1.5, 17.5]
 */
export function weightedMean(samples: readonly (readonly number[])[], weights: readonly number[]): number[] {
  const w = normalizeWeights(weights);
  const dimension = samples[0]?.length ?? 0;
  const mean = new Array<number>(dimension).fill(0);
  for (let i = 0; i < samples.length; i++) {
    const row = samples[i] as readonly number[];
    for (let k = 0; k < dimension; k++) mean[k] = (mean[k] as number) + (w[i] as number) * (row[k] as number);
  }
  return mean;
}

/**
 * The weighted covariance matrix Σ_i w_i (θ_i − μ)(θ_i − μ)ᵀ with normalised weights (the
 * plug-in estimate Beaumont et al. 2009 double for their perturbation kernel).
 *
 * Cost: O(n·d²). Reference: Beaumont, Cornuet, Marin & Robert (2009), Biometrika 96(4):983–990.
 *
 * @example
 * weightedCovariance([[0], [2]], [1, 1]); // [[1]]
 */
export function weightedCovariance(samples: readonly (readonly number[])[], weights: readonly number[]): number[][] {
  const w = normalizeWeights(weights);
  const mean = weightedMean(samples, w);
  const d = mean.length;
  const covariance = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < samples.length; i++) {
    const row = samples[i] as readonly number[];
    const wi = w[i] as number;
    for (let a = 0; a < d; a++) {
      const da = (row[a] as number) - (mean[a] as number);
      const target = covariance[a] as number[];
      for (let b = 0; b <= a; b++) target[b] = (target[b] as number) + wi * da * ((row[b] as number) - (mean[b] as number));
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) (covariance[b] as number[])[a] = (covariance[a] as number[])[b] as number;
  return covariance;
}

/**
 * The weighted p-quantile of values: the smallest value whose cumulative normalised weight
 * reaches p (the inverse of the weighted empirical CDF; type 1 of Hyndman & Fan with weights).
 *
 * Cost: O(n log n). Reference: Hyndman & Fan (1996), The American Statistician 50(4), def. 1.
 *
 * @example
 * weightedQuantile([1, 2, 3], [1, 1, 2], 0.5); // 2
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  if (values.length === 0 || !(p >= 0 && p <= 1)) return NaN;
  const w = normalizeWeights(weights);
  const order = values.map((_, i) => i).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
  let cumulative = 0;
  for (const i of order) {
    cumulative += w[i] as number;
    if (cumulative >= p - 1e-12) return values[i] as number;
  }
  return values[order[order.length - 1] as number] as number;
}

/**
 * Index drawn with probability proportional to `cumulative` increments (a cumulative sum of
 * weights ending at the total): one uniform, binary search.
 *
 * @example
 * pickIndex([0.25, 1], () => 0.5); // 1
 */
export function pickIndex(cumulative: readonly number[], random: RandomSource): number {
  const total = cumulative[cumulative.length - 1] as number;
  const u = random() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
