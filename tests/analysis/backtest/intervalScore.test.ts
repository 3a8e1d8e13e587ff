import { describe, expect, it } from 'vitest';
import { intervalScore } from '../../../src/analysis/backtest/intervalScore.js';
import { createRunStream } from '../../../src/rng/createRunStream.js';

/** The quantile (pinball) score of quantile q at level τ: (1{y < q} − τ)(q − y). */
const pinball = (q: number, y: number, tau: number) => ((y < q ? 1 : 0) - tau) * (q - y);

describe('intervalScore', () => {
  it('intervalScore is the width inside the interval and adds 2/α times the miss outside', () => {
    expect(intervalScore(10, 20, 15, 0.1)).toBe(10);
    expect(intervalScore(10, 20, 25, 0.1)).toBeCloseTo(110, 12);
    expect(intervalScore(10, 20, 8, 0.5)).toBe(18);
    expect(intervalScore(10, 20, 10, 0.5)).toBe(10);
  });

  it('intervalScore equals (2/α) times the pinball scores of its two quantiles (Gneiting & Raftery 2007, eq. 44)', () => {
    const random = createRunStream(4, 0, 'interval-score');
    for (let trial = 0; trial < 200; trial++) {
      const lower = random() * 100;
      const upper = lower + random() * 50;
      const y = random() * 200 - 25;
      const alpha = 0.01 + random() * 0.9;
      const identity = (2 / alpha) * (pinball(lower, y, alpha / 2) + pinball(upper, y, 1 - alpha / 2));
      expect(intervalScore(lower, upper, y, alpha)).toBeCloseTo(identity, 9);
    }
  });

  it('intervalScore is NaN for a reversed interval, α outside (0, 1) or a NaN observation', () => {
    expect(intervalScore(20, 10, 15, 0.1)).toBeNaN();
    expect(intervalScore(10, 20, 15, 0)).toBeNaN();
    expect(intervalScore(10, 20, 15, 1)).toBeNaN();
    expect(intervalScore(10, 20, NaN, 0.1)).toBeNaN();
  });
});
