import { normalQuantile } from '../math/normalQuantile.js';

/**
 * The Wilson score confidence interval for a binomial proportion: the set of p for which
 * |p̂ − p| ≤ z·sqrt(p(1 − p)/n), with p̂ = successes/trials and z = Φ⁻¹(1 − (1 − confidence)/2).
 * Closed form: (p̂ + z²/2n ± z·sqrt(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), clamped to [0, 1].
 * Unlike the Wald interval it stays inside [0, 1] and has non-zero width at 0 or n successes.
 *
 * With 0 trials there is no information and the interval is [0, 1]. Throws a RangeError unless
 * trials is a non-negative integer, successes an integer in [0, trials] and confidence in (0, 1).
 *
 * Cost: O(1). Reference: E. B. Wilson (1927), "Probable inference, the law of succession, and
 * statistical inference", JASA 22:209–212; R. G. Newcombe (1998), Statistics in Medicine
 * 17:857–872, method 3.
 *
 * @example
 * wilsonInterval(5, 10); // [0.23659309051256405, 0.763406909487436]
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): [number, number] {
  if (!Number.isInteger(trials) || trials < 0) throw new RangeError(`invalid trials: ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new RangeError(`invalid successes: ${successes}`);
  }
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`invalid confidence: ${confidence}`);
  if (trials === 0) return [0, 1];
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const n = trials;
  const phat = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (phat + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((phat * (1 - phat)) / n + z2 / (4 * n * n))) / denominator;
  const lower = successes === 0 ? 0 : Math.max(0, centre - halfWidth);
  const upper = successes === n ? 1 : Math.min(1, centre + halfWidth);
  return [lower, upper];
}
