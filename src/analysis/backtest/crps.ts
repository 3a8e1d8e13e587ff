/** Options of {@link crps}. */
export interface CrpsOptions {
  /**
   * Use the "fair" estimator (Ferro 2014), which divides the spread term by n(n − 1) instead of
   * n², giving an unbiased estimate of the CRPS of the distribution the ensemble is drawn from.
   * Default false: the exact CRPS of the ensemble's empirical distribution.
   */
  readonly fair?: boolean;
}

/**
 * The continuous ranked probability score of an ensemble (a sample of forecasts) for one
 * observation y: CRPS(F, y) = E|X − y| − ½ E|X − X′| (Gneiting & Raftery 2007, eq. 20), with F
 * the ensemble's empirical distribution. Lower is better; it has the units of y and reduces to
 * |x − y| for a single member. With the members sorted, x₍₁₎ ≤ … ≤ x₍ₙ₎,
 * Σᵢ Σⱼ |xᵢ − xⱼ| = 2 Σᵢ (2i − n − 1) x₍ᵢ₎ (i = 1 … n), so the score is exact in O(n log n)
 * rather than O(n²). `fair: true` gives Ferro's (2014) unbiased version.
 *
 * Returns NaN for an empty sample, a NaN member or a NaN observation. The input is not modified.
 *
 * Cost: O(n log n) time (one sort of a copy), O(n) memory.
 * References: T. Gneiting & A. E. Raftery (2007), "Strictly proper scoring rules, prediction,
 * and estimation", JASA 102(477):359–378, eq. 20–21; C. A. T. Ferro (2014), "Fair scores for
 * ensemble forecasts", Q. J. R. Meteorol. Soc. 140:1917–1923.
 *
 * @example
 * crps([1, 2, 3], 2);                // 0.2222222222222222 (E|X − 2| = 2/3, ½E|X − X′| = 4/9)
 * crps([1, 2, 3], 3, { fair: true }); // 0.33333333333333337 (1 − 4/6)
 * crps([5], 3);                       // 2
 */
export function crps(samples: ArrayLike<number>, observation: number, options: CrpsOptions = {}): number {
  const n = samples.length;
  if (n === 0 || Number.isNaN(observation)) return NaN;
  const sorted = Float64Array.from(samples).sort();
  if (Number.isNaN(sorted[n - 1])) return NaN;
  let absolute = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    const x = sorted[i] as number;
    absolute += Math.abs(x - observation);
    spread += (2 * (i + 1) - n - 1) * x;
  }
  // Σᵢ Σⱼ |xᵢ − xⱼ| = 2·spread; ½ E|X − X′| = spread / n² (or spread / (n(n − 1)) when fair).
  const pairs = options.fair ? (n > 1 ? n * (n - 1) : NaN) : n * n;
  return absolute / n - spread / pairs;
}
