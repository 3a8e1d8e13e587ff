// Linear regression adjustment of ABC draws (Beaumont et al. 2002): exact when the summary is a
// linear function of the transformed parameter, the identity when every draw already matches,
// always inside the prior's bounds, and calibrated (SBC) on a model where rejection alone is not.
import { describe, expect, it } from 'vitest';
import { logUniformPrior } from '../../src/calibration/logUniformPrior.js';
import { independentPrior } from '../../src/calibration/prior.js';
import { rankHistogramChiSquare } from '../../src/calibration/rankHistogramChiSquare.js';
import { randomStandardNormal } from '../../src/calibration/randomStandardNormal.js';
import { regressionAdjust } from '../../src/calibration/regressionAdjustment.js';
import { sbc } from '../../src/calibration/sbc.js';
import { uniformPrior } from '../../src/calibration/uniformPrior.js';
import { createRunStream } from '../../src/rng/createRunStream.js';

const logit = (u: number) => Math.log(u / (1 - u));

describe('regressionAdjust', () => {
  it('regressionAdjust moves every draw onto the observation when the summary is linear in the transformed parameter', () => {
    // Log-uniform on [1, 100]: the transform is the logit of log(θ)/log(100). With s = 3·z + 1
    // exactly, the fitted slope is 3 and every adjusted draw has z = (s_obs − 1)/3.
    const prior = logUniformPrior(1, 100);
    const z = (theta: number) => logit(Math.log(theta) / Math.log(100));
    const draws = [2, 5, 10, 20, 50].map((theta) => [theta]);
    const summaries = draws.map(([theta]) => [3 * z(theta as number) + 1]);
    const observed = [3 * z(10) + 1];
    const adjusted = regressionAdjust({ draws, summaries, observed, scales: [2], weights: [1], priors: [prior] });
    // To 1e-7: the ridge (1e-10 of the diagonal) keeps the fit from being exact to the last digit.
    for (const [theta] of adjusted) expect(theta).toBeCloseTo(10, 7);
  });

  it('regressionAdjust with the squares (degree 2, the default) follows a summary that bends; the linear fit alone cannot', () => {
    // θ ~ U(0, 1) on its own scale, and θ a quadratic function of its summary around s = 1.5:
    // θ = 0.5 + 0.2·(s − 1.5) − 0.3·(s − 1.5)². The quadratic fit is exact, so every draw lands
    // on θ = 0.5, the value at the observed s.
    const prior = uniformPrior(0, 1);
    const summaries = [0.9, 1.1, 1.4, 1.6, 1.8, 2.1].map((value) => [value]);
    const draws = summaries.map(([value]) => [0.5 + 0.2 * ((value as number) - 1.5) - 0.3 * ((value as number) - 1.5) ** 2]);
    const options = { draws, summaries, observed: [1.5], scales: [1], weights: [1], priors: [prior] };
    for (const [theta] of regressionAdjust(options)) expect(theta).toBeCloseTo(0.5, 7);
    const linear = regressionAdjust({ ...options, degree: 1 }).map(([theta]) => theta as number);
    expect(Math.max(...linear) - Math.min(...linear)).toBeGreaterThan(0.01);
    expect(() => regressionAdjust({ ...options, degree: 3 as never })).toThrow('invalid degree: 3 (expected 1 or 2)');
  });

  it('regressionAdjust leaves draws alone when their summaries equal the observation, and ignores weight-0 summaries', () => {
    const priors = [uniformPrior(0, 1), logUniformPrior(0.01, 0.1)];
    const draws = [[0.2, 0.02], [0.5, 0.05], [0.7, 0.03]];
    // Summary 0 matches everywhere (no spread: left out); summary 1 varies but has weight 0.
    const summaries = [[4, 1], [4, 7], [4, -3]];
    const adjusted = regressionAdjust({ draws, summaries, observed: [4, 0], scales: [1, 1], weights: [1, 0], priors });
    adjusted.forEach((row, i) => row.forEach((value, k) => expect(value).toBeCloseTo((draws[i] as number[])[k] as number, 12)));
  });

  it('regressionAdjust keeps adjusted draws inside the prior bounds even when the shift is large', () => {
    const prior = uniformPrior(0, 0.02);
    const draws = Array.from({ length: 20 }, (_, i) => [0.001 * (i + 0.5)]);
    const summaries = draws.map(([theta]) => [1000 * (theta as number)]);
    const adjusted = regressionAdjust({ draws, summaries, observed: [-50], scales: [1], weights: [1], priors: [prior] });
    for (const [theta] of adjusted) {
      expect(theta).toBeGreaterThanOrEqual(0);
      expect(theta).toBeLessThanOrEqual(0.02);
    }
  });

  it('regressionAdjust: nearest-neighbour ABC is overdispersed (∩-shaped SBC ranks) on a precise model, and calibrated after adjustment', () => {
    // θ ~ U(0, 10), s = θ + N(0, 0.05²): the data pin θ to ±0.05, but the 99 nearest of 2,000
    // reference draws span about ±0.25, so rejection alone is ~5× too wide; the adjustment
    // regresses that spread away. 200 replications, 10 bins: χ² at α = 0.01 (deterministic seeds).
    const prior = independentPrior({ theta: uniformPrior(0, 10) });
    const noise = 0.05;
    const simulate = ([theta]: readonly number[], random: () => number) => (theta as number) + noise * randomStandardNormal(random);
    const reference = Array.from({ length: 2000 }, (_, i) => {
      const theta = prior.sample(createRunStream('ra-reference', i, 'prior'));
      return { theta, s: simulate(theta, createRunStream('ra-reference', i, 'simulate')) };
    });
    const infer = (adjust: boolean) => (data: number) => {
      const nearest = [...reference].sort((a, b) => Math.abs(a.s - data) - Math.abs(b.s - data)).slice(0, 99);
      const draws = nearest.map((r) => r.theta);
      if (!adjust) return draws;
      return regressionAdjust({ draws, summaries: nearest.map((r) => [r.s]), observed: [data], scales: [1], weights: [1], priors: prior.parts });
    };
    const pValue = (adjust: boolean) => {
      const result = sbc({ prior, simulate: (theta, { random }) => simulate(theta, random), infer: infer(adjust), replications: 200, posteriorDraws: 99, seed: 4 });
      return rankHistogramChiSquare(result.ranks.map((r) => r[0] as number), 99, 10);
    };
    const rejection = pValue(false);
    expect(rejection.pValue).toBeLessThan(1e-6);
    // ∩: the middle bins hold more than their share.
    expect((rejection.counts[4] as number) + (rejection.counts[5] as number)).toBeGreaterThan(2 * 20 * 1.5);
    expect(pValue(true).pValue).toBeGreaterThan(0.01);
  });
});
