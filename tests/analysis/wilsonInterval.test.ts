import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from '../../src/analysis/index.js';

// Independent code path: the Wilson bounds are the roots in p of (p̂ − p)² = z²·p(1 − p)/n, i.e.
// (1 + z²/n)p² − (2p̂ + z²/n)p + p̂² = 0, solved here with the quadratic formula and a tabulated z.
const Z95 = 1.959963984540054;
const Z99 = 2.5758293035489004;
function wilsonByQuadratic(x: number, n: number, z: number): [number, number] {
  const phat = x / n;
  const a = 1 + (z * z) / n;
  const b = -(2 * phat + (z * z) / n);
  const c = phat * phat;
  const root = Math.sqrt(b * b - 4 * a * c);
  return [(-b - root) / (2 * a), (-b + root) / (2 * a)];
}

describe('wilsonInterval', () => {
  it('wilsonInterval matches the published 95% intervals of Newcombe (1998), Table I, method 3', () => {
    const table: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, lo, hi] of table) {
      const [lower, upper] = wilsonInterval(x, n);
      expect(lower).toBeCloseTo(lo, 4);
      expect(upper).toBeCloseTo(hi, 4);
    }
  });

  it('wilsonInterval for 0 of 10, 5 of 10 and 95 of 100 agrees with the quadratic roots', () => {
    for (const [x, n] of [[0, 10], [5, 10], [95, 100]] as const) {
      const [lower, upper] = wilsonInterval(x, n);
      const [lo, hi] = wilsonByQuadratic(x, n, Z95);
      expect(lower).toBeCloseTo(lo, 12);
      expect(upper).toBeCloseTo(hi, 12);
    }
    // Rounded textbook values.
    expect(wilsonInterval(0, 10)[0]).toBe(0);
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(5, 10)[0]).toBeCloseTo(0.2366, 4);
    expect(wilsonInterval(5, 10)[1]).toBeCloseTo(0.7634, 4);
    expect(wilsonInterval(95, 100)[0]).toBeCloseTo(0.8882, 4);
    expect(wilsonInterval(95, 100)[1]).toBeCloseTo(0.9785, 4);
  });

  it('wilsonInterval agrees with the quadratic roots at 95% and 99% for any counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const x = Math.round(share * n);
        for (const [confidence, z] of [[0.95, Z95], [0.99, Z99]] as const) {
          const [lower, upper] = wilsonInterval(x, n, confidence);
          const [lo, hi] = wilsonByQuadratic(x, n, z);
          expect(lower).toBeCloseTo(lo, 9);
          expect(upper).toBeCloseTo(hi, 9);
          expect(lower).toBeGreaterThanOrEqual(0);
          expect(upper).toBeLessThanOrEqual(1);
          expect(lower).toBeLessThanOrEqual(x / n);
          expect(upper).toBeGreaterThanOrEqual(x / n);
        }
      }),
    );
  });

  it('wilsonInterval is exactly [0, ·] at 0 successes and [·, 1] at all successes', () => {
    expect(wilsonInterval(0, 7)[0]).toBe(0);
    expect(wilsonInterval(7, 7)[1]).toBe(1);
  });

  it('wilsonInterval widens with confidence and is [0, 1] with no trials', () => {
    const [l90, u90] = wilsonInterval(30, 100, 0.9);
    const [l99, u99] = wilsonInterval(30, 100, 0.99);
    expect(l99).toBeLessThan(l90);
    expect(u99).toBeGreaterThan(u90);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it('wilsonInterval rejects invalid counts and confidence levels', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10.5)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, NaN)).toThrow(RangeError);
  });
});
