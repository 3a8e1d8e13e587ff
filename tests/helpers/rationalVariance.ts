/** A double as an exact integer multiple of 2^-1100 (every finite double of interest is one). */
export function scaledDouble(x: number): bigint {
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return BigInt(m) << BigInt(1100 - e);
}

/** The exact sample variance of doubles in rational arithmetic, rounded once to a double at the end. */
export function rationalVariance(values: readonly number[]): number {
  const n = BigInt(values.length);
  const ints = values.map(scaledDouble);
  const s1 = ints.reduce((a, b) => a + b, 0n);
  const s2 = ints.reduce((a, b) => a + b * b, 0n);
  const numerator = n * s2 - s1 * s1; // = n·Σ(x − x̄)² · 2^2200
  const denominator = n * (n - 1n);
  if (numerator === 0n) return 0;
  // Keep ≥ 120 bits in the quotient, round once (Number of a BigInt), then scale exactly.
  const shift = 120 - (numerator.toString(2).length - denominator.toString(2).length);
  const quotient = shift >= 0 ? (numerator << BigInt(shift)) / denominator : numerator / (denominator << BigInt(-shift));
  let value = Number(quotient);
  let exponent = 2200 + shift; // value · 2^-exponent
  while (exponent > 1000) {
    value *= 2 ** -1000;
    exponent -= 1000;
  }
  while (exponent < -1000) {
    value *= 2 ** 1000;
    exponent += 1000;
  }
  return value * 2 ** -exponent;
}
