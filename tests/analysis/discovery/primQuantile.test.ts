import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { primObjective, primQuantile } from '../../../src/analysis/discovery/index.js';

describe('primQuantile', () => {
  it('primQuantile places the limit between distinct values and never splits ties', () => {
    expect(primQuantile(Float64Array.of(1, 2, 3, 4, 5), 0.05)).toBe(1.5);
    expect(primQuantile(Float64Array.of(1, 1, 1, 2, 3), 0.05)).toBe(1.5);
    expect(primQuantile(Float64Array.of(1, 2, 3, 4, 5), 0.95)).toBe(4.5);
    expect(primQuantile(Float64Array.of(1, 2, 5, 5, 5), 0.95)).toBe(3.5);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 200 }), fc.double({ min: 0.01, max: 0.49, noNaN: true }), (values, alpha) => {
        const sorted = Float64Array.from(values).sort();
        if (sorted[0] === sorted[sorted.length - 1]) return;
        const low = primQuantile(sorted, alpha);
        const high = primQuantile(sorted, 1 - alpha);
        // Removes at least one row and never lands on a data value.
        expect(sorted.filter((v) => v < low).length).toBeGreaterThanOrEqual(1);
        expect(sorted.filter((v) => v > high).length).toBeGreaterThanOrEqual(1);
        expect(sorted.includes(low)).toBe(false);
        expect(sorted.includes(high)).toBe(false);
      }),
    );
  });
});

describe('primObjective', () => {
  it('primObjective scores the density gain per row moved (lenient1), weighted (lenient2) or the new density', () => {
    expect(primObjective('lenient1', 100, 20, 95, 20)).toBeCloseTo((20 / 95 - 0.2) / 5, 15);
    expect(primObjective('lenient2', 100, 20, 95, 20)).toBeCloseTo((95 * (20 / 95 - 0.2)) / 5, 15);
    expect(primObjective('original', 100, 20, 95, 20)).toBe(20 / 95);
    expect(primObjective('lenient1', 100, 20, 100, 20)).toBe(0);
    expect(primObjective('lenient1', 100, 20, 110, 25)).toBeCloseTo((25 / 110 - 0.2) / 10, 15);
  });
});
