import { describe, expect, it } from 'vitest';
import { integrateRk4, rk4Step } from '../../src/meanfield/rk4.js';
import { logLogSlope } from '../../src/meanfield/logLogSlope.js';
import type { Derivative } from '../../src/meanfield/odeTypes.js';

const decay: Derivative = (_t, y, dydt) => {
  dydt[0] = -(y[0] as number);
};
const oscillator: Derivative = (_t, y, dydt) => {
  dydt[0] = y[1] as number;
  dydt[1] = -(y[0] as number);
};

describe('rk4Step', () => {
  it('rk4Step reproduces the degree-4 Taylor polynomial of e^−h on y′ = −y (the RK4 stability function)', () => {
    for (const h of [0.5, 0.1, 0.01]) {
      const next = rk4Step(decay, 0, Float64Array.of(1), h)[0] as number;
      expect(next).toBeCloseTo(1 - h + h ** 2 / 2 - h ** 3 / 6 + h ** 4 / 24, 15);
    }
  });

  it('rk4Step leaves its input alone and refuses to write over it', () => {
    const y = Float64Array.of(1, 0);
    rk4Step(oscillator, 0, y, 0.1);
    expect(Array.from(y)).toEqual([1, 0]);
    expect(() => rk4Step(oscillator, 0, y, 0.1, y)).toThrow('invalid out');
  });
});

describe('integrateRk4', () => {
  it('integrateRk4 solves exponential decay with a global error of order 4 (halving h divides it by ~16)', () => {
    const steps = [10, 20, 40, 80];
    const errors = steps.map((n) => Math.abs((integrateRk4(decay, Float64Array.of(1), { t1: 1, steps: n }).states[n] as number) - Math.exp(-1)));
    // The order is log2 of successive error ratios; for a smooth problem it tends to 4 as h → 0.
    const fit = logLogSlope(steps.map((n) => 1 / n), errors);
    expect(fit.slope).toBeGreaterThan(3.9);
    expect(fit.slope).toBeLessThan(4.1);
    for (let i = 1; i < errors.length; i++) expect(Math.log2((errors[i - 1] as number) / (errors[i] as number))).toBeCloseTo(4, 0);
  });

  it('integrateRk4 changes the harmonic oscillator energy by exactly |R(ih)|² = 1 − h⁶/72 + h⁸/576 per step', () => {
    // For y″ = −y, one RK4 step multiplies x² + v² by |R(ih)|² where R(z) = Σ_{k≤4} z^k/k!
    // (Hairer, Nørsett & Wanner 1993, §IV.2): RK4 is not symplectic, the energy decays.
    const steps = 200;
    const t1 = 20 * Math.PI;
    const h = t1 / steps;
    const solution = integrateRk4(oscillator, Float64Array.of(1, 0), { t1, steps });
    const x = solution.states[2 * steps] as number;
    const v = solution.states[2 * steps + 1] as number;
    const perStep = 1 - h ** 6 / 72 + h ** 8 / 576;
    expect((x * x + v * v) / perStep ** steps).toBeCloseTo(1, 12);
    expect(x * x + v * v).toBeLessThan(1);
  });

  it('integrateRk4 energy drift over a fixed time falls like h⁵ and the phase error like h⁴', () => {
    const t1 = 10 * Math.PI;
    const stepCounts = [100, 200, 400];
    const drift: number[] = [];
    const phase: number[] = [];
    for (const steps of stepCounts) {
      const s = integrateRk4(oscillator, Float64Array.of(1, 0), { t1, steps });
      const x = s.states[2 * steps] as number;
      const v = s.states[2 * steps + 1] as number;
      drift.push(1 - (x * x + v * v));
      phase.push(Math.abs(Math.atan2(-v, x)));
    }
    expect(logLogSlope(stepCounts.map((n) => 1 / n), drift).slope).toBeCloseTo(5, 1);
    expect(logLogSlope(stepCounts.map((n) => 1 / n), phase).slope).toBeCloseTo(4, 1);
  });

  it('integrateRk4 records steps + 1 rows from t0 to t1 exactly and integrates backwards', () => {
    const s = integrateRk4(decay, Float64Array.of(Math.exp(-1)), { t0: 1, t1: 0, steps: 40 });
    expect(s.times.length).toBe(41);
    expect(s.times[0]).toBe(1);
    expect(s.times[40]).toBe(0);
    expect(s.states[40] as number).toBeCloseTo(1, 8);
  });

  it('integrateRk4 rejects a step count that is not a positive integer', () => {
    expect(() => integrateRk4(decay, Float64Array.of(1), { t1: 1, steps: 0 })).toThrow('invalid steps: 0 (expected an integer ≥ 1)');
    expect(() => integrateRk4(decay, Float64Array.of(1), { t1: 1, steps: 2.5 })).toThrow('invalid steps: 2.5');
  });
});
