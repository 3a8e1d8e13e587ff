/**
 * A mergeable quantile sketch with a relative-error guarantee: DDSketch (Masson, Rim & Lee 2019,
 * "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees", PVLDB
 * 12(12)). A value x > 0 falls in bucket i = ⌈log_γ x⌉ with γ = (1 + α)/(1 − α); a quantile is
 * answered with the bucket's midpoint 2γ^i/(γ + 1), which is within a relative error α of the
 * true (lower) quantile of the data. Negative values mirror the positive store; values with
 * |x| < {@link SKETCH_MIN_MAGNITUDE} count as zero.
 *
 * The buckets hold integer counts, so merging is exact and order-free: sketches built on any
 * split of the data and merged give the same answers as one sketch of all of it.
 *
 * Memory: O(log(max/min)/α) buckets, independent of how many values were added: with
 * α = 0.5%, ln 10 / ln γ ≈ 230 buckets per tenfold range of the values.
 */
export interface QuantileSketch {
  readonly relativeAccuracy: number;
  readonly positive: Map<number, number>;
  readonly negative: Map<number, number>;
  zeros: number;
  count: number;
}

/** Magnitudes below this count as zero (far below any quantity the models report). */
export const SKETCH_MIN_MAGNITUDE = 1e-9;

/**
 * A new, empty sketch; `relativeAccuracy` α in (0, 1), default 0.005 (0.5%).
 *
 * @example
 * const sketch = createQuantileSketch(0.01);
 * for (let i = 1; i <= 1000; i++) addToSketchInPlace(sketch, i);
 * sketchQuantile(sketch, 0.5); // ≈ 500 (within 1%)
 */
export function createQuantileSketch(relativeAccuracy = 0.005): QuantileSketch {
  if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
    throw new RangeError(`invalid relativeAccuracy: ${relativeAccuracy} (expected 0 < α < 1)`);
  }
  return { relativeAccuracy, positive: new Map(), negative: new Map(), zeros: 0, count: 0 };
}

function logGamma(sketch: QuantileSketch): number {
  const alpha = sketch.relativeAccuracy;
  return Math.log((1 + alpha) / (1 - alpha));
}

/** Adds `value` (finite) to `sketch` (mutates it). */
export function addToSketchInPlace(sketch: QuantileSketch, value: number, weight = 1): void {
  sketch.count += weight;
  const magnitude = Math.abs(value);
  if (magnitude < SKETCH_MIN_MAGNITUDE) {
    sketch.zeros += weight;
    return;
  }
  const store = value > 0 ? sketch.positive : sketch.negative;
  const index = Math.ceil(Math.log(magnitude) / logGamma(sketch));
  store.set(index, (store.get(index) ?? 0) + weight);
}

/** Adds every count of `other` into `target` (mutates `target`); both must share α. */
export function mergeSketchInPlace(target: QuantileSketch, other: Readonly<QuantileSketch>): void {
  if (target.relativeAccuracy !== other.relativeAccuracy) {
    throw new RangeError(`cannot merge sketches of relative accuracy ${target.relativeAccuracy} and ${other.relativeAccuracy}`);
  }
  for (const [index, count] of other.positive) target.positive.set(index, (target.positive.get(index) ?? 0) + count);
  for (const [index, count] of other.negative) target.negative.set(index, (target.negative.get(index) ?? 0) + count);
  target.zeros += other.zeros;
  target.count += other.count;
}

/**
 * The q-quantile (0 ≤ q ≤ 1) of the values added: the value of rank ⌊q·(n − 1)⌋ in sorted order,
 * within relative error α. NaN for an empty sketch.
 */
export function sketchQuantile(sketch: Readonly<QuantileSketch>, q: number): number {
  if (sketch.count === 0) return Number.NaN;
  const rank = Math.floor(q * (sketch.count - 1));
  const gamma = Math.exp(logGamma(sketch as QuantileSketch));
  const value = (index: number, sign: number) => (sign * 2 * Math.pow(gamma, index)) / (gamma + 1);
  let seen = 0;
  // Most negative first: negative buckets in decreasing index, then zeros, then positive increasing.
  for (const index of [...sketch.negative.keys()].sort((a, b) => b - a)) {
    seen += sketch.negative.get(index) as number;
    if (seen > rank) return value(index, -1);
  }
  seen += sketch.zeros;
  if (seen > rank) return 0;
  for (const index of [...sketch.positive.keys()].sort((a, b) => a - b)) {
    seen += sketch.positive.get(index) as number;
    if (seen > rank) return value(index, 1);
  }
  return Number.NaN;
}
