// Welford's one-pass update and Chan, Golub & LeVeque's pairwise merge of (count, mean, M2),
// where M2 = Σ (x − mean)² — numerically stable, unlike accumulating Σx and Σx².

/** Count, mean and sum of squared deviations from the mean (M2) of the values seen so far. */
export interface RunningMoments {
  readonly count: number;
  readonly mean: number;
  readonly m2: number;
}

/**
 * An empty accumulator: `{ count: 0, mean: 0, m2: 0 }`.
 *
 * Cost: O(1). Reference: B. P. Welford (1962), "Note on a method for calculating corrected sums
 * of squares and products", Technometrics 4(3):419–420.
 *
 * @example
 * createRunningMoments(); // { count: 0, mean: 0, m2: 0 }
 */
export function createRunningMoments(): RunningMoments {
  return { count: 0, mean: 0, m2: 0 };
}

/**
 * A new accumulator that includes x (Welford's update); `acc` is not modified.
 *
 * Cost: O(1). Reference: Welford (1962); D. E. Knuth, TAOCP vol. 2, 3rd ed., §4.2.2.
 *
 * @example
 * addValue(addValue(createRunningMoments(), 1), 3); // { count: 2, mean: 2, m2: 2 }
 */
export function addValue(acc: RunningMoments, x: number): RunningMoments {
  const count = acc.count + 1;
  const delta = x - acc.mean;
  const mean = acc.mean + delta / count;
  return { count, mean, m2: acc.m2 + delta * (x - mean) };
}

/**
 * The accumulator of the union of two samples, from their accumulators alone (Chan et al.'s
 * parallel update): with δ = mean_b − mean_a and n = n_a + n_b, mean = mean_a + δ·n_b/n and
 * M2 = M2_a + M2_b + δ²·n_a·n_b/n. Neither input is modified.
 *
 * Cost: O(1). Reference: T. F. Chan, G. H. Golub & R. J. LeVeque (1979), "Updating formulae and a
 * pairwise algorithm for computing sample variances", Stanford CS report STAN-CS-79-773.
 *
 * @example
 * mergeMoments({ count: 2, mean: 2, m2: 2 }, { count: 1, mean: 5, m2: 0 }); // { count: 3, mean: 3, m2: 8 }
 */
export function mergeMoments(a: RunningMoments, b: RunningMoments): RunningMoments {
  if (b.count === 0) return { count: a.count, mean: a.mean, m2: a.m2 };
  if (a.count === 0) return { count: b.count, mean: b.mean, m2: b.m2 };
  const count = a.count + b.count;
  const delta = b.mean - a.mean;
  return {
    count,
    mean: a.mean + (delta * b.count) / count,
    m2: a.m2 + b.m2 + (delta * delta * a.count * b.count) / count,
  };
}

/**
 * The unbiased sample variance M2 / (count − 1) (the n − 1 denominator, like R's var() and
 * d3.variance); NaN for fewer than two values.
 *
 * Cost: O(1). Reference: Welford (1962).
 *
 * @example
 * variance({ count: 3, mean: 3, m2: 8 }); // 4
 */
export function variance(acc: RunningMoments): number {
  return acc.count < 2 ? NaN : acc.m2 / (acc.count - 1);
}
