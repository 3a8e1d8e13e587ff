import { describe, expect, it } from 'vitest';
import { integrateDormandPrince } from '../../src/meanfield/dormandPrince.js';
import { logLogSlope } from '../../src/meanfield/logLogSlope.js';
import { stateAt, type Derivative, type OdeSolution } from '../../src/meanfield/odeTypes.js';

const decay: Derivative = (_t, y, dydt) => {
  dydt[0] = -(y[0] as number);
};
const oscillator: Derivative = (_t, y, dydt) => {
  dydt[0] = y[1] as number;
  dydt[1] = -(y[0] as number);
};

function solved(result: ReturnType<typeof integrateDormandPrince>): OdeSolution {
  if (!result.ok) throw new Error(result.issue.message);
  return result.solution;
}

const last = (s: OdeSolution) => stateAt(s, s.times.length - 1);

describe('integrateDormandPrince', () => {
  it('integrateDormandPrince solves exponential decay within the requested relative tolerance', () => {
    for (const rtol of [1e-4, 1e-6, 1e-8]) {
      const s = solved(integrateDormandPrince(decay, Float64Array.of(1), { t1: 1, rtol, atol: rtol * 1e-3 }));
      expect(s.times[s.times.length - 1]).toBe(1);
      // The error control bounds local errors by rtol·|y|; for a contracting problem the global
      // error stays below that sum, so e^{−1}·rtol is a bound that tighter tolerances must meet.
      expect(Math.abs((last(s)[0] as number) - Math.exp(-1)) / Math.exp(-1)).toBeLessThan(rtol);
    }
  });

  it('integrateDormandPrince keeps the harmonic oscillator energy within its tolerance per step and gets more accurate as tolerances tighten', () => {
    const tolerances = [1e-4, 1e-6, 1e-8, 1e-10];
    const energyErrors: number[] = [];
    const steps: number[] = [];
    for (const rtol of tolerances) {
      const s = solved(integrateDormandPrince(oscillator, Float64Array.of(1, 0), { t1: 20 * Math.PI, rtol, atol: rtol * 1e-3 }));
      const [x, v] = last(s) as unknown as [number, number];
      const energyError = Math.abs(x * x + v * v - 1);
      // Each accepted step's local error is at most ~rtol (in the RMS scaled norm), so over
      // `steps` steps the energy (a quadratic) drifts by at most ~2·rtol·steps.
      expect(energyError).toBeLessThan(2 * rtol * s.steps);
      energyErrors.push(energyError);
      steps.push(s.steps);
    }
    // Global error ∝ tol^(≈0.8–1) and work ∝ tol^(−1/5) for a 5th-order method with error per step control.
    const accuracy = logLogSlope(tolerances, energyErrors).slope;
    expect(accuracy).toBeGreaterThan(0.75);
    expect(accuracy).toBeLessThan(1.1);
    const work = logLogSlope(tolerances, steps).slope;
    expect(work).toBeGreaterThan(-0.25);
    expect(work).toBeLessThan(-0.15);
  });

  it('integrateDormandPrince lands exactly on the requested output times', () => {
    const s = solved(integrateDormandPrince(decay, Float64Array.of(1), { t1: 2, outputTimes: [0, 0.5, 1, 2] }));
    expect(Array.from(s.times)).toEqual([0, 0.5, 1, 2]);
    // Default rtol 1e−6: each recorded value within that relative error.
    s.times.forEach((t, i) => expect(Math.abs((s.states[i] as number) / Math.exp(-t) - 1)).toBeLessThan(1e-6));
  });

  it('integrateDormandPrince is deterministic and leaves y0 alone', () => {
    const y0 = Float64Array.of(1, 0);
    const a = solved(integrateDormandPrince(oscillator, y0, { t1: 5 }));
    const b = solved(integrateDormandPrince(oscillator, y0, { t1: 5 }));
    expect(Array.from(y0)).toEqual([1, 0]);
    expect(Array.from(a.states)).toEqual(Array.from(b.states));
  });

  it('integrateDormandPrince returns an issue with the partial trajectory when it runs out of steps or blows up', () => {
    const capped = integrateDormandPrince(oscillator, Float64Array.of(1, 0), { t1: 100, maxSteps: 10 });
    expect(capped.ok).toBe(false);
    if (!capped.ok) {
      expect(capped.issue.code).toBe('max-steps');
      expect(capped.solution.times.length).toBeGreaterThan(1);
      expect(capped.issue.t).toBeLessThan(100);
    }
    // y′ = y², y(0) = 1 blows up at t = 1: no step size can pass it.
    const blowUp = integrateDormandPrince((_t, y, d) => { d[0] = (y[0] as number) ** 2; }, Float64Array.of(1), { t1: 2 });
    expect(blowUp.ok).toBe(false);
    if (!blowUp.ok) {
      // It stops where its own solution blows up: within the tolerance's shift of the true pole.
      expect(blowUp.issue.code).toBe('step-too-small');
      expect(Math.abs(blowUp.issue.t - 1)).toBeLessThan(1e-5);
      expect(last(blowUp.solution)[0] as number).toBeGreaterThan(1e10);
    }
  });

  it('integrateDormandPrince rejects invalid options up front', () => {
    const y0 = Float64Array.of(1);
    expect(() => integrateDormandPrince(decay, y0, { t1: 1, rtol: 0 })).toThrow('invalid rtol: 0 (expected a number > 0)');
    expect(() => integrateDormandPrince(decay, y0, { t1: 1, atol: -1 })).toThrow('invalid atol: -1');
    expect(() => integrateDormandPrince(decay, y0, { t0: 1, t1: 1 })).toThrow('invalid time span: [1, 1]');
    expect(() => integrateDormandPrince(decay, y0, { t1: 1, outputTimes: [0.5, 0.2] })).toThrow('invalid outputTimes[1]: 0.2');
  });
});
