// Hyndman & Fan (1996) type 7, the default of R's quantile() and numpy's method='linear':
// with n sorted values x[0..n-1] and h = (n − 1)·p, Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).

/**
 * The p-quantile of values that are already sorted in ascending order, by linear interpolation
 * between order statistics (Hyndman & Fan type 7; R's default, numpy's `method='linear'`).
 *
 * Returns NaN when `sorted` is empty, when p is NaN or outside [0, 1], or when the two
 * order statistics it interpolates between include NaN. The input is not checked for order.
 *
 * Cost: O(1). Reference: R. J. Hyndman & Y. Fan (1996), "Sample quantiles in statistical
 * packages", The American Statistician 50(4):361–365, definition 7.
 *
 * @example
 * quantileSorted([1, 2, 3, 4], 0.5);  // 2.5
 * quantileSorted([1, 2, 3, 4], 0.25); // 1.75
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  const fraction = h - lo;
  if (fraction === 0) return below;
  const above = sorted[lo + 1] as number;
  return below + fraction * (above - below);
}

/**
 * Several type-7 quantiles of unsorted values at once: the values are copied into a
 * Float64Array and sorted once, then each p is read off with {@link quantileSorted}.
 * The input is not modified.
 *
 * Returns NaN for every p when `values` is empty or contains NaN, and NaN for any p that is
 * NaN or outside [0, 1].
 *
 * Cost: O(n log n + k) for n values and k probabilities, O(n) extra memory.
 * Reference: Hyndman & Fan (1996), definition 7; numpy.quantile(method='linear').
 *
 * @example
 * quantiles([4, 1, 3, 2], [0, 0.25, 0.5, 1]); // [1, 1.75, 2.5, 4]
 */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort(); // typed-array sort is numeric; NaN sorts last
  const n = sorted.length;
  if (n > 0 && Number.isNaN(sorted[n - 1])) return ps.map(() => NaN);
  return ps.map((p) => quantileSorted(sorted, p));
}
