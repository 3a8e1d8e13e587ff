import { addToExactSumInPlace, createExactSum, exactSumValue, type ExactSum } from './exactSum.js';

// Veltkamp's splitter for doubles: 2^27 + 1.
const SPLITTER = 134217729;

/**
 * a·b as an unevaluated sum high + low, exactly (Dekker 1971, "A floating-point technique for
 * extending the available precision", Numer. Math. 18:224–242, mul12 with Veltkamp's split),
 * for finite a, b whose product neither overflows nor underflows (|a|, |b| below about 1e150
 * and the product above about 1e-290). Writes into `out` to avoid allocating.
 */
function twoProductInto(a: number, b: number, out: [number, number]): void {
  const high = a * b;
  let c = SPLITTER * a;
  const aHigh = c - (c - a);
  const aLow = a - aHigh;
  c = SPLITTER * b;
  const bHigh = c - (c - b);
  const bLow = b - bHigh;
  out[0] = high;
  out[1] = aLow * bLow - (((high - aHigh * bHigh) - aLow * bHigh) - aHigh * bLow);
}

const scratch: [number, number] = [0, 0];

/**
 * Adds value² to `sum` exactly (mutates `sum`): the double product and its rounding error are
 * both added, so Σx² holds no rounding at all and, like every {@link ExactSum}, does not depend
 * on the order or grouping of the additions. A non-finite value adds value·value (Infinity or
 * NaN), as ordinary arithmetic would.
 *
 * Cost: O(p) per addition, p the number of partials (see {@link ExactSum}). Exact for
 * |value| between about 1e-145 and 1e150 (outside, the square's rounding error under- or
 * overflows); model outputs are counts, shares and money far inside that range.
 * Reference: T. J. Dekker (1971), Numer. Math. 18:224–242 (the exact product).
 *
 * @example
 * const squares = createExactSum();
 * addSquareToExactSumInPlace(squares, 0.1);
 * exactSumValue(squares); // 0.010000000000000002 (0.1·0.1 correctly rounded; the error term is kept in the partials)
 */
export function addSquareToExactSumInPlace(sum: ExactSum, value: number): void {
  if (!Number.isFinite(value)) {
    addToExactSumInPlace(sum, value * value);
    return;
  }
  twoProductInto(value, value, scratch);
  addToExactSumInPlace(sum, scratch[0]);
  if (scratch[1] !== 0) addToExactSumInPlace(sum, scratch[1]);
}

/**
 * The sample variance Σ(x − x̄)²/(n − 1) of n values from their exact sum Σx and exact sum of
 * squares Σx² (built with {@link addSquareToExactSumInPlace}): the numerator n·Σx² − (Σx)² =
 * n·Σ(x − x̄)² is formed exactly from the partials (exact products, exact sum) and rounded once,
 * then divided by n(n − 1). So the result is within about one unit in the last place of the
 * true variance of the doubles given, with no cancellation however large the mean is against
 * the spread (the textbook Σx² − (Σx)²/n loses up to all digits there), and it depends only on
 * the exact sums, so it is the same bit for bit for any split of the values into merged parts.
 * Returns 0 for n < 2 and NaN when a value was not finite.
 *
 * Cost: O(p·q + p²) for p partials of Σx and q of Σx² (both usually 1–4).
 * Reference: J. R. Shewchuk (1997), Discrete Comput. Geom. 18:305–363 (exact sums);
 * T. J. Dekker (1971), Numer. Math. 18:224–242 (exact products); T. F. Chan, G. H. Golub &
 * R. J. LeVeque (1983), "Algorithms for computing the sample variance", Am. Stat. 37:242–247
 * (why the one-pass textbook formula is inaccurate).
 *
 * @example
 * const sum = createExactSum();
 * const squares = createExactSum();
 * for (const x of [1e8 + 0.1, 1e8 + 0.2, 1e8 + 0.3]) {
 *   addToExactSumInPlace(sum, x);
 *   addSquareToExactSumInPlace(squares, x);
 * }
 * exactVarianceFromSums(sum, squares, 3); // 0.010000000298023245 (the doubles 1e8 + 0.1 … are 0.1 apart only to ~1e-8)
 */
export function exactVarianceFromSums(sum: Readonly<ExactSum>, squares: Readonly<ExactSum>, count: number): number {
  if (!(count >= 2)) return 0;
  if (sum.special !== 0 || squares.special !== 0) return NaN;
  const numerator = createExactSum();
  for (const q of squares.partials) {
    twoProductInto(count, q, scratch);
    addToExactSumInPlace(numerator, scratch[0]);
    if (scratch[1] !== 0) addToExactSumInPlace(numerator, scratch[1]);
  }
  const p = sum.partials;
  for (let i = 0; i < p.length; i++) {
    for (let j = 0; j < p.length; j++) {
      twoProductInto(p[i] as number, p[j] as number, scratch);
      addToExactSumInPlace(numerator, -scratch[0]);
      if (scratch[1] !== 0) addToExactSumInPlace(numerator, -scratch[1]);
    }
  }
  return Math.max(0, exactSumValue(numerator)) / (count * (count - 1));
}
