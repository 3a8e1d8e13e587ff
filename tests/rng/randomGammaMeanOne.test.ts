import { describe, expect, it } from 'vitest';
import { createRunStream } from '../../src/rng/createRunStream.js';
import { randomGammaMeanOne } from '../../src/rng/randomGammaMeanOne.js';

describe('randomGammaMeanOne', () => {
  it.each([0.05, 0.2, 0.5])('randomGammaMeanOne(%s) has mean 1 and variance equal to the dispersion (moments, fixed seed)', (dispersion) => {
    const random = createRunStream('gamma-moments', 0, String(dispersion));
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let fourth = 0;
    let smallest = Infinity;
    for (let i = 0; i < n; i++) {
      const x = randomGammaMeanOne(random, dispersion);
      smallest = Math.min(smallest, x);
      sum += x;
      squares += (x - 1) ** 2;
      fourth += (x - 1) ** 4;
    }
    expect(smallest).toBeGreaterThanOrEqual(0);
    const mean = sum / n;
    const variance = squares / n;
    // SE of the mean: sqrt(φ/n); of the variance: sqrt((μ4 − φ²)/n). 4 SEs, plus 1% of φ for
    // the Wilson–Hilferty approximation of the variance.
    expect(Math.abs(mean - 1)).toBeLessThan(4 * Math.sqrt(dispersion / n));
    const seVariance = Math.sqrt((fourth / n - variance ** 2) / n);
    expect(Math.abs(variance - dispersion)).toBeLessThan(4 * seVariance + 0.01 * dispersion);
    // Gamma's skewness is 2√φ: the right tail is longer than the left.
    let above = 0;
    const r2 = createRunStream('gamma-moments', 1, String(dispersion));
    for (let i = 0; i < 20_000; i++) if (randomGammaMeanOne(r2, dispersion) > 1) above++;
    expect(above / 20_000).toBeLessThan(0.5);
  });

  it('randomGammaMeanOne uses exactly one uniform per draw, whatever the dispersion (common random numbers)', () => {
    const a = createRunStream('gamma-crn', 0, 'x');
    const b = createRunStream('gamma-crn', 0, 'x');
    for (let i = 0; i < 100; i++) {
      randomGammaMeanOne(a, 0.3);
      randomGammaMeanOne(b, i % 2 === 0 ? 0 : 0.01);
    }
    expect(a()).toBe(b());
  });

  it('randomGammaMeanOne(0) is exactly 1 and is monotone in the uniform', () => {
    const random = createRunStream('gamma-zero', 0, 'x');
    expect(randomGammaMeanOne(random, 0)).toBe(1);
    const draws = [0.01, 0.2, 0.5, 0.8, 0.99].map((u) => randomGammaMeanOne(() => u, 0.2));
    for (let i = 1; i < draws.length; i++) expect(draws[i]).toBeGreaterThan(draws[i - 1] as number);
  });
});
