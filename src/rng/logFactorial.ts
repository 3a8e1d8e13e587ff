// ln(k!) for k < 16 exactly from the product; beyond, Stirling's series with three correction
// terms, whose error is below 1e-12 there (Abramowitz & Stegun 6.1.41).
const SMALL: number[] = [0];
for (let k = 1; k < 16; k++) SMALL.push((SMALL[k - 1] as number) + Math.log(k));

/**
 * ln(k!) for an integer k ≥ 0.
 *
 * Cost: O(1). Reference: Abramowitz & Stegun (1964) 6.1.41.
 *
 * @example
 * logFactorial(5); // 4.787491742782046 (= ln 120)
 */
export function logFactorial(k: number): number {
  if (k < 16) return SMALL[k] as number;
  const n = k + 1;
  const inv = 1 / n;
  const inv2 = inv * inv;
  return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI)
    + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}
