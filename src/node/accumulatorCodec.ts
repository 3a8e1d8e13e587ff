import type { EnsembleAccumulator } from '../experiment/ensembleAccumulator.js';
import { createQuantileSketch } from '../analysis/quantileSketch.js';

/** An {@link EnsembleAccumulator} as plain JSON: exact (doubles round-trip through JSON and base64). */
export interface EncodedAccumulator {
  readonly observables: readonly string[];
  readonly events: readonly string[];
  readonly months: number;
  readonly exactQuantileLimit: number;
  readonly sketchAccuracy: number;
  readonly count: number;
  readonly sums: { partials: number[]; special: number | string }[];
  readonly squares: { partials: number[]; special: number | string }[];
  /** Base64 of the little-endian Float64 values, or null once sketched. */
  readonly values: string | null;
  readonly sketches: { positive: [number, number][]; negative: [number, number][]; zeros: number; count: number }[] | null;
  readonly firstMonthCounts: number[][];
}

const special = (value: number) => (Number.isFinite(value) ? value : String(value));

/** Encodes an accumulator as JSON-safe data that {@link decodeAccumulator} restores bit for bit. */
export function encodeAccumulator(accumulator: EnsembleAccumulator): EncodedAccumulator {
  const cells = accumulator.months * accumulator.observables.length;
  return {
    observables: accumulator.observables,
    events: accumulator.events,
    months: accumulator.months,
    exactQuantileLimit: accumulator.exactQuantileLimit,
    sketchAccuracy: accumulator.sketchAccuracy,
    count: accumulator.count,
    sums: accumulator.sums.map((s) => ({ partials: [...s.partials], special: special(s.special) })),
    squares: accumulator.squares.map((s) => ({ partials: [...s.partials], special: special(s.special) })),
    values: accumulator.values
      ? Buffer.from(accumulator.values.buffer, accumulator.values.byteOffset, accumulator.count * cells * 8).toString('base64')
      : null,
    sketches: accumulator.sketches
      ? accumulator.sketches.map((s) => ({ positive: [...s.positive], negative: [...s.negative], zeros: s.zeros, count: s.count }))
      : null,
    firstMonthCounts: accumulator.firstMonthCounts.map((counts) => Array.from(counts)),
  };
}

/** Restores an accumulator encoded by {@link encodeAccumulator}. */
export function decodeAccumulator(encoded: EncodedAccumulator): EnsembleAccumulator {
  const values = encoded.values === null ? null : Buffer.from(encoded.values, 'base64');
  return {
    observables: encoded.observables,
    events: encoded.events,
    months: encoded.months,
    exactQuantileLimit: encoded.exactQuantileLimit,
    sketchAccuracy: encoded.sketchAccuracy,
    count: encoded.count,
    sums: encoded.sums.map((s) => ({ partials: [...s.partials], special: Number(s.special) })),
    squares: encoded.squares.map((s) => ({ partials: [...s.partials], special: Number(s.special) })),
    values: values === null ? null : new Float64Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength)),
    sketches:
      encoded.sketches === null
        ? null
        : encoded.sketches.map((s) => {
            const sketch = createQuantileSketch(encoded.sketchAccuracy);
            for (const [k, v] of s.positive) sketch.positive.set(k, v);
            for (const [k, v] of s.negative) sketch.negative.set(k, v);
            sketch.zeros = s.zeros;
            sketch.count = s.count;
            return sketch;
          }),
    firstMonthCounts: encoded.firstMonthCounts.map((counts) => Int32Array.from(counts)),
  };
}
