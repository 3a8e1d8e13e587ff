import { describe, expect, it } from 'vitest';
import { abcRejection } from '../../src/calibration/abcRejection.js';
import { rankHistogramChiSquare } from '../../src/calibration/rankHistogramChiSquare.js';
import { rankHistogramShape } from '../../src/calibration/rankHistogramShape.js';
import { randomStandardNormal } from '../../src/calibration/randomStandardNormal.js';
import { resamplePosterior } from '../../src/calibration/resamplePosterior.js';
import { sbc } from '../../src/calibration/sbc.js';
import { createRunStream } from '../../src/rng/createRunStream.js';
import type { RandomSource } from '../../src/rng/randomSource.js';
import { normalModel } from './conjugateModels.js';

// SBC set-up (Talts et al. 2018): 300 replications, L = 99 posterior draws (ranks 0…99, 100
// levels), 10 bins of 10 ranks, so 30 expected per bin (≥ 5, as the χ² approximation needs).
// A correct inference fails the χ² test at α = 0.01 with probability 0.01; the seeds are fixed,
// so each check is deterministic. The biased inferences below are detected with power ≈ 1.
const REPLICATIONS = 300;
const L = 99;
const BINS = 10;
const ALPHA = 0.01;

const prior = normalModel.prior();
const simulate = ([mu]: readonly number[], { random }: { random: RandomSource }) => normalModel.simulateMean(mu as number, random);

/** L draws from the exact conjugate posterior, optionally distorted (shifted or narrowed). */
function exactInference(shiftInSd = 0, sdFactor = 1) {
  return (yBar: number, { posteriorDraws, random }: { posteriorDraws: number; random: RandomSource }) => {
    const { mean, sd } = normalModel.posterior(yBar);
    return Array.from({ length: posteriorDraws }, () => [mean + shiftInSd * sd + sdFactor * sd * randomStandardNormal(random)]);
  };
}

function pValue(ranks: number[][]): number {
  return rankHistogramChiSquare(ranks.map((r) => r[0] as number), L, BINS).pValue;
}

describe('sbc', () => {
  it('sbc ranks of the exact conjugate posterior are uniform (χ², α = 0.01)', () => {
    const result = sbc({ prior, simulate, infer: exactInference(), replications: REPLICATIONS, posteriorDraws: L, seed: 1 });
    expect(result.ranks).toHaveLength(REPLICATIONS);
    expect(result.names).toEqual(['mu']);
    expect(pValue(result.ranks)).toBeGreaterThan(ALPHA);
  });

  it('sbc ranks of ABC rejection on the conjugate model are uniform (χ², α = 0.01)', () => {
    // ε ≈ 0.17 standard errors of ȳ at q = 0.02 inflates the ABC posterior sd by ~0.5%: far
    // below what 300 replications can see, so a correct ABC must pass.
    const infer = (yBar: number, { posteriorDraws, random, seed }: { posteriorDraws: number; random: RandomSource; seed: string }) => {
      const posterior = abcRejection({
        prior,
        simulate,
        summarize: (y: number) => [y],
        observed: [yBar],
        draws: posteriorDraws * 50,
        acceptQuantile: 1 / 50,
        seed,
        streams: () => random, // one sequential stream per replication: fast, still seeded
      });
      return posterior.samples;
    };
    const result = sbc({ prior, simulate, infer, replications: REPLICATIONS, posteriorDraws: L, seed: 2 });
    expect(pValue(result.ranks)).toBeGreaterThan(ALPHA);
  });

  it.each([
    ['biased by +0.5 posterior sd', 0.5, 1],
    ['overconfident (sd halved)', 0, 0.5],
    ['overdispersed (sd doubled)', 0, 2],
  ])('sbc detects an inference that is %s (χ² p < 0.01)', (_label, shift, factor) => {
    const result = sbc({ prior, simulate, infer: exactInference(shift, factor), replications: REPLICATIONS, posteriorDraws: L, seed: 1 });
    expect(pValue(result.ranks)).toBeLessThan(ALPHA);
  });

  it.each([
    ['biased by +0.5 posterior sd', 0.5, 1, 'biasedHigh'],
    ['biased by −0.5 posterior sd', -0.5, 1, 'biasedLow'],
    ['overconfident (sd halved)', 0, 0.5, 'overconfident'],
    ['overdispersed (sd doubled)', 0, 2, 'overdispersed'],
  ])('rankHistogramShape names the departure of an inference that is %s', (_label, shift, factor, shape) => {
    const result = sbc({ prior, simulate, infer: exactInference(shift, factor), replications: REPLICATIONS, posteriorDraws: L, seed: 1 });
    const histogram = rankHistogramChiSquare(result.ranks.map((r) => r[0] as number), L, BINS).counts;
    // Each distortion moves its own feature by many standard deviations (|z| > 3), the other less.
    const read = rankHistogramShape(histogram);
    expect(read.shape).toBe(shape);
    expect(Math.max(Math.abs(read.outerZ), Math.abs(read.slopeZ))).toBeGreaterThan(3);
  });

  it('rankHistogramShape reads ∩, ∪ and slopes from their definitions and refuses odd or empty histograms', () => {
    // ∩: outer 4 of 100 against 20 expected, z = (4 − 20) / 4 = −4; halves balanced.
    expect(rankHistogramShape([2, 8, 13, 13, 14, 14, 13, 13, 8, 2])).toEqual({ shape: 'overdispersed', outerZ: -4, slopeZ: 0 });
    // ∪: outer 36, z = +4.
    expect(rankHistogramShape([18, 8, 8, 8, 8, 8, 8, 8, 8, 18]).shape).toBe('overconfident');
    // Upper half 70 of 100: slope z = (70 − 30) / 10 = 4 > outer z (0).
    expect(rankHistogramShape([6, 6, 6, 6, 6, 14, 14, 14, 14, 14])).toEqual({ shape: 'biasedLow', outerZ: 0, slopeZ: 4 });
    expect(rankHistogramShape([14, 14, 14, 14, 14, 6, 6, 6, 6, 6]).shape).toBe('biasedHigh');
    expect(() => rankHistogramShape([1, 2, 3])).toThrow('invalid histogram: 3 bins (expected an even number ≥ 2)');
    expect(() => rankHistogramShape([0, 0])).toThrow('invalid histogram: no ranks');
  });

  it('sbc is reproducible and rejects an inference returning the wrong number of draws', () => {
    const run = () => sbc({ prior, simulate, infer: exactInference(), replications: 20, posteriorDraws: 9, seed: 'r' });
    expect(run()).toEqual(run());
    expect(() => sbc({ prior, simulate, infer: () => [[0]], replications: 2, posteriorDraws: 9 })).toThrow(
      'invalid inference: 1 draws (expected posteriorDraws = 9)',
    );
  });
});

describe('rankHistogramChiSquare', () => {
  it('rankHistogramChiSquare counts ranks per bin and gives p = 1 for a perfectly flat histogram', () => {
    expect(rankHistogramChiSquare([0, 1, 2, 3, 0, 1, 2, 3], 3, 4)).toEqual({
      counts: [2, 2, 2, 2],
      expected: [2, 2, 2, 2],
      statistic: 0,
      degreesOfFreedom: 3,
      pValue: 1,
    });
  });

  it('rankHistogramChiSquare gives unequal bins their share of expected counts when L + 1 is not a multiple of bins', () => {
    // L = 4: ranks 0…4 (5 levels) in 2 bins: ranks 0–2 → bin 0 (3 levels), 3–4 → bin 1 (2 levels).
    const test = rankHistogramChiSquare([0, 1, 2, 3, 4], 4, 2);
    expect(test.counts).toEqual([3, 2]);
    expect(test.expected).toEqual([3, 2]);
  });

  it('rankHistogramChiSquare p-values of truly uniform ranks are uniform: ~5% below 0.05 (binomial 99.9% band)', () => {
    // 400 histograms of 300 uniform ranks: the count of p < 0.05 is Binomial(400, 0.05), mean 20,
    // sd 4.36; its 99.9% band is about [7, 35].
    const random = createRunStream(9, 0, 'ranks');
    let below = 0;
    for (let h = 0; h < 400; h++) {
      const ranks = Array.from({ length: 300 }, () => Math.floor(random() * (L + 1)));
      if (rankHistogramChiSquare(ranks, L, BINS).pValue < 0.05) below++;
    }
    expect(below).toBeGreaterThanOrEqual(7);
    expect(below).toBeLessThanOrEqual(35);
  });

  it('rankHistogramChiSquare rejects ranks outside 0…L and bad bin counts', () => {
    expect(() => rankHistogramChiSquare([5], 4, 2)).toThrow('invalid ranks[0]: 5 (expected an integer from 0 to 4)');
    expect(() => rankHistogramChiSquare([0], 4, 6)).toThrow('invalid bins: 6');
  });
});

describe('resamplePosterior', () => {
  it('resamplePosterior draws in proportion to the weights (systematic resampling)', () => {
    expect(resamplePosterior({ samples: [[0], [1]], weights: [0.25, 0.75] }, 4, () => 0.5)).toEqual([[0], [1], [1], [1]]);
    const draws = resamplePosterior({ samples: [[0], [1], [2]], weights: [0.2, 0.3, 0.5] }, 1000, createRunStream(1, 0, 'rs'));
    // Systematic resampling puts floor or ceil of count × weight copies of each draw.
    for (const [k, w] of [0.2, 0.3, 0.5].entries()) {
      const copies = draws.filter((d) => d[0] === k).length;
      expect(Math.abs(copies - 1000 * w)).toBeLessThanOrEqual(1);
    }
  });
});
