import { describe, expect, it } from 'vitest';
import { runOnce } from '../../src/experiment/runOnce.js';
import { deitchmanDerivative, deitchmanExpectedStep, deitchmanInvariant, type DeitchmanParameters } from '../../src/meanfield/deitchman.js';
import { integrateDormandPrince } from '../../src/meanfield/dormandPrince.js';
import { iterateMap } from '../../src/meanfield/iterateMap.js';
import { logLogSlope } from '../../src/meanfield/logLogSlope.js';
import { integrateRk4 } from '../../src/meanfield/rk4.js';
import { guerrillaWarfareModel, type GuerrillaWarfareInputs } from '../../src/model/guerrillaWarfare/guerrillaWarfareModel.js';

// A fight the government wins (C = 0.2·0.5 − 0.25·1 = −0.15 < 0): smooth, no side reaches 0.
const parameters: DeitchmanParameters = { aimedFireRate: 0.2, areaFireRate: 0.5 };
const start = Float64Array.of(1, 0.5);

function invariantDrift(states: Float64Array): number {
  const c0 = deitchmanInvariant(parameters, start);
  let worst = 0;
  for (let i = 0; i < states.length; i += 2) worst = Math.max(worst, Math.abs(deitchmanInvariant(parameters, states.subarray(i, i + 2)) - c0));
  return worst;
}

describe('deitchmanInvariant', () => {
  it('deitchmanInvariant is constant along the flow: its gradient is orthogonal to the vector field', () => {
    // ∇C = (−D·x, B) and f = (−B·y, −D·x·y): ∇C·f = B·D·x·y − B·D·x·y = 0 for any x, y > 0.
    const f = deitchmanDerivative(parameters);
    const d = new Float64Array(2);
    for (const [x, y] of [[1, 0.5], [0.3, 2], [5, 0.01]] as const) {
      f(0, Float64Array.of(x, y), d);
      const dot = -parameters.areaFireRate * x * (d[0] as number) + parameters.aimedFireRate * (d[1] as number);
      expect(Math.abs(dot)).toBeLessThan(1e-15);
    }
    // The other sign convention (guerrillas x under aimed fire from y, i.e. ∇ of B·x − D/2·y²) is not conserved.
    f(0, start, d);
    expect(Math.abs(-parameters.areaFireRate * 0.5 * (d[1] as number) + parameters.aimedFireRate * (d[0] as number))).toBeGreaterThan(1e-3);
  });

  it('deitchmanInvariant is conserved by the adaptive solver to its tolerance, and more tightly at tighter tolerance', () => {
    const f = deitchmanDerivative(parameters);
    const drifts = [1e-5, 1e-8, 1e-11].map((rtol) => {
      const result = integrateDormandPrince(f, start, { t1: 20, rtol, atol: rtol * 1e-3 });
      if (!result.ok) throw new Error(result.issue.message);
      const drift = invariantDrift(result.solution.states);
      // C is a combination of x² and y with O(1) coefficients: a state error of a few × rtol per
      // step over the ~steps taken moves C by at most rtol × steps.
      expect(drift).toBeLessThan(rtol * result.solution.steps);
      return drift;
    });
    expect(drifts[1]!).toBeLessThan(drifts[0]! / 10);
    expect(drifts[2]!).toBeLessThan(drifts[1]! / 10);
    expect(drifts[2]!).toBeLessThan(1e-9);
  });

  it('deitchmanInvariant fixes the winner: with C < 0 the government ends at √(−2C/D)', () => {
    const result = integrateDormandPrince(deitchmanDerivative(parameters), start, { t1: 200, rtol: 1e-10, atol: 1e-14 });
    if (!result.ok) throw new Error(result.issue.message);
    const s = result.solution;
    const n = s.times.length - 1;
    const c = deitchmanInvariant(parameters, start);
    expect(s.states[2 * n] as number).toBeCloseTo(Math.sqrt((-2 * c) / parameters.areaFireRate), 6);
    expect(s.states[2 * n + 1] as number).toBeLessThan(1e-12);
  });

  it('deitchmanInvariant drifts under RK4 with order 4 in the step', () => {
    const f = deitchmanDerivative(parameters);
    const counts = [25, 50, 100];
    const drifts = counts.map((steps) => invariantDrift(integrateRk4(f, start, { t1: 10, steps }).states));
    expect(logLogSlope(counts.map((n) => 1 / n), drifts).slope).toBeCloseTo(4, 0);
  });
});

describe('deitchmanExpectedStep', () => {
  it('deitchmanExpectedStep iterates to the ODE solution with first-order error in dt', () => {
    const f = deitchmanDerivative(parameters);
    const exact = integrateDormandPrince(f, start, { t1: 5, rtol: 1e-12, atol: 1e-14, outputTimes: [5] });
    if (!exact.ok) throw new Error(exact.issue.message);
    const steps = [50, 100, 200, 400];
    const errors = steps.map((n) => {
      const map = iterateMap(deitchmanExpectedStep(parameters, 5 / n), start, { steps: n, stepLength: 5 / n });
      return Math.hypot((map.states[2 * n] as number) - (exact.solution.states[0] as number), (map.states[2 * n + 1] as number) - (exact.solution.states[1] as number));
    });
    expect(logLogSlope(steps.map((n) => 1 / n), errors).slope).toBeCloseTo(1, 1);
  });
});

describe('guerrillaWarfareModel', () => {
  const base = { government: 1, guerrillas: 0.5, ...parameters, stepLength: 0.1, steps: 50 };
  const meanField = iterateMap(deitchmanExpectedStep(parameters, base.stepLength), start, { steps: base.steps });

  it('guerrillaWarfareModel gives the same numbers bit for bit for the same seed and run', () => {
    const inputs: GuerrillaWarfareInputs = { ...base, scale: 400 };
    const a = runOnce(guerrillaWarfareModel, inputs, 7, 3);
    const b = runOnce(guerrillaWarfareModel, inputs, 7, 3);
    expect(Array.from(a.series)).toEqual(Array.from(b.series));
    expect(Array.from(runOnce(guerrillaWarfareModel, inputs, 7, 4).series)).not.toEqual(Array.from(a.series));
  });

  it('guerrillaWarfareModel records when a side is wiped out, and rejects invalid inputs', () => {
    // C = 1·1 − 0.05·0.2² > 0: the government loses, about B·y·dt = 0.1 of density a step from 0.2.
    const losing: GuerrillaWarfareInputs = { ...base, scale: 50, government: 0.2, guerrillas: 1, aimedFireRate: 1, areaFireRate: 0.1 };
    const { eventMonths, series } = runOnce(guerrillaWarfareModel, losing, 1, 0);
    const wiped = eventMonths[0] as number;
    expect(wiped).toBeGreaterThanOrEqual(0);
    expect(wiped).toBeLessThan(10);
    expect(series[2 * wiped]).toBe(0);
    expect(eventMonths[1]).toBe(-1);
    expect(() => runOnce(guerrillaWarfareModel, { ...base, scale: 0 }, 1, 0)).toThrow('invalid scale: 0 (expected a number > 0)');
  });

  it('guerrillaWarfareModel converges to its mean field: ensemble means within sampling error and RMS deviation ∝ N^(−1/2)', () => {
    const scales = [100, 400, 1600, 6400];
    const replications = 300;
    const rms: number[] = [];
    const logStandardErrors: number[] = [];
    for (const scale of scales) {
      // One seed per N, so the four RMS estimates are independent (the slope's SE assumes it).
      const perRun: number[] = [];
      const finalX: number[] = [];
      const finalY: number[] = [];
      for (let run = 0; run < replications; run++) {
        const { series } = runOnce(guerrillaWarfareModel, { ...base, scale }, `deitchman-${scale}`, run);
        let squares = 0;
        for (let k = 0; k < base.steps; k++) {
          for (let j = 0; j < 2; j++) squares += ((series[2 * k + j] as number) - (meanField.states[2 * (k + 1) + j] as number)) ** 2;
        }
        perRun.push(squares / (2 * base.steps));
        finalX.push(series[2 * base.steps - 2] as number);
        finalY.push(series[2 * base.steps - 1] as number);
      }
      // Ensemble mean vs mean field at the last step: the chain's nonlinearity biases the mean by
      // O(1/N), well below the Monte Carlo error sd/√R ∝ N^(−1/2), so the mean field must lie
      // within 3.5 standard errors (8 comparisons: family-wise false alarm < 0.4%).
      for (const [values, expected] of [[finalX, meanField.states[2 * base.steps]], [finalY, meanField.states[2 * base.steps + 1]]] as const) {
        const { mean, se } = meanAndStandardError(values);
        expect(Math.abs(mean - (expected as number))).toBeLessThan(3.5 * se);
      }
      const { mean: meanSquare, se: seSquare } = meanAndStandardError(perRun);
      rms.push(Math.sqrt(meanSquare));
      // Delta method: SE(ln √M) = SE(M) / (2M).
      logStandardErrors.push(seSquare / (2 * meanSquare));
    }
    const fit = logLogSlope(scales, rms, logStandardErrors);
    // The slope's standard error comes from the replications (~0.01 here); 4 SEs covers it with
    // margin and still rejects −0.4 or −0.6.
    expect(fit.slopeStandardError).toBeLessThan(0.025);
    expect(Math.abs(fit.slope + 0.5)).toBeLessThan(4 * fit.slopeStandardError);
  });
});

function meanAndStandardError(values: readonly number[]): { mean: number; se: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length) };
}
