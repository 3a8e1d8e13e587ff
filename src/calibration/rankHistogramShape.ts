/** How an SBC rank histogram departs from flat, read by its largest standardised departure. */
export interface RankHistogramShape {
  /**
   * `overdispersed` (∩: too few ranks in the outer bins, the posterior is wider than the data
   * warrant: conservative), `overconfident` (∪: too many, too narrow), `biasedLow` (too many
   * high ranks: the truth lies above the posterior too often), `biasedHigh` (the reverse).
   */
  readonly shape: 'overdispersed' | 'overconfident' | 'biasedLow' | 'biasedHigh';
  /** (outer bins' count − expected) / its binomial sd: < 0 for ∩, > 0 for ∪. */
  readonly outerZ: number;
  /** (upper half's count − lower half's) / √n, its sd under uniformity: > 0 when high ranks dominate. */
  readonly slopeZ: number;
}

/**
 * Which way an SBC rank histogram (equal bins, an even number of them, ranks = posterior draws
 * below the truth) departs from uniform: by the outer bins (first and last), whose share is
 * 2/bins under uniformity, and by the balance of the upper and lower halves, whichever has the
 * larger z-score. Talts et al. read the same two features by eye (their Fig. 4–6): ∩ means an
 * overdispersed posterior, ∪ an overconfident one, a slope a biased one. Use it to label a
 * histogram the χ² test has already rejected; it says nothing about significance. Pure.
 *
 * Cost: O(bins). Reference: Talts, Betancourt, Simpson, Vehtari & Gelman (2018), "Validating
 * Bayesian inference algorithms with simulation-based calibration", arXiv:1804.06788, §4.1.
 *
 * @example
 * rankHistogramShape([2, 8, 13, 13, 14, 14, 13, 13, 8, 2]).shape; // 'overdispersed'
 */
export function rankHistogramShape(histogram: readonly number[]): RankHistogramShape {
  const bins = histogram.length;
  if (bins < 2 || bins % 2 !== 0) throw new RangeError(`invalid histogram: ${bins} bins (expected an even number ≥ 2)`);
  const n = histogram.reduce((sum, count) => sum + count, 0);
  if (!(n > 0)) throw new RangeError('invalid histogram: no ranks');
  const outerShare = 2 / bins;
  const outer = (histogram[0] as number) + (histogram[bins - 1] as number);
  // With 2 bins every rank is "outer": the outer z is undefined, so only the slope speaks.
  const outerSd = Math.sqrt(n * outerShare * (1 - outerShare));
  const outerZ = outerSd > 0 ? (outer - n * outerShare) / outerSd : 0;
  let upper = 0;
  for (let b = bins / 2; b < bins; b++) upper += histogram[b] as number;
  const slopeZ = (upper - (n - upper)) / Math.sqrt(n);
  const shape =
    Math.abs(outerZ) >= Math.abs(slopeZ) ? (outerZ < 0 ? 'overdispersed' : 'overconfident') : slopeZ > 0 ? 'biasedLow' : 'biasedHigh';
  return { shape, outerZ, slopeZ };
}
