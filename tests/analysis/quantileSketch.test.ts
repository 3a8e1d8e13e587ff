import { describe, expect, it } from 'vitest';
import { addToSketchInPlace, createQuantileSketch, mergeSketchInPlace, sketchQuantile } from '../../src/analysis/quantileSketch.js';
import { createRunStream } from '../../src/rng/createRunStream.js';

/** The lower q-quantile, the one DDSketch approximates: the value of rank ⌊q(n − 1)⌋. */
function lowerQuantile(sorted: Float64Array, q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

describe('quantileSketch', () => {
  it('sketchQuantile is within the relative accuracy of the exact quantile, for positive, zero and negative values', () => {
    const random = createRunStream(1, 0, 'sketch');
    const values = new Float64Array(20_000);
    for (let i = 0; i < values.length; i++) {
      const u = random();
      // A mix: a lognormal-like bulk over five decades, exact zeros, and some negative values.
      values[i] = u < 0.1 ? 0 : u < 0.2 ? -Math.exp(10 * random()) : Math.exp(12 * random() - 2);
    }
    for (const alpha of [0.005, 0.02]) {
      const sketch = createQuantileSketch(alpha);
      for (const value of values) addToSketchInPlace(sketch, value);
      const sorted = Float64Array.from(values).sort();
      for (const q of [0, 0.01, 0.05, 0.1, 0.15, 0.25, 0.5, 0.75, 0.95, 0.99, 1]) {
        const exact = lowerQuantile(sorted, q);
        const approximate = sketchQuantile(sketch, q);
        expect(Math.abs(approximate - exact)).toBeLessThanOrEqual(alpha * Math.abs(exact) + 1e-12);
      }
    }
  });

  it('mergeSketchInPlace gives the same sketch as adding everything to one, whatever the split', () => {
    const random = createRunStream(2, 0, 'sketch');
    const values = Array.from({ length: 3000 }, () => Math.floor(1000 * random()));
    const whole = createQuantileSketch();
    values.forEach((v) => addToSketchInPlace(whole, v));
    const parts = [createQuantileSketch(), createQuantileSketch(), createQuantileSketch()];
    values.forEach((v, i) => addToSketchInPlace(parts[(i * 7) % 3]!, v));
    const merged = createQuantileSketch();
    for (const part of parts.reverse()) mergeSketchInPlace(merged, part);
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) expect(sketchQuantile(merged, q)).toBe(sketchQuantile(whole, q));
    expect(merged.count).toBe(whole.count);
    expect(() => mergeSketchInPlace(merged, createQuantileSketch(0.01))).toThrow(/relative accuracy/);
  });

  it('createQuantileSketch rejects an impossible accuracy and an empty sketch answers NaN', () => {
    expect(() => createQuantileSketch(0)).toThrow('invalid relativeAccuracy: 0 (expected 0 < α < 1)');
    expect(sketchQuantile(createQuantileSketch(), 0.5)).toBeNaN();
  });
});
