import { describe, expect, it } from 'vitest';
import { standardNormalCdf as normalCdf } from '../../src/math/standardNormalCdf.js';
import { independentPrior, type UnivariatePrior } from '../../src/calibration/prior.js';
import { logUniformPrior } from '../../src/calibration/logUniformPrior.js';
import { truncatedNormalPrior } from '../../src/calibration/truncatedNormalPrior.js';
import { uniformPrior } from '../../src/calibration/uniformPrior.js';
import { createRunStream } from '../../src/rng/createRunStream.js';

// Each sampler is checked against its analytic mean and variance: the mean of n = 40,000 draws
// lies within 5·sd/√n of the true mean (false alarm < 6e-7), and its sample variance within
// 5·sd²·√(2/n)·√((κ−1)/2) (κ ≤ 9 for the priors here, bounded by a generous √4 factor).
// Densities must integrate to 1 over the support (trapezoid rule on 20,001 points).
const N = 40_000;

function check(prior: UnivariatePrior, mean: number, variance: number, seed: string) {
  const random = createRunStream(seed, 0, 'prior');
  let sum = 0;
  let sumSquares = 0;
  let outside = 0;
  for (let i = 0; i < N; i++) {
    const x = prior.sample(random);
    if (!(x >= prior.lower && x <= prior.upper)) outside++;
    sum += x;
    sumSquares += x * x;
  }
  expect(outside).toBe(0);
  const m = sum / N;
  const v = sumSquares / N - m * m;
  const sd = Math.sqrt(variance);
  expect(Math.abs(m - mean)).toBeLessThan((5 * sd) / Math.sqrt(N));
  expect(Math.abs(v - variance)).toBeLessThan(5 * variance * Math.sqrt(2 / N) * 2);
}

function integral(prior: UnivariatePrior, lo: number, hi: number): number {
  const points = 20_001;
  const h = (hi - lo) / (points - 1);
  let total = 0;
  for (let i = 0; i < points; i++) {
    const f = Math.exp(prior.logDensity(lo + i * h));
    total += i === 0 || i === points - 1 ? f / 2 : f;
  }
  return total * h;
}

describe('uniformPrior', () => {
  it('uniformPrior samples with mean (a+b)/2 and variance (b−a)²/12, density 1/(b−a) inside and 0 outside', () => {
    const p = uniformPrior(2, 7);
    check(p, 4.5, 25 / 12, 'uniform');
    expect(Math.exp(p.logDensity(3))).toBeCloseTo(0.2, 15);
    expect(p.logDensity(7.01)).toBe(-Infinity);
    expect(integral(p, 2, 7)).toBeCloseTo(1, 6);
  });

  it('uniformPrior rejects an empty or infinite range', () => {
    expect(() => uniformPrior(3, 3)).toThrow('invalid uniform prior: [3, 3] (expected finite lower < upper)');
    expect(() => uniformPrior(0, Infinity)).toThrow('invalid uniform prior');
  });
});

describe('logUniformPrior', () => {
  it('logUniformPrior samples with mean (b−a)/ln(b/a) and variance (b²−a²)/(2 ln(b/a)) − mean², and its density integrates to 1', () => {
    const a = 0.05;
    const b = 0.8;
    const L = Math.log(b / a);
    const mean = (b - a) / L;
    const p = logUniformPrior(a, b);
    check(p, mean, (b * b - a * a) / (2 * L) - mean * mean, 'log-uniform');
    expect(integral(p, a, b)).toBeCloseTo(1, 6);
  });

  it('logUniformPrior rejects a non-positive lower bound', () => {
    expect(() => logUniformPrior(0, 1)).toThrow('invalid log-uniform prior: [0, 1] (expected 0 < lower < upper)');
  });
});

describe('truncatedNormalPrior', () => {
  it.each([
    [0.07, 0.05, 0.02, 0.2],
    [0, 1, 1.5, 4], // an interval in the upper tail: sampled on the mirrored side
    [0, 1, -Infinity, Infinity],
  ])('truncatedNormalPrior(%d, %d, [%d, %d]) has the analytic truncated-normal mean and variance', (mean, sd, lo, hi) => {
    // Johnson, Kotz & Balakrishnan (1994) §13.10: with α, β the standardised bounds and
    // Z = Φ(β) − Φ(α), E = μ + σ(φ(α) − φ(β))/Z, Var = σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²].
    const phi = (z: number) => (Number.isFinite(z) ? Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) : 0);
    const zphi = (z: number) => (Number.isFinite(z) ? z * phi(z) : 0);
    const alpha = (lo - mean) / sd;
    const beta = (hi - mean) / sd;
    const Z = normalCdf(beta) - normalCdf(alpha);
    const shift = (phi(alpha) - phi(beta)) / Z;
    const p = truncatedNormalPrior(mean, sd, lo, hi);
    check(p, mean + sd * shift, sd * sd * (1 + (zphi(alpha) - zphi(beta)) / Z - shift * shift), `tn-${lo}`);
    const integrationLo = Number.isFinite(lo) ? lo : mean - 12 * sd;
    const integrationHi = Number.isFinite(hi) ? hi : mean + 12 * sd;
    expect(integral(p, integrationLo, integrationHi)).toBeCloseTo(1, 6);
  });

  it('truncatedNormalPrior rejects sd ≤ 0 and an interval without mass', () => {
    expect(() => truncatedNormalPrior(0, 0)).toThrow('invalid truncated normal prior: mean 0, sd 0');
    expect(() => truncatedNormalPrior(0, 1, 50, 60)).toThrow('no probability mass in the interval');
  });
});

describe('independentPrior', () => {
  it('independentPrior sums log densities, samples each part in order, and is −Infinity outside any part', () => {
    const prior = independentPrior({ a: uniformPrior(0, 2), b: logUniformPrior(1, Math.E) });
    expect(prior.names).toEqual(['a', 'b']);
    expect(prior.logDensity([1, 2])).toBeCloseTo(Math.log(0.5) + Math.log(0.5), 14);
    expect(prior.logDensity([3, 2])).toBe(-Infinity);
    expect(prior.logDensity([1])).toBe(-Infinity);
    const draw = prior.sample(createRunStream(1, 0, 'joint'));
    expect(draw).toHaveLength(2);
    expect(prior.logDensity(draw)).toBeGreaterThan(-Infinity);
    expect(() => independentPrior({})).toThrow('invalid prior: no parameters');
  });
});
