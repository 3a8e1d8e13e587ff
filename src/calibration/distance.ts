import { quantileSorted } from '../math/quantile.js';

/**
 * An observed summary statistic: a number, or an interval [low, high] when the source gives a
 * range (e.g. "14,000–18,000 members") or a bound (e.g. "up to $300M": [0, 300]). A summary
 * inside an interval is at distance 0 from it.
 */
export type ObservedValue = number | readonly [number, number];

/** A distance between one simulated summary vector and the observed one. */
export type Distance = (summary: readonly number[]) => number;

/**
 * Builds the distance once the prior-predictive reference summaries are known (simulated from
 * prior draws, as the first step of every ABC run), so that it can scale each summary.
 */
export type DistanceFactory = (reference: readonly (readonly number[])[], observed: readonly ObservedValue[]) => ScaledDistance;

/** A distance together with the scale it gave each summary (for output and for checks). */
export interface ScaledDistance {
  readonly distance: Distance;
  readonly scales: readonly number[];
}

/** Options of {@link madScaledEuclidean}. */
export interface MadScaledEuclideanOptions {
  /** Relative weight of each summary (default 1 each). A weight of 0 drops the summary. */
  readonly weights?: readonly number[];
  /** Fixed scales instead of the prior-predictive MAD (for tests and comparisons). */
  readonly scales?: readonly number[];
}

/** Consistency factor of the MAD for the normal distribution: 1 / Φ⁻¹(3/4). */
const MAD_NORMAL_CONSISTENCY = 1.482602218505602;

/**
 * The scaled median absolute deviation: 1.4826 · median |x − median x|, a robust estimate of a
 * standard deviation (equal to σ for normal data). Falls back to the standard deviation when
 * more than half the values are equal (MAD = 0), and to 1 when all are equal, so that the
 * scale is always positive. NaN values are ignored.
 *
 * Cost: O(n log n). Reference: Hampel (1974), JASA 69:383–393; Rousseeuw & Croux (1993),
 * JASA 88:1273–1283.
 *
 * @example
 * medianAbsoluteDeviation([1, 2, 3, 4, 100]); // 1.482602218505602 (median 3, deviations 2,1,0,1,97)
 * medianAbsoluteDeviation([5, 5, 5]);         // 1 (all equal: fallback)
 */
export function medianAbsoluteDeviation(values: ArrayLike<number>): number {
  const finite = Float64Array.from(Array.from(values).filter((x) => !Number.isNaN(x))).sort();
  if (finite.length === 0) return 1;
  const median = quantileSorted(finite, 0.5);
  const deviations = finite.map((x) => Math.abs(x - median)).sort();
  const mad = MAD_NORMAL_CONSISTENCY * quantileSorted(deviations, 0.5);
  if (mad > 0 && Number.isFinite(mad)) return mad;
  let mean = 0;
  for (const x of finite) mean += x / finite.length;
  let sumSquares = 0;
  for (const x of finite) sumSquares += (x - mean) ** 2;
  const sd = finite.length > 1 ? Math.sqrt(sumSquares / (finite.length - 1)) : 0;
  return sd > 0 && Number.isFinite(sd) ? sd : 1;
}

/**
 * The weighted Euclidean distance on summaries scaled by their prior-predictive spread:
 *
 *   d(s, s_obs) = sqrt( Σ_k w_k · (δ_k / σ_k)² ),
 *
 * where σ_k is the MAD ({@link medianAbsoluteDeviation}) of summary k across the reference
 * (prior-predictive) simulations, w_k its weight, and δ_k = s_k − s_obs,k for a point
 * observation or the distance from s_k to the interval [low, high] (0 inside) for an interval.
 *
 * Why the MAD of the prior predictive: summaries come in different units (attacks, fighters,
 * $M), so without scaling the largest would dominate. Dividing by a robust spread of what the
 * model can produce under the prior puts them on one scale and is insensitive to the rare
 * extreme runs a wide prior produces. This is the normalisation of Beaumont, Zhang & Balding
 * (2002, Genetics 162:2025–2035) and of the R package abc (Csilléry et al. 2012, MEE 3:475),
 * with the MAD as in Prangle (2017, Bayesian Analysis 12:289–309) but fixed once from the first
 * (prior) population instead of adapted per generation. A NaN summary counts as infinitely far.
 *
 * Cost: O(k·n log n) to build from n reference vectors of k summaries; O(k) per distance.
 *
 * @example
 * const { distance, scales } = madScaledEuclidean({ scales: [2, 10] })([], [4, [0, 300]]);
 * distance([6, 350]); // sqrt((2/2)² + (50/10)²) = 5.0990195135927845
 * scales;             // [2, 10]
 */
export function madScaledEuclidean(options: MadScaledEuclideanOptions = {}): DistanceFactory {
  return (reference, observed) => {
    const k = observed.length;
    if (options.weights && options.weights.length !== k) {
      throw new RangeError(`invalid weights: ${options.weights.length} values (expected ${k}, one per summary)`);
    }
    if (options.scales && options.scales.length !== k) {
      throw new RangeError(`invalid scales: ${options.scales.length} values (expected ${k}, one per summary)`);
    }
    const scales = options.scales
      ? [...options.scales]
      : Array.from({ length: k }, (_, j) => medianAbsoluteDeviation(reference.map((row) => row[j] ?? NaN)));
    for (const [j, scale] of scales.entries()) {
      if (!(scale > 0 && Number.isFinite(scale))) throw new RangeError(`invalid scales[${j}]: ${scale} (expected a finite number > 0)`);
    }
    const weights = options.weights ? [...options.weights] : new Array<number>(k).fill(1);
    const distance: Distance = (summary) => {
      let total = 0;
      for (let j = 0; j < k; j++) {
        const weight = weights[j] as number;
        if (weight === 0) continue;
        const value = summary[j] as number;
        if (Number.isNaN(value) || value === undefined) return Infinity;
        const target = observed[j] as ObservedValue;
        const delta = typeof target === 'number' ? value - target : value < target[0] ? target[0] - value : value > target[1] ? value - target[1] : 0;
        const scaled = delta / (scales[j] as number);
        total += weight * scaled * scaled;
      }
      return Math.sqrt(total);
    };
    return { distance, scales };
  };
}
