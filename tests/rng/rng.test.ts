import { describe, expect, it } from 'vitest';
import { createRunStream, logFactorial, randomBinomial, randomPoisson } from '../../src/rng/index.js';

// Tolerances: a sample mean of n draws with variance v lies within 5·sqrt(v/n) of the true mean
// with probability > 1 − 6e-7, so these fixed-seed checks fail only if the sampler is wrong.
function sampleMean(draw: () => number, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += draw();
  return total / n;
}

describe('createRunStream', () => {
  it('createRunStream pins the generator to exact values', () => {
    const u = createRunStream(2020, 0, 'attacks');
    expect([u(), u()]).toEqual([0.8617475579958409, 0.6903332511428744]);
  });

  it('createRunStream gives the same stream for the same key and different streams otherwise', () => {
    const first = (seed: number, run: number, mech: string) => createRunStream(seed, run, mech)();
    expect(first(7, 3, 'a')).toBe(first(7, 3, 'a'));
    expect(first(7, 3, 'a')).not.toBe(first(7, 4, 'a'));
    expect(first(7, 3, 'a')).not.toBe(first(8, 3, 'a'));
    expect(first(7, 3, 'a')).not.toBe(first(7, 3, 'b'));
  });

  it('createRunStream rejects a negative or fractional run index', () => {
    expect(() => createRunStream(1, -1, 'a')).toThrow('invalid runIndex: -1');
    expect(() => createRunStream(1, 0.5, 'a')).toThrow('invalid runIndex: 0.5');
  });

  it('createRunStream draws are uniform on [0, 1) (chi-square over 20 bins)', () => {
    const u = createRunStream(1, 0, 'uniform');
    const bins = new Array<number>(20).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = u();
      expect(x >= 0 && x < 1).toBe(true);
      bins[Math.floor(x * 20)]! += 1;
    }
    const expected = n / 20;
    const chi2 = bins.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // 19 degrees of freedom: P(chi2 > 43.82) = 0.001
    expect(chi2).toBeLessThan(43.82);
  });
});

describe('logFactorial', () => {
  it('logFactorial matches the exact product on both sides of the switch to Stirling', () => {
    for (const k of [0, 1, 5, 15, 16, 17, 30, 100]) {
      let exact = 0;
      for (let i = 2; i <= k; i++) exact += Math.log(i);
      expect(Math.abs(logFactorial(k) - exact)).toBeLessThan(1e-10 * Math.max(1, exact));
    }
  });
});

describe('randomPoisson', () => {
  it.each([0.3, 3, 9.9, 10, 45, 400])('randomPoisson(λ=%d) has mean λ within 5 standard errors', (lambda) => {
    const u = createRunStream(5, 0, `poisson-${lambda}`);
    const n = 40_000;
    const mean = sampleMean(() => randomPoisson(u, lambda), n);
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
  });

  it('randomPoisson(λ=3) matches the Poisson distribution (chi-square, inversion branch)', () => {
    const lambda = 3;
    const u = createRunStream(6, 1, 'poisson-chi-small');
    const n = 50_000;
    const counts = new Array<number>(9).fill(0); // 0..7 individually, 8+ pooled
    for (let i = 0; i < n; i++) counts[Math.min(8, randomPoisson(u, lambda))]! += 1;
    let chi2 = 0;
    let tail = 1;
    for (let k = 0; k < 8; k++) {
      const p = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
      tail -= p;
      chi2 += (counts[k]! - n * p) ** 2 / (n * p);
    }
    chi2 += (counts[8]! - n * tail) ** 2 / (n * tail);
    // 8 degrees of freedom: P(chi2 > 26.12) = 0.001
    expect(chi2).toBeLessThan(26.12);
  });

  it('randomPoisson below λ = 10 uses exactly one uniform per variate (keeps paired runs aligned)', () => {
    let calls = 0;
    const base = createRunStream(8, 0, 'count');
    const counting = () => {
      calls++;
      return base();
    };
    for (const lambda of [0.01, 0.5, 3, 9.9]) for (let i = 0; i < 100; i++) randomPoisson(counting, lambda);
    expect(calls).toBe(400);
  });

  it('randomPoisson(λ=25) matches the Poisson distribution (chi-square)', () => {
    const lambda = 25;
    const u = createRunStream(6, 0, 'poisson-chi');
    const n = 50_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = randomPoisson(u, lambda);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    // bins 15..35 individually, tails pooled
    let chi2 = 0;
    let tailObserved = n;
    let tailExpected = n;
    for (let k = 15; k <= 35; k++) {
      const p = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
      const o = counts.get(k) ?? 0;
      chi2 += (o - n * p) ** 2 / (n * p);
      tailObserved -= o;
      tailExpected -= n * p;
    }
    chi2 += (tailObserved - tailExpected) ** 2 / tailExpected;
    // 21 degrees of freedom: P(chi2 > 46.80) = 0.001
    expect(chi2).toBeLessThan(46.8);
  });

  it('randomPoisson returns 0 for λ ≤ 0', () => {
    expect(randomPoisson(createRunStream(1, 0, 'x'), 0)).toBe(0);
    expect(randomPoisson(createRunStream(1, 0, 'x'), -2)).toBe(0);
  });
});

describe('randomBinomial', () => {
  it.each([
    [10, 0.03],
    [10, 0.7],
    [200, 0.02],
    [5000, 0.1],
    [5000, 0.9],
  ])('randomBinomial(n=%d, p=%d) has mean n·p within 5 standard errors', (trials, p) => {
    const u = createRunStream(9, 0, `binomial-${trials}-${p}`);
    const n = 20_000;
    const mean = sampleMean(() => randomBinomial(u, trials, p), n);
    expect(Math.abs(mean - trials * p)).toBeLessThan(5 * Math.sqrt((trials * p * (1 - p)) / n));
  });

  it('randomBinomial stays within [0, n] and handles p = 0 and p = 1', () => {
    const u = createRunStream(2, 0, 'bounds');
    for (let i = 0; i < 1000; i++) {
      const k = randomBinomial(u, 12, 0.4);
      expect(k >= 0 && k <= 12 && Number.isInteger(k)).toBe(true);
    }
    expect(randomBinomial(u, 12, 0)).toBe(0);
    expect(randomBinomial(u, 12, 1)).toBe(12);
  });
});
