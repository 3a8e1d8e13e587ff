import { describe, expect, it } from 'vitest';
import { evpi, evppi } from '../../src/analysis/evppi.js';
import { createRunStream } from '../../src/rng/createRunStream.js';

/**
 * A linear-Gaussian decision model with a closed-form EVPPI: decision 0 pays 0, decision 1 pays
 * μ + a·θ1 + b·θ2 + ε, with θ1, θ2 ~ N(0, 1) the uncertain inputs and ε ~ N(0, s²) the run's own
 * chance (not learnable). Knowing a group whose part of the payoff has sd σ is worth
 * E[max(0, μ + σZ)] − max(0, μ) = μΦ(μ/σ) + σφ(μ/σ) − max(0, μ).
 */
const n = 800;
const [mu, a, b, s] = [0.2, 1, 0.5, 0.5];
const random = createRunStream(2014, 0, 'test/evppi-linear-gaussian');
const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const theta1 = Float64Array.from({ length: n }, normal);
const theta2 = Float64Array.from({ length: n }, normal);
const noise = Float64Array.from({ length: n }, () => s * normal());
const payoff = theta1.map((t1, i) => mu + a * t1 + b * (theta2[i] as number) + (noise[i] as number));
const netBenefit = [new Float64Array(n), payoff];

function phi(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
function Phi(x: number): number {
  // Abramowitz & Stegun 7.1.26 via erf, accurate to 1.5e-7.
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t) * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
function truth(sigma: number): number {
  return mu * Phi(mu / sigma) + sigma * phi(mu / sigma) - Math.max(0, mu);
}

describe('evppi', () => {
  it.each([
    { label: 'θ1', inputs: [theta1], sigma: a },
    { label: 'θ2', inputs: [theta2], sigma: b },
    { label: 'θ1 and θ2', inputs: [theta1, theta2], sigma: Math.hypot(a, b) },
  ])('evppi of $label on a linear-Gaussian model is within its 95% bootstrap CI of the closed form', ({ inputs, sigma }) => {
    const estimate = evppi(netBenefit, inputs, { bootstrap: 100, random: createRunStream(1, 0, 'test/evppi-bootstrap') });
    const expected = truth(sigma);
    if (process.env.EVPPI_PRINT) console.log(JSON.stringify({ expected, ...estimate }));
    expect(estimate.low).toBeLessThanOrEqual(expected);
    expect(estimate.high).toBeGreaterThanOrEqual(expected);
    // The CI is informative: narrower than the value itself.
    expect(estimate.high - estimate.low).toBeLessThan(expected);
  });

  it('evppi of an input the payoff does not depend on is small (below its CI high end and a tenth of θ1\'s)', () => {
    const unrelated = Float64Array.from({ length: n }, normal);
    const none = evppi(netBenefit, [unrelated], { bootstrap: 50, random: createRunStream(2, 0, 'test/evppi-bootstrap') });
    expect(none.value).toBeLessThan(truth(a) / 10);
    expect(none.low).toBeGreaterThanOrEqual(0 - 1e-12);
  });

  it('evpi over the runs includes the run\'s own chance, so it bounds the EVPPI of all inputs from above', () => {
    const all = evppi(netBenefit, [theta1, theta2], { bootstrap: 0 });
    expect(evpi(netBenefit)).toBeGreaterThan(all.value);
    expect(evpi([Float64Array.of(0, 0), Float64Array.of(1, -1)])).toBe(0.5);
  });

  it('evppi rejects bad input with what was expected', () => {
    expect(() => evppi([payoff], [theta1])).toThrow('invalid netBenefit: 1 decisions (expected at least 2)');
    expect(() => evppi(netBenefit, [theta1.subarray(1)])).toThrow(`invalid column length: ${n - 1} (expected ${n}`);
    expect(() => evppi(netBenefit, [theta1], { bootstrap: 10 })).toThrow('invalid random: missing');
    expect(() => evppi(netBenefit, [])).toThrow('invalid inputs: none');
  });
});
