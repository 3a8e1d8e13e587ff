import { describe, expect, it } from 'vitest';
import { abcRejection } from '../../src/calibration/abcRejection.js';
import { abcSmc } from '../../src/calibration/abcSmc.js';
import { madScaledEuclidean } from '../../src/calibration/distance.js';
import { independentPrior } from '../../src/calibration/prior.js';
import { uniformPrior } from '../../src/calibration/uniformPrior.js';
import { randomStandardNormal } from '../../src/calibration/randomStandardNormal.js';
import { randomPoisson } from '../../src/rng/randomPoisson.js';
import { normalModel, poissonModel, weightedMoments } from './conjugateModels.js';

// How the tolerances are derived. An ABC run with tolerance ε samples the ABC posterior
// π(θ | d(s_sim, s_obs) ≤ ε), not the posterior. Its distance from the analytic posterior (the
// "ε term") is computed exactly: by quadrature for the normal model (ε inflates the variance by
// about ε²/3 on the scale of ȳ), and it is zero for the Poisson model when every accepted draw
// matched the sufficient statistic S exactly. On top of that comes Monte Carlo error: a mean of
// ESS (effective) draws has standard error sd/√ESS, and a sample sd has standard error
// sd·√((κ − 1)/(4·ESS)) (κ the kurtosis; 3 for the normal, 3 + 6/shape for a gamma). The tests
// allow 4 standard errors (a false alarm has probability ~6e-5 per check) plus the ε term.
const Z = 4;

describe('abcRejection', () => {
  it('abcRejection resumed from its first draws (completedDraws) gives the same posterior, and reports only the new draws to onDraw', () => {
    let simulated = 0;
    const options = {
      prior: normalModel.prior(),
      simulate: ([mu]: readonly number[], { random }: { random: () => number }) => (simulated++, normalModel.simulateMean(mu as number, random)),
      summarize: (y: number) => [y],
      observed: [0.7],
      draws: 300,
      acceptQuantile: 0.1,
      seed: 5,
    };
    const kept: { theta: readonly number[]; summary: readonly number[] }[] = [];
    const full = abcRejection({ ...options, onDraw: (index, draw) => kept.push(draw) });
    expect(kept).toHaveLength(300);
    simulated = 0;
    const reported: number[] = [];
    const resumed = abcRejection({ ...options, completedDraws: kept.slice(0, 120), onDraw: (index) => reported.push(index) });
    expect(resumed).toEqual(full);
    expect(simulated).toBe(180);
    expect(reported).toEqual(Array.from({ length: 180 }, (_, k) => 120 + k));
    expect(() => abcRejection({ ...options, completedDraws: [{ theta: [0, 1], summary: [0] }] })).toThrow('invalid completedDraws[0]: 2 parameters (expected 1)');
  });

  it('abcRejection on the normal-mean model matches the analytic posterior within the ε term plus 4 Monte Carlo SEs', () => {
    const yBar = 0.7;
    const posterior = abcRejection({
      prior: normalModel.prior(),
      simulate: ([mu], { random }) => normalModel.simulateMean(mu as number, random),
      summarize: (y) => [y],
      observed: [yBar],
      draws: 20_000,
      acceptQuantile: 0.02,
      seed: 11,
    });
    expect(posterior.samples).toHaveLength(400);
    const epsilonRaw = posterior.epsilon * (posterior.scales[0] as number); // ε on the scale of ȳ
    const analytic = normalModel.posterior(yBar);
    const abcExact = normalModel.abcPosterior(yBar, epsilonRaw);
    const got = weightedMoments(posterior.samples, posterior.weights);
    const n = posterior.samples.length;
    const meanTolerance = Math.abs(abcExact.mean - analytic.mean) + (Z * abcExact.sd) / Math.sqrt(n);
    const sdTolerance = Math.abs(abcExact.sd - analytic.sd) + Z * abcExact.sd * Math.sqrt(2 / (4 * n));
    expect(Math.abs(got.mean - analytic.mean)).toBeLessThan(meanTolerance);
    expect(Math.abs(got.sd - analytic.sd)).toBeLessThan(sdTolerance);
    // The ε term is small here (ε ≈ 0.05 against an sd of ȳ of 0.32): the ABC posterior is close to the true one.
    expect(Math.abs(abcExact.sd / analytic.sd - 1)).toBeLessThan(0.02);
  });

  it('abcRejection on the Poisson–gamma model matches Gamma(1 + S, β + n) when all accepted draws match S exactly', () => {
    const sum = 30;
    const posterior = abcRejection({
      prior: poissonModel.prior(),
      simulate: ([lambda], { random }) => {
        let s = 0;
        for (let i = 0; i < poissonModel.n; i++) s += randomPoisson(random, lambda as number);
        return s;
      },
      summarize: (s) => [s],
      observed: [sum],
      // P(S = 30) under the prior predictive is (β/(β+n))·(n/(β+n))^30 ≈ 0.0095, so ~380 of
      // 40,000 draws match exactly (sd ≈ 19); keeping 280 keeps only exact matches.
      draws: 40_000,
      acceptQuantile: 0.007,
      seed: 5,
    });
    expect(Math.max(...posterior.summaries.map((s) => Math.abs((s[0] as number) - sum)))).toBe(0);
    const analytic = poissonModel.posterior(sum);
    const got = weightedMoments(posterior.samples, posterior.weights);
    const n = posterior.samples.length;
    const kurtosis = 3 + 6 / analytic.shape;
    expect(Math.abs(got.mean - analytic.mean)).toBeLessThan((Z * analytic.sd) / Math.sqrt(n));
    expect(Math.abs(got.sd - analytic.sd)).toBeLessThan(Z * analytic.sd * Math.sqrt((kurtosis - 1) / (4 * n)));
  });

  it('abcRejection is reproducible bit for bit and keeps ⌈q·draws⌉ draws', () => {
    const run = (seed: number) =>
      abcRejection({
        prior: independentPrior({ mu: uniformPrior(-3, 3) }),
        simulate: ([mu], { random }) => (mu as number) + randomStandardNormal(random),
        summarize: (y) => [y],
        observed: [0],
        draws: 501,
        acceptQuantile: 0.1,
        seed,
      });
    expect(run(3)).toEqual(run(3));
    expect(run(3).samples).not.toEqual(run(4).samples);
    expect(run(3).samples).toHaveLength(51);
  });

  it('abcRejection rejects invalid options with the error grammar', () => {
    const base = { prior: independentPrior({ mu: uniformPrior(0, 1) }), simulate: () => 0, summarize: (y: number) => [y], observed: [0] };
    expect(() => abcRejection({ ...base, draws: 0 })).toThrow('invalid draws: 0 (expected an integer ≥ 1)');
    expect(() => abcRejection({ ...base, draws: 10, acceptQuantile: 0 })).toThrow('invalid acceptQuantile: 0');
    expect(() => abcRejection({ ...base, draws: 10, summarize: () => [1, 2] })).toThrow('invalid summary: 2 values (expected 1');
  });
});

describe('abcSmc', () => {
  it('abcSmc on the normal-mean model matches the analytic posterior within the ε term plus 4 SEs of its ESS', () => {
    const yBar = -1.3;
    const posterior = abcSmc({
      prior: normalModel.prior(),
      simulate: ([mu], { random }) => normalModel.simulateMean(mu as number, random),
      summarize: (y) => [y],
      observed: [yBar],
      particles: 500,
      maxGenerations: 7,
      seed: 3,
    });
    const epsilonRaw = posterior.epsilon * (posterior.scales[0] as number);
    const analytic = normalModel.posterior(yBar);
    const abcExact = normalModel.abcPosterior(yBar, epsilonRaw);
    const got = weightedMoments(posterior.samples, posterior.weights);
    const ess = posterior.effectiveSampleSize;
    expect(ess).toBeGreaterThan(100);
    expect(Math.abs(got.mean - analytic.mean)).toBeLessThan(Math.abs(abcExact.mean - analytic.mean) + (Z * abcExact.sd) / Math.sqrt(ess));
    expect(Math.abs(got.sd - analytic.sd)).toBeLessThan(Math.abs(abcExact.sd - analytic.sd) + Z * abcExact.sd * Math.sqrt(2 / (4 * ess)));
    // ε decreases every generation and the bookkeeping adds up
    for (let g = 1; g < posterior.epsilonSchedule.length; g++) {
      expect(posterior.epsilonSchedule[g] as number).toBeLessThan(posterior.epsilonSchedule[g - 1] as number);
    }
    expect(posterior.generations.reduce((s, g) => s + g.simulations, 0)).toBe(posterior.simulations);
    expect(posterior.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
  });

  it('abcSmc importance weights correct for an informative prior: N(0, 1) prior, one N(μ, 1) observation at 2 → N(1, 1/2)', () => {
    // Here the proposals concentrate near the likelihood, so dropping the prior/proposal weights
    // would put the mean ~13 standard errors too high (measured over 6 seeds); with them the
    // result must match the ABC posterior (quadrature) within 4 SEs of the ESS.
    const model = Object.assign(Object.create(normalModel) as typeof normalModel, { tau0: 1, n: 1 });
    const posterior = abcSmc({
      prior: model.prior(),
      simulate: ([mu], { random }) => model.simulateMean(mu as number, random),
      summarize: (y) => [y],
      observed: [2],
      particles: 400,
      maxGenerations: 6,
      seed: 4,
    });
    const abcExact = model.abcPosterior(2, posterior.epsilon * (posterior.scales[0] as number));
    const analytic = model.posterior(2);
    expect(analytic.mean).toBeCloseTo(1, 12);
    const got = weightedMoments(posterior.samples, posterior.weights);
    const ess = posterior.effectiveSampleSize;
    expect(Math.abs(got.mean - abcExact.mean)).toBeLessThan((Z * abcExact.sd) / Math.sqrt(ess));
    expect(Math.abs(got.sd - abcExact.sd)).toBeLessThan(Z * abcExact.sd * Math.sqrt(2 / (4 * ess)));
    expect(Math.abs(abcExact.mean - analytic.mean)).toBeLessThan(0.01); // the ε term is small
  });

  it('abcSmc on the Poisson–gamma model matches Gamma(1 + S, β + n) within 4 SEs of its ESS once ε reaches exact matching', () => {
    const sum = 12;
    const posterior = abcSmc({
      prior: poissonModel.prior(),
      simulate: ([lambda], { random }) => {
        let s = 0;
        for (let i = 0; i < poissonModel.n; i++) s += randomPoisson(random, lambda as number);
        return s;
      },
      summarize: (s) => [s],
      observed: [sum],
      distance: madScaledEuclidean({ scales: [1] }), // ε in units of S: ε < 1 means an exact match
      particles: 400,
      targetEpsilon: 0,
      maxGenerations: 12,
      seed: 8,
    });
    expect(posterior.stopReason).toBe('target-epsilon');
    expect(posterior.epsilon).toBe(0);
    const analytic = poissonModel.posterior(sum);
    const got = weightedMoments(posterior.samples, posterior.weights);
    const ess = posterior.effectiveSampleSize;
    const kurtosis = 3 + 6 / analytic.shape;
    expect(Math.abs(got.mean - analytic.mean)).toBeLessThan((Z * analytic.sd) / Math.sqrt(ess));
    expect(Math.abs(got.sd - analytic.sd)).toBeLessThan(Z * analytic.sd * Math.sqrt((kurtosis - 1) / (4 * ess)));
  });

  it.each([1, 2, 3])('abcSmc reaches a smaller ε than abcRejection for the same simulation budget (seed %d)', (seed) => {
    // A sharp likelihood (sd of the data 0.05) under a wide prior: rejection wastes most of its budget.
    const common = {
      prior: independentPrior({ mu: uniformPrior(-10, 10) }),
      simulate: ([mu]: readonly number[], { random }: { random: () => number }) => (mu as number) + 0.05 * randomStandardNormal(random),
      summarize: (y: number) => [y],
      observed: [2.5],
      distance: madScaledEuclidean({ scales: [1] }), // the same fixed scale, so ε is comparable
      seed,
    };
    const budget = 4000;
    const rejection = abcRejection({ ...common, draws: budget, acceptQuantile: 200 / budget });
    const smc = abcSmc({ ...common, particles: 200, maxGenerations: 50, maxSimulations: budget });
    expect(smc.simulations).toBeLessThanOrEqual(budget);
    expect(smc.samples).toHaveLength(200);
    expect(smc.epsilon).toBeLessThan(rejection.epsilon / 4);
  });

  it('abcSmc draws depend only on (seed, generation, index): a longer run repeats a shorter one draw for draw', () => {
    const record = (maxGenerations: number) => {
      const seen = new Map<string, number>();
      const posterior = abcSmc({
        prior: independentPrior({ mu: uniformPrior(-3, 3) }),
        simulate: ([mu], { random, generation, index, seed }) => {
          const y = (mu as number) + 0.3 * randomStandardNormal(random);
          seen.set(`${generation}/${index}/${seed}`, y);
          return y;
        },
        summarize: (y) => [y],
        observed: [1],
        particles: 50,
        maxGenerations,
        seed: 'x',
      });
      return { seen, posterior };
    };
    const short = record(2);
    const long = record(3);
    for (const [key, value] of short.seen) expect(long.seen.get(key)).toBe(value);
    expect(long.seen.size).toBeGreaterThan(short.seen.size);
    expect(record(3).posterior).toEqual(long.posterior);
  });

  it('abcSmc stops at the acceptance-rate floor and on the budget, keeping the last complete generation', () => {
    const common = {
      prior: independentPrior({ mu: uniformPrior(-3, 3) }),
      simulate: ([mu]: readonly number[], { random }: { random: () => number }) => (mu as number) + randomStandardNormal(random),
      summarize: (y: number) => [y],
      observed: [0],
      particles: 100,
      seed: 2,
    };
    const floor = abcSmc({ ...common, minAcceptanceRate: 0.2, maxGenerations: 30 });
    expect(floor.stopReason).toBe('min-acceptance');
    // the abandoned generation used 100 / 0.2 = 500 simulations; every kept one stayed above the floor
    for (const rate of floor.acceptanceRates) expect(rate).toBeGreaterThanOrEqual(0.2);
    expect(floor.simulations).toBe(floor.generations.reduce((s, g) => s + g.simulations, 0) + 500);
    // a simulator whose output can never be near the observation ends at the floor instead of hanging
    const never = abcSmc({ ...common, simulate: () => Number.NaN, maxGenerations: 5 });
    expect(never.stopReason).toBe('min-acceptance');
    const budget = abcSmc({ ...common, maxGenerations: 30, maxSimulations: 700 });
    expect(budget.stopReason).toBe('max-simulations');
    expect(budget.samples).toHaveLength(100);
    expect(budget.simulations).toBe(700);
  });

  it('abcSmc rejects invalid options with the error grammar', () => {
    const base = { prior: independentPrior({ mu: uniformPrior(0, 1) }), simulate: () => 0, summarize: (y: number) => [y], observed: [0] };
    expect(() => abcSmc({ ...base, particles: 1 })).toThrow('invalid particles: 1 (expected an integer ≥ 2)');
    expect(() => abcSmc({ ...base, epsilonQuantile: 1 })).toThrow('invalid epsilonQuantile: 1');
    expect(() => abcSmc({ ...base, particles: 10, maxSimulations: 5 })).toThrow('invalid maxSimulations: 5');
  });
});
