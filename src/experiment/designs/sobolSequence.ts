import { JOE_KUO_6_21201_ROWS, SOBOL_MAX_DIMENSIONS } from './sobolDirectionNumbers.js';

/** Options of {@link sobolSequence}. */
export interface SobolSequenceOptions {
  /**
   * How many points of the sequence to skip before the first one returned (default 0, so the
   * first point is the origin, as in SciPy's `qmc.Sobol(scramble=False)`). Skipping a power of
   * two keeps the returned block a (t, m, s)-net when n is a power of two too.
   */
  readonly skip?: number;
}

/** Bits per coordinate: points are k / 2^32, exact in a double. */
const BITS = 32;
/** The sequence index may not pass 2^31 (the Gray-code step uses 32-bit integer arithmetic). */
const MAX_INDEX = 2 ** 31;

let parsedRows: number[][] | undefined;
const directionCache = new Map<number, Uint32Array>();

/**
 * The 32 direction numbers v_1 … v_32 (as 32-bit integers, v_j = m_j · 2^(32−j)) of one
 * dimension (1-based), from Joe & Kuo's table by Bratley & Fox's recurrence
 * v_j = v_(j−s) ⊕ (v_(j−s) ≫ s) ⊕ a_1 v_(j−1) ⊕ … ⊕ a_(s−1) v_(j−s+1)
 * (Bratley & Fox 1988, eq. 2; Joe & Kuo 2008, §2).
 */
function directionNumbers(dimension: number): Uint32Array {
  const cached = directionCache.get(dimension);
  if (cached) return cached;
  const v = new Uint32Array(BITS + 1); // v[1..32]; v[0] unused
  if (dimension === 1) {
    for (let j = 1; j <= BITS; j++) v[j] = 2 ** (BITS - j);
  } else {
    parsedRows ??= JOE_KUO_6_21201_ROWS.trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
    const row = parsedRows[dimension - 2] as number[];
    const s = row[0] as number;
    const a = row[1] as number;
    for (let j = 1; j <= Math.min(s, BITS); j++) v[j] = ((row[1 + j] as number) * 2 ** (BITS - j)) >>> 0;
    for (let j = s + 1; j <= BITS; j++) {
      let value = (v[j - s] as number) ^ ((v[j - s] as number) >>> s);
      for (let k = 1; k < s; k++) {
        if ((a >>> (s - 1 - k)) & 1) value ^= v[j - k] as number;
      }
      v[j] = value >>> 0;
    }
  }
  directionCache.set(dimension, v);
  return v;
}

/**
 * Points of the Sobol' low-discrepancy sequence in the unit cube [0, 1)^dimensions, unscrambled,
 * with Joe & Kuo's (2008) direction numbers (new-joe-kuo-6.21201) and the Gray-code ordering of
 * Antonov & Saleev (1979): point k+1 is point k with one direction number XOR-ed in, the one
 * indexed by the lowest set bit of k+1. Dimension 1 is the van der Corput sequence
 * (0, 0.5, 0.75, 0.25, 0.375, …). The values equal SciPy's `qmc.Sobol(d, scramble=False)`
 * bit for bit.
 *
 * Returns `n` rows of `dimensions` coordinates, points skip … skip + n − 1 of the sequence.
 * No randomness: the same call always gives the same points. Throws a RangeError when
 * dimensions is not an integer in 1 … 512 (the rows embedded; see `sobolDirectionNumbers.ts`),
 * n or skip is not a non-negative integer, or skip + n passes 2^31.
 *
 * Cost: O(n · dimensions) after an O(dimensions · 32) set-up.
 * References: I. M. Sobol' (1967), USSR Comput. Math. Math. Phys. 7(4):86–112; P. Bratley &
 * B. L. Fox (1988), "Algorithm 659", ACM TOMS 14(1):88–100; S. Joe & F. Y. Kuo (2008), SIAM J.
 * Sci. Comput. 30:2635–2654; I. A. Antonov & V. M. Saleev (1979), USSR Comput. Math. Math.
 * Phys. 19(1):252–256.
 *
 * @example
 * sobolSequence(2, 4);
 * // [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 * sobolSequence(1, 3, { skip: 1 }); // [[0.5], [0.75], [0.25]]
 */
export function sobolSequence(dimensions: number, n: number, options: SobolSequenceOptions = {}): number[][] {
  const skip = options.skip ?? 0;
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`invalid dimensions: ${dimensions} (expected an integer in 1 … ${SOBOL_MAX_DIMENSIONS})`);
  }
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`invalid n: ${n} (expected an integer ≥ 0)`);
  if (!Number.isInteger(skip) || skip < 0) throw new RangeError(`invalid skip: ${skip} (expected an integer ≥ 0)`);
  if (skip + n > MAX_INDEX) throw new RangeError(`invalid skip + n: ${skip + n} (expected at most 2^31)`);

  const directions: Uint32Array[] = [];
  for (let d = 1; d <= dimensions; d++) directions.push(directionNumbers(d));

  // The point at index `skip`: XOR of the direction numbers selected by the bits of gray(skip).
  const x = new Uint32Array(dimensions);
  const gray = (skip ^ (skip >>> 1)) >>> 0;
  for (let bit = 0; bit < BITS; bit++) {
    if (((gray >>> bit) & 1) === 0) continue;
    for (let d = 0; d < dimensions; d++) x[d] = ((x[d] as number) ^ ((directions[d] as Uint32Array)[bit + 1] as number)) >>> 0;
  }

  const scale = 2 ** -BITS;
  const points: number[][] = [];
  for (let i = 0; i < n; i++) {
    const point = new Array<number>(dimensions);
    for (let d = 0; d < dimensions; d++) point[d] = (x[d] as number) * scale;
    points.push(point);
    // Step to index k + 1: flip the direction number of the lowest set bit of k + 1.
    const next = skip + i + 1;
    const bit = 31 - Math.clz32(next & -next);
    for (let d = 0; d < dimensions; d++) x[d] = ((x[d] as number) ^ ((directions[d] as Uint32Array)[bit + 1] as number)) >>> 0;
  }
  return points;
}
