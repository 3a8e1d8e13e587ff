import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { regularizedIncompleteBeta, studentTCdf, studentTQuantile } from '../../src/math/index.js';
import { logGamma } from '../../src/math/logGamma.js';
import { normalQuantile } from '../../src/math/index.js';
import { logFactorial } from '../../src/rng/index.js';

describe('logGamma', () => {
  it('logGamma matches ln((n − 1)!) and ln Γ(n + ½) = ln((2n)! √π / (4^n n!))', () => {
    for (let n = 1; n <= 170; n++) {
      expect(Math.abs(logGamma(n) - logFactorial(n - 1))).toBeLessThanOrEqual(1e-13 * Math.max(1, logFactorial(n - 1)));
      const half = logFactorial(2 * n) + 0.5 * Math.log(Math.PI) - n * Math.log(4) - logFactorial(n);
      expect(Math.abs(logGamma(n + 0.5) - half)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(half)));
    }
    expect(logGamma(0)).toBeNaN();
  });
});

describe('regularizedIncompleteBeta', () => {
  it('regularizedIncompleteBeta has the closed forms I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 50, noNaN: true }), (x, a) => {
        expect(Math.abs(regularizedIncompleteBeta(x, a, 1) - x ** a)).toBeLessThanOrEqual(1e-13);
        expect(Math.abs(regularizedIncompleteBeta(x, 1, a) - (1 - (1 - x) ** a))).toBeLessThanOrEqual(1e-13);
      }),
    );
  });

  it('regularizedIncompleteBeta gives binomial tails: P(X ≥ k) = I_p(k, n − k + 1)', () => {
    // Independent path: sum the binomial pmf in log space with logFactorial.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, p, share) => {
        const k = Math.max(1, Math.round(share * n));
        let tail = 0;
        for (let j = k; j <= n; j++) tail += Math.exp(logFactorial(n) - logFactorial(j) - logFactorial(n - j) + j * Math.log(p) + (n - j) * Math.log1p(-p));
        expect(Math.abs(regularizedIncompleteBeta(p, k, n - k + 1) - tail)).toBeLessThanOrEqual(1e-11 * Math.max(tail, 1e-3));
      }),
      { numRuns: 300 },
    );
  });

  it('regularizedIncompleteBeta is NaN outside its domain', () => {
    expect(regularizedIncompleteBeta(1.5, 1, 1)).toBeNaN();
    expect(regularizedIncompleteBeta(0.5, 0, 1)).toBeNaN();
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });
});

describe('studentTQuantile', () => {
  it('studentTQuantile matches the closed forms for 1 and 2 degrees of freedom', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
        const cauchy = Math.tan(Math.PI * (p - 0.5));
        const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        expect(Math.abs(studentTQuantile(p, 1) - cauchy)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(cauchy)));
        expect(Math.abs(studentTQuantile(p, 2) - two)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(two)));
      }),
    );
  });

  it('studentTQuantile matches tabulated 0.975 quantiles and tends to the normal', () => {
    // A&S Table 26.10 (6 decimals).
    const table: [number, number][] = [[3, 3.182446], [5, 2.570582], [10, 2.228139], [30, 2.042272], [120, 1.979930]];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 6);
    expect(studentTQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    expect(Math.abs(studentTQuantile(0.975, 1e7) - normalQuantile(0.975))).toBeLessThan(1e-6);
    expect(studentTQuantile(0.025, 10)).toBe(-studentTQuantile(0.975, 10));
    expect(studentTQuantile(0.5, 4)).toBe(0);
  });

  it('studentTQuantile inverts studentTCdf', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), fc.double({ min: 0.5, max: 1000, noNaN: true }), (p, df) => {
        expect(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p)).toBeLessThanOrEqual(1e-12); // the incomplete beta is accurate to ~1e-14 relative; the round trip through the inverse to ~1e-13
      }),
    );
    expect(studentTQuantile(1.2, 3)).toBeNaN();
    expect(studentTQuantile(0.5, 0)).toBeNaN();
  });
});
