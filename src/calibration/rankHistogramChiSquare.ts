import { chiSquareSurvival } from '../math/chiSquareSurvival.js';

/** The chi-square test of a rank histogram against the uniform distribution. */
export interface RankHistogramTest {
  /** Ranks per bin. */
  readonly counts: number[];
  /** Expected ranks per bin under uniformity. */
  readonly expected: number[];
  readonly statistic: number;
  readonly degreesOfFreedom: number;
  /** P(χ²(bins − 1) ≥ statistic). */
  readonly pValue: number;
}

/**
 * Pearson's chi-square test that SBC ranks (integers 0 … L, from L posterior draws each) are
 * uniform. Ranks are grouped into `bins` bins, rank r going to bin ⌊r · bins / (L + 1)⌋; a
 * bin's expected count is n × (ranks it covers) / (L + 1), so bins need not be equal when
 * L + 1 is not a multiple of `bins` (choose L + 1 divisible by `bins` to make them equal, as
 * Talts et al. recommend). Keep expected counts ≥ 5 for the χ² approximation (Cochran 1954).
 *
 * Cost: O(n + bins). Reference: Talts, Betancourt, Simpson, Vehtari & Gelman (2018),
 * "Validating Bayesian inference algorithms with simulation-based calibration", arXiv:1804.06788,
 * §4; Pearson (1900); p-value by `chiSquareSurvival`.
 *
 * @example
 * rankHistogramChiSquare([0, 1, 2, 3, 0, 1, 2, 3], 3, 4);
 * // { counts: [2, 2, 2, 2], expected: [2, 2, 2, 2], statistic: 0, degreesOfFreedom: 3, pValue: 1 }
 */
export function rankHistogramChiSquare(ranks: readonly number[], posteriorDraws: number, bins: number): RankHistogramTest {
  if (!Number.isInteger(posteriorDraws) || posteriorDraws < 1) {
    throw new RangeError(`invalid posteriorDraws: ${posteriorDraws} (expected an integer ≥ 1)`);
  }
  if (!Number.isInteger(bins) || bins < 2 || bins > posteriorDraws + 1) {
    throw new RangeError(`invalid bins: ${bins} (expected an integer from 2 to posteriorDraws + 1 = ${posteriorDraws + 1})`);
  }
  const levels = posteriorDraws + 1;
  const binOf = (rank: number) => Math.floor((rank * bins) / levels);
  const counts = new Array<number>(bins).fill(0);
  for (const [i, rank] of ranks.entries()) {
    if (!Number.isInteger(rank) || rank < 0 || rank > posteriorDraws) {
      throw new RangeError(`invalid ranks[${i}]: ${rank} (expected an integer from 0 to ${posteriorDraws})`);
    }
    counts[binOf(rank)]! += 1;
  }
  const width = new Array<number>(bins).fill(0);
  for (let r = 0; r < levels; r++) width[binOf(r)]! += 1;
  const expected = width.map((w) => (ranks.length * w) / levels);
  let statistic = 0;
  for (let b = 0; b < bins; b++) {
    const e = expected[b] as number;
    if (e > 0) statistic += ((counts[b] as number) - e) ** 2 / e;
  }
  const degreesOfFreedom = bins - 1;
  return { counts, expected, statistic, degreesOfFreedom, pValue: ranks.length === 0 ? 1 : chiSquareSurvival(statistic, degreesOfFreedom) };
}
