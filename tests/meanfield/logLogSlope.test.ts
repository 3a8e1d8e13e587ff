import { describe, expect, it } from 'vitest';
import { logLogSlope } from '../../src/meanfield/logLogSlope.js';

describe('logLogSlope', () => {
  it('logLogSlope recovers the exponent and prefactor of an exact power law', () => {
    const x = [1, 2, 5, 10, 100];
    const fit = logLogSlope(x, x.map((value) => 3 * value ** -1.5));
    expect(fit.slope).toBeCloseTo(-1.5, 12);
    expect(Math.exp(fit.intercept)).toBeCloseTo(3, 12);
    expect(Number.isNaN(fit.slopeStandardError)).toBe(true);
  });

  it('logLogSlope propagates per-point standard errors of ln y with the OLS weights', () => {
    // u = ln x = 0, ln 4, 2 ln 4: deviations −ln 4, 0, ln 4, Σ = 2 ln²4, so
    // Var = (ln²4·σ1² + ln²4·σ3²) / (2 ln²4)² = (σ1² + σ3²) / (4 ln²4).
    const fit = logLogSlope([1, 4, 16], [1, 0.5, 0.25], [0.1, 0.7, 0.2]);
    expect(fit.slopeStandardError).toBeCloseTo(Math.sqrt((0.01 + 0.04) / (4 * Math.log(4) ** 2)), 14);
  });

  it('logLogSlope rejects points it cannot fit', () => {
    expect(() => logLogSlope([1], [1])).toThrow('invalid points');
    expect(() => logLogSlope([1, 2], [1, 0])).toThrow('invalid point 1: (2, 0)');
    expect(() => logLogSlope([2, 2], [1, 3])).toThrow('invalid x: all points have the same x');
  });
});
