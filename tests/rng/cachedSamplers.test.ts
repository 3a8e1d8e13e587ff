import { describe, expect, it } from 'vitest';
import { createRunStream } from '../../src/rng/createRunStream.js';
import { createBinomialCache, randomBinomial, randomBinomialCached } from '../../src/rng/randomBinomial.js';
import { createPoissonCache, randomPoisson, randomPoissonCached } from '../../src/rng/randomPoisson.js';

// The cached samplers exist for speed only: draw for draw they must equal the plain ones,
// including when a slot is reused with another rate (the cache must notice and recompute).
describe('cached samplers', () => {
  it('randomPoissonCached equals randomPoisson draw for draw, with slots reused across rates', () => {
    const plain = createRunStream(1, 0, 'poisson');
    const cached = createRunStream(1, 0, 'poisson');
    const rates = createRunStream(2, 0, 'rates');
    const cache = createPoissonCache(4);
    for (let i = 0; i < 20_000; i++) {
      // Few distinct rates (so slots hit) and now and then a new one (so they must miss), some ≥ 10.
      const lambda = rates() < 0.9 ? [0.3, 2.5, 7, 12][i % 4]! : 30 * rates();
      expect(randomPoissonCached(cached, lambda, cache, i % 4)).toBe(randomPoisson(plain, lambda));
    }
  });

  it('randomBinomialCached equals randomBinomial draw for draw, with slots reused across (n, p)', () => {
    const plain = createRunStream(3, 0, 'binomial');
    const cached = createRunStream(3, 0, 'binomial');
    const params = createRunStream(4, 0, 'params');
    const cache = createBinomialCache(3);
    for (let i = 0; i < 20_000; i++) {
      const fresh = params() < 0.1;
      const trials = fresh ? Math.floor(200 * params()) : [12, 5, 40][i % 3]!;
      const probability = fresh ? params() : [0.05, 0.3, 0.01][i % 3]!;
      expect(randomBinomialCached(cached, trials, probability, cache, i % 3)).toBe(randomBinomial(plain, trials, probability));
    }
  });
});
