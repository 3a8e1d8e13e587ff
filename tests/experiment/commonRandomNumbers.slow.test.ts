import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/experiment/simulate.js';
import { SHIPPED_SCENARIOS } from '../../src/scenario/shippedScenarios.js';

function correlation(x: readonly number[], y: readonly number[]): number {
  const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / v.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((xi, i) => {
    sxy += (xi - mx) * ((y[i] as number) - my);
    sxx += (xi - mx) ** 2;
    syy += ((y[i] as number) - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

// Two scenarios run with the same seed share each run's streams (one per mechanism, one uniform
// per Poisson or small Binomial draw), so paired runs stay correlated after a factor changes and
// paired differences are far more precise than independent ones. With 150 runs the sampling
// error of a correlation near 0.9 is about (1 − r²)/√n ≈ 0.02, so the bounds below leave room.
describe('common random numbers', () => {
  it('simulate: runs of baseline and us-stays with the same seed are identical before the US factors differ and stay correlated after', () => {
    const runs = 150;
    // Inputs fixed (uncertainty 'none'): the months below are those of the fixed baseline; the next test draws them.
    const baseline = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs, seed: 31, perRun: true, uncertainty: 'none' });
    const usStays = simulate(SHIPPED_SCENARIOS['us-stays'], { runs, seed: 31, perRun: true, uncertainty: 'none' });
    const width = baseline.observables.length;
    const at = (result: typeof baseline, observable: string, month: number) =>
      (result.runs ?? []).map((run) => run.series[month * width + result.observables.indexOf(observable)] as number);
    // us-stays first differs from the baseline at month 4 (usTroopsIraq): months 0-3 are the same run.
    for (let month = 0; month < 4; month++) expect(at(usStays, 'attacks', month)).toEqual(at(baseline, 'attacks', month));
    expect(correlation(at(baseline, 'fighters', 12), at(usStays, 'fighters', 12))).toBeGreaterThan(0.85);
    expect(correlation(at(baseline, 'attacks', 12), at(usStays, 'attacks', 12))).toBeGreaterThan(0.7);
  });

  it('simulate with drawn inputs: run i of baseline and us-stays shares its parameter row and judged draws, so runs agree until the drawn withdrawal month and stay correlated', () => {
    const runs = 60;
    const baseline = simulate({ ...(SHIPPED_SCENARIOS['baseline-2020'] as object), months: 13 }, { runs, seed: 31, perRun: true });
    const usStays = simulate({ ...(SHIPPED_SCENARIOS['us-stays'] as object), months: 13 }, { runs, seed: 31, perRun: true });
    const width = baseline.observables.length;
    const at = (result: typeof baseline, observable: string, month: number) =>
      (result.runs ?? []).map((run) => run.series[month * width + result.observables.indexOf(observable)] as number);
    // The drawn withdrawal months start at 3 (JUDGED_FACTOR_DISTRIBUTIONS): months 0-2 are the same run.
    for (let month = 0; month < 3; month++) expect(at(usStays, 'attacks', month)).toEqual(at(baseline, 'attacks', month));
    // 60 runs: the sampling error of a correlation near 0.9 is about (1 − r²)/√n ≈ 0.025.
    expect(correlation(at(baseline, 'fighters', 12), at(usStays, 'fighters', 12))).toBeGreaterThan(0.85);
  });
});
