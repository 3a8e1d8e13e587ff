import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalQuantile } from '../../src/math/index.js';

// Reference values: Φ⁻¹ of the exact binary64 value of p, by root-finding on mpmath.ncdf at
// 60 significant digits, then rounded to binary64.
const REFERENCE: [number, number][] = [
  [0.5, 0],
  [0.975, 1.9599639845400538],
  [0.025, -1.9599639845400543],
  [0.9, 1.2815515655446006],
  [0.95, 1.6448536269514722],
  [0.99, 2.3263478740408408],
  [0.995, 2.5758293035489004],
  [0.999, 3.090232306167813],
  [1e-5, -4.264890793922825],
  [1e-10, -6.361340902404057],
  [1e-20, -9.262340089798407],
  [1e-300, -37.0470962993612],
  [0.3, -0.5244005127080408],
  [0.08, -1.4050715603096327],
  [0.925, 1.4395314709384561],
  [0.075, -1.439531470938456],
  [1 - 1e-12, 7.0344869100478356],
  [0.5 + 1e-9, 2.5066282037387115e-9],
];

describe('normalQuantile', () => {
  it('normalQuantile(0.975) is 1.959963984540054 to 1e-15 relative', () => {
    expect(Math.abs(normalQuantile(0.975) / 1.959963984540054 - 1)).toBeLessThan(1e-15);
  });

  it('normalQuantile matches high-precision values to 1e-14 relative in all three regions', () => {
    for (const [p, z] of REFERENCE) {
      const got = normalQuantile(p);
      if (z === 0) expect(got).toBe(0);
      else expect(Math.abs(got / z - 1)).toBeLessThan(1e-14);
    }
  });

  it('normalQuantile is ±Infinity at 0 and 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });

  it('normalQuantile is antisymmetric about 0.5', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 1, maxExcluded: true, noNaN: true }), (p) => {
        const q = 1 - p; // exact for p in [0.5, 1] (Sterbenz)
        expect(normalQuantile(p) + normalQuantile(q)).toBeCloseTo(0, 13);
      }),
    );
  });

  it('normalQuantile is strictly increasing on a grid spanning all three regions', () => {
    // Neighbouring doubles can differ by an ulp in the wrong direction (as for any rounded
    // function), so monotonicity is checked on a grid rather than on arbitrary pairs.
    const grid: number[] = [];
    for (let k = 300; k >= 4; k--) grid.push(10 ** -k);
    for (let i = 1; i < 1000; i++) grid.push(i / 1000);
    for (let k = 4; k <= 15; k++) grid.push(1 - 10 ** -k);
    for (let i = 1; i < grid.length; i++) expect(normalQuantile(grid[i]!)).toBeGreaterThan(normalQuantile(grid[i - 1]!));
  });
});
