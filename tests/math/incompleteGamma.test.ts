import { describe, expect, it } from 'vitest';
import { erf, lgamma } from 'mathjs';
import { chiSquareSurvival } from '../../src/math/chiSquareSurvival.js';
import { logGamma, regularizedGammaP, regularizedGammaQ } from '../../src/math/incompleteGamma.js';
import { standardNormalCdf as normalCdf } from '../../src/math/standardNormalCdf.js';

describe('logGamma', () => {
  it('logGamma matches ln((n−1)!) and ln √π, and mathjs lgamma across (0, 200]', () => {
    let factorial = 0;
    for (let n = 1; n <= 30; n++) {
      expect(Math.abs(logGamma(n) - factorial)).toBeLessThan(1e-12 * Math.max(1, factorial));
      factorial += Math.log(n);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    for (const x of [0.01, 0.1, 0.3, 0.7, 1.5, 2.5, 7.3, 33.3, 199.9]) {
      expect(Math.abs(logGamma(x) - lgamma(x))).toBeLessThan(1e-12 * Math.max(1, Math.abs(lgamma(x))));
    }
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });
});

describe('regularizedGammaP', () => {
  it('regularizedGammaP(1, x) = 1 − e^−x and P(1/2, x²) = erf x, on both sides of the series/fraction switch', () => {
    for (const x of [1e-8, 0.1, 0.5, 1, 1.9, 2, 2.1, 5, 20]) {
      expect(Math.abs(regularizedGammaP(1, x) - -Math.expm1(-x))).toBeLessThan(1e-14);
      expect(Math.abs(regularizedGammaQ(1, x) - Math.exp(-x))).toBeLessThan(1e-15 + 1e-13 * Math.exp(-x));
    }
    for (const z of [0.05, 0.5, 1, 1.2, 1.3, 2, 3]) {
      expect(Math.abs(regularizedGammaP(0.5, z * z) - erf(z))).toBeLessThan(1e-14);
    }
  });

  it('regularizedGammaP + regularizedGammaQ = 1 and P is increasing in x', () => {
    for (const a of [0.3, 1, 4.5, 50, 500]) {
      let previous = 0;
      for (const x of [0.1, 1, a - 1, a, a + 1, 2 * a, 5 * a + 10].sort((u, v) => u - v)) {
        if (!(x > 0)) continue;
        const p = regularizedGammaP(a, x);
        expect(Math.abs(p + regularizedGammaQ(a, x) - 1)).toBeLessThan(1e-13);
        expect(p).toBeGreaterThanOrEqual(previous);
        previous = p;
      }
    }
  });

  it('regularizedGammaP rejects invalid arguments with NaN', () => {
    expect(regularizedGammaP(0, 1)).toBeNaN();
    expect(regularizedGammaP(1, -1)).toBeNaN();
    expect(regularizedGammaQ(-1, 1)).toBeNaN();
    expect(regularizedGammaP(2, 0)).toBe(0);
    expect(regularizedGammaQ(2, Infinity)).toBe(0);
  });
});

describe('chiSquareSurvival', () => {
  // Critical values from standard tables (Abramowitz & Stegun Table 26.8; R qchisq to 6 d.p.).
  it.each([
    [3.841459, 1, 0.05],
    [6.634897, 1, 0.01],
    [5.991465, 2, 0.05],
    [9.21034, 2, 0.01],
    [16.918978, 9, 0.05],
    [21.665994, 9, 0.01],
    [30.143527, 19, 0.05],
    [36.190869, 19, 0.01],
    [124.342113, 100, 0.05],
  ])('chiSquareSurvival(%d, df %d) = %d', (x, df, p) => {
    expect(Math.abs(chiSquareSurvival(x, df) - p)).toBeLessThan(2e-7);
  });

  it('chiSquareSurvival(x, 2) = e^(−x/2) exactly and is 1 at x ≤ 0', () => {
    for (const x of [0.5, 3, 10, 60]) expect(Math.abs(chiSquareSurvival(x, 2) / Math.exp(-x / 2) - 1)).toBeLessThan(1e-12);
    expect(chiSquareSurvival(0, 5)).toBe(1);
    expect(chiSquareSurvival(1, 0)).toBeNaN();
  });
});

describe('normalCdf', () => {
  it('normalCdf matches known values in the centre and both tails', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(Math.abs(normalCdf(1.959963984540054) - 0.975)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(-1) - 0.15865525393145707)).toBeLessThan(1e-15);
    // Φ(−10) = 7.619853024160527e-24 (A&S 26.2 tables; R pnorm(-10))
    expect(Math.abs(normalCdf(-10) / 7.619853024160527e-24 - 1)).toBeLessThan(1e-12);
  });
});
