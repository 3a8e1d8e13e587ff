// Conjugate models with analytic posteriors, shared by the ABC and SBC tests.
import { standardNormalCdf as normalCdf } from '../../src/math/standardNormalCdf.js';
import { independentPrior, type Prior, type UnivariatePrior } from '../../src/calibration/prior.js';
import { randomStandardNormal } from '../../src/calibration/randomStandardNormal.js';
import { truncatedNormalPrior } from '../../src/calibration/truncatedNormalPrior.js';
import type { RandomSource } from '../../src/rng/randomSource.js';

/**
 * Normal mean: y₁…yₙ ~ N(μ, σ²), σ known; prior μ ~ N(m₀, τ₀²) truncated to m₀ ± 5τ₀ (mass
 * outside 5.7e-7, negligible). The sample mean ȳ is sufficient; posterior N(mₙ, τₙ²) with
 * 1/τₙ² = 1/τ₀² + n/σ², mₙ = τₙ²(m₀/τ₀² + n·ȳ/σ²) (Gelman et al., BDA3, eq. 2.12).
 */
export const normalModel = {
  m0: 0,
  tau0: 2,
  sigma: 1,
  n: 10,
  prior(): Prior {
    return independentPrior({ mu: truncatedNormalPrior(this.m0, this.tau0, this.m0 - 5 * this.tau0, this.m0 + 5 * this.tau0) });
  },
  /** Standard error of ȳ. */
  get standardError(): number {
    return this.sigma / Math.sqrt(this.n);
  },
  /** Simulates ȳ directly (distributionally identical to averaging n draws). */
  simulateMean(mu: number, random: RandomSource): number {
    return mu + this.standardError * randomStandardNormal(random);
  },
  posterior(yBar: number): { mean: number; sd: number } {
    const precision = 1 / this.tau0 ** 2 + this.n / this.sigma ** 2;
    const variance = 1 / precision;
    return { mean: variance * (this.m0 / this.tau0 ** 2 + (this.n * yBar) / this.sigma ** 2), sd: Math.sqrt(variance) };
  },
  /**
   * Mean and sd of the exact ABC posterior with a uniform kernel of half-width ε on ȳ,
   * π(μ)·P(|ȳ_sim − ȳ| ≤ ε | μ) = π(μ)·[Φ((ȳ + ε − μ)/s) − Φ((ȳ − ε − μ)/s)], by quadrature on a
   * fine grid (20,001 points over the prior's support). At ε → 0 it is the posterior.
   */
  abcPosterior(yBar: number, epsilon: number): { mean: number; sd: number } {
    const s = this.standardError;
    const lo = this.m0 - 5 * this.tau0;
    const hi = this.m0 + 5 * this.tau0;
    const points = 20_001;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    for (let i = 0; i < points; i++) {
      const mu = lo + ((hi - lo) * i) / (points - 1);
      const prior = Math.exp(-0.5 * ((mu - this.m0) / this.tau0) ** 2);
      const kernel = epsilon > 0 ? normalCdf((yBar + epsilon - mu) / s) - normalCdf((yBar - epsilon - mu) / s) : Math.exp(-0.5 * ((yBar - mu) / s) ** 2);
      const w = prior * kernel;
      w0 += w;
      w1 += w * mu;
      w2 += w * mu * mu;
    }
    const mean = w1 / w0;
    return { mean, sd: Math.sqrt(w2 / w0 - mean * mean) };
  },
};

/**
 * Poisson–gamma: y₁…yₙ ~ Poisson(λ), prior λ ~ Gamma(1, β) = Exponential(β). The sum S is
 * sufficient; posterior Gamma(1 + S, β + n) (Gelman et al., BDA3, §2.6).
 */
export const poissonModel = {
  beta: 0.5,
  n: 8,
  prior(): Prior {
    const beta = this.beta;
    const exponential: UnivariatePrior = {
      kind: 'exponential',
      lower: 0,
      upper: Infinity,
      spec: { kind: 'exponential', rate: beta },
      logDensity: (x) => (x >= 0 ? Math.log(beta) - beta * x : -Infinity),
      sample: (random) => -Math.log(1 - random()) / beta,
    };
    return independentPrior({ lambda: exponential });
  },
  posterior(sum: number): { mean: number; sd: number; shape: number } {
    const shape = 1 + sum;
    const rate = this.beta + this.n;
    return { mean: shape / rate, sd: Math.sqrt(shape) / rate, shape };
  },
};

/** Weighted mean and sd of the first coordinate of weighted draws. */
export function weightedMoments(samples: readonly (readonly number[])[], weights: readonly number[]): { mean: number; sd: number } {
  let total = 0;
  let mean = 0;
  for (let i = 0; i < samples.length; i++) total += weights[i] as number;
  for (let i = 0; i < samples.length; i++) mean += ((weights[i] as number) / total) * ((samples[i] as number[])[0] as number);
  let variance = 0;
  for (let i = 0; i < samples.length; i++) variance += ((weights[i] as number) / total) * (((samples[i] as number[])[0] as number) - mean) ** 2;
  return { mean, sd: Math.sqrt(variance) };
}
