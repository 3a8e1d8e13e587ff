import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../../src/analysis/attribution/index.js';
import { runOnce } from '../../../src/experiment/runOnce.js';
import { civilViolenceInputs, civilViolenceModel, MESA_DEFAULTS, type CivilViolenceActivation } from '../../../src/model/civilViolence/index.js';
import { MESA_331_STATISTICS } from './fixtures/mesa331.js';
import { moments } from './helpers.js';

/** Per run: the largest active count over the ticks, and the sd of the active count over the ticks. */
function runStatistics(activation: CivilViolenceActivation, runs: number) {
  const inputs = civilViolenceInputs({ ...MESA_DEFAULTS, activation, ticks: MESA_331_STATISTICS.steps });
  const maxActive: number[] = [];
  const sdOfActives: number[] = [];
  for (let run = 0; run < runs; run++) {
    const series = runOnce(civilViolenceModel, inputs, 3301, run).series;
    const active = Array.from({ length: inputs.ticks }, (_, t) => series[t * 5 + 1] as number);
    maxActive.push(Math.max(...active));
    sdOfActives.push(Math.sqrt(moments(active).variance));
  }
  return { maxActive: moments(maxActive), sdOfActives: moments(sdOfActives) };
}

/**
 * Welch's two-sample t-test from summary statistics (unequal variances, Welch–Satterthwaite
 * degrees of freedom): the two-sided p-value of equal means.
 */
function welchP(a: { mean: number; variance: number; n: number }, b: { mean: number; variance: number; n: number }): number {
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const t = (a.mean - b.mean) / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  return 2 * (1 - studentTCdf(Math.abs(t), df));
}

const mesa = { mean: MESA_331_STATISTICS.maxActive.mean, variance: MESA_331_STATISTICS.maxActive.sd ** 2, n: MESA_331_STATISTICS.runs };

describe("civil violence 'mesa' activation against recorded Mesa 3.3.1 statistics", () => {
  it("civilViolenceModel 'mesa' with MESA_DEFAULTS: max actives per 500-tick run agree with Mesa 3.3.1 (Welch t-test, not rejected at α = 0.01)", () => {
    // 100 runs here against Mesa's 32 seeds (12.7 ± 8.4). Welch's test on the means of the
    // per-run maxima, two-sided, α = 0.01 (fixed seed 3301, runs 0–99).
    const ours = runStatistics('mesa', 100);
    expect(welchP(ours.maxActive, mesa)).toBeGreaterThanOrEqual(0.01);
    // Mesa's mean per-run sd of actives (0.9, no spread recorded) lies in the 99% t interval of ours.
    const half = studentTQuantile(0.995, ours.sdOfActives.n - 1) * Math.sqrt(ours.sdOfActives.variance / ours.sdOfActives.n);
    expect(Math.abs(ours.sdOfActives.mean - MESA_331_STATISTICS.sdOfActives.mean)).toBeLessThanOrEqual(half);
  });

  it("civilViolenceModel 'moveFirst' with MESA_DEFAULTS is burstier than Mesa: the same test rejects it at α = 0.01 (the test has power)", () => {
    const ours = runStatistics('moveFirst', 40);
    expect(ours.maxActive.mean).toBeGreaterThan(MESA_331_STATISTICS.maxActive.mean);
    expect(welchP(ours.maxActive, mesa)).toBeLessThan(0.01);
  });
});
