/**
 * An exact running sum of floating-point numbers: the partials of Shewchuk (1997), "Adaptive
 * precision floating-point arithmetic and fast robust geometric predicates", Discrete Comput.
 * Geom. 18, as in Python's `math.fsum`. The value read out is the exact sum correctly rounded,
 * so it does not depend on the order in which numbers were added or on how partial sums were
 * grouped and merged. That is what lets an ensemble split across workers, batches or machines
 * give the same mean, bit for bit, as one computed in a single pass.
 *
 * Cost: O(p) per addition, where p (the number of partials) stays small (1–3) for numbers of
 * similar magnitude.
 */
export interface ExactSum {
  /** Non-overlapping partials in increasing magnitude; their exact sum is the running total. */
  readonly partials: number[];
  /** Sum of non-finite inputs (±Infinity, NaN), kept apart so that they propagate as in ordinary addition. */
  special: number;
}

/**
 * A new exact sum of nothing (0).
 *
 * @example
 * const sum = createExactSum();
 * for (const x of [1e100, 1, -1e100]) addToExactSumInPlace(sum, x);
 * exactSumValue(sum); // 1 (ordinary addition gives 0)
 */
export function createExactSum(): ExactSum {
  return { partials: [], special: 0 };
}

/** Adds `value` to `sum` (mutates `sum`). */
export function addToExactSumInPlace(sum: ExactSum, value: number): void {
  if (!Number.isFinite(value)) {
    sum.special += value;
    return;
  }
  const partials = sum.partials;
  // Fast path, exact: a single whole-number partial plus a whole number, the total within
  // ±2^53, is an exact double sum (the general loop below would give the same single partial).
  // Counts (attacks, fighters, areas) take this path; money takes the general one.
  if (partials.length === 1) {
    const only = partials[0] as number;
    const total = only + value;
    if (Number.isInteger(only) && Number.isInteger(value) && Math.abs(total) <= Number.MAX_SAFE_INTEGER) {
      partials[0] = total;
      return;
    }
  }
  let x = value;
  let kept = 0;
  for (let j = 0; j < partials.length; j++) {
    let y = partials[j] as number;
    if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
    const high = x + y;
    const low = y - (high - x);
    if (low !== 0) partials[kept++] = low;
    x = high;
  }
  partials.length = kept;
  partials.push(x);
}

/** Adds every partial of `other` into `target` (mutates `target`): the exact sum of both. */
export function mergeExactSumInPlace(target: ExactSum, other: Readonly<ExactSum>): void {
  for (const partial of other.partials) addToExactSumInPlace(target, partial);
  target.special += other.special;
}

/**
 * The exact sum, correctly rounded to the nearest double (ties to even), as Python's
 * `math.fsum` rounds it.
 *
 * @example
 * const sum = createExactSum();
 * for (let i = 0; i < 10; i++) addToExactSumInPlace(sum, 0.1);
 * exactSumValue(sum); // 1 (ordinary addition gives 0.9999999999999999)
 */
export function exactSumValue(sum: Readonly<ExactSum>): number {
  if (sum.special !== 0 || Number.isNaN(sum.special)) return sum.special;
  const partials = sum.partials;
  let j = partials.length;
  if (j === 0) return 0;
  let high = partials[--j] as number;
  let low = 0;
  while (j > 0) {
    const x = high;
    const y = partials[--j] as number;
    high = x + y;
    low = y - (high - x);
    if (low !== 0) break;
  }
  // Round half to even across the remaining partials: if the next partial has the same sign as
  // the rounding error, the exact value lies past the halfway point.
  if (j > 0 && ((low < 0 && (partials[j - 1] as number) < 0) || (low > 0 && (partials[j - 1] as number) > 0))) {
    const y = low * 2;
    const x = high + y;
    if (y === x - high) high = x;
  }
  return high;
}
