import { describe, expect, it } from 'vitest';
import { backtestScores, observeRunTotals } from '../../../src/analysis/backtest/index.js';

describe('observeRunTotals: what a source would report', () => {
  it('leaves the totals unchanged with a known scale of 1 and no noise', () => {
    expect(Array.from(observeRunTotals([100, 120, 0], { scale: [1, 1], noiseCv: 0 }, { seed: 1, runIndex: 0, key: 'k' }))).toEqual([100, 120, 0]);
  });

  it('multiplies by a known scale exactly', () => {
    expect(Array.from(observeRunTotals([100, 120], { scale: [2.5, 2.5], noiseCv: 0 }, { seed: 1, runIndex: 7, key: 'k' }))).toEqual([250, 300]);
  });

  it('depends only on (seed, run index, key)', () => {
    const model = { scale: [0.5, 2] as const, noiseCv: 0.3 };
    const a = observeRunTotals([100, 200], model, { seed: 5, runIndex: 3, key: 'attacksIraq#0' });
    expect(observeRunTotals([100, 200], model, { seed: 5, runIndex: 3, key: 'attacksIraq#0' })).toEqual(a);
    expect(observeRunTotals([100, 200], model, { seed: 5, runIndex: 4, key: 'attacksIraq#0' })).not.toEqual(a);
    expect(observeRunTotals([100, 200], model, { seed: 5, runIndex: 3, key: 'attacksIraq#1' })).not.toEqual(a);
  });

  it('draws the scale log-uniformly, once per run, and the noise with mean 1 and CV noiseCv (moments, n = 4,000)', () => {
    const n = 4000;
    const low = 2;
    const high = 8;
    // Scale alone: log s is uniform on [ln 2, ln 8], mean ln 4, sd (ln 4)/√3.
    const logs = Array.from({ length: n }, (_, r) => Math.log(observeRunTotals([1], { scale: [low, high], noiseCv: 0 }, { seed: 11, runIndex: r, key: 's' })[0] as number));
    const meanLog = logs.reduce((a, b) => a + b, 0) / n;
    const sdLog = Math.log(high / low) / Math.sqrt(12);
    expect(Math.abs(meanLog - Math.log(4))).toBeLessThan((4 * sdLog) / Math.sqrt(n));
    expect(Math.min(...logs)).toBeGreaterThanOrEqual(Math.log(low));
    expect(Math.max(...logs)).toBeLessThanOrEqual(Math.log(high));
    // The scale is shared by a run's points: their ratio carries no scale.
    const pair = observeRunTotals([10, 10], { scale: [low, high], noiseCv: 0 }, { seed: 11, runIndex: 0, key: 's' });
    expect(pair[0]).toBe(pair[1]);
    // Noise alone: mean 1, variance cv² (gamma; the variance's sd is about cv²·√(2/n)·1.2 here).
    const cv = 0.3;
    const e = Array.from({ length: n }, (_, r) => observeRunTotals([1], { scale: [1, 1], noiseCv: cv }, { seed: 12, runIndex: r, key: 'e' })[0] as number);
    const mean = e.reduce((a, b) => a + b, 0) / n;
    const variance = e.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean - 1)).toBeLessThan((4 * cv) / Math.sqrt(n));
    expect(Math.abs(variance - cv * cv)).toBeLessThan(4 * cv * cv * Math.sqrt(2 / n) * 1.5);
  });

  it('rejects a reversed scale and an out-of-range noise', () => {
    expect(() => observeRunTotals([1], { scale: [3, 2], noiseCv: 0 }, { seed: 1, runIndex: 0, key: 'k' })).toThrow(/scale/);
    expect(() => observeRunTotals([1], { scale: [1, 2], noiseCv: 0.9 }, { seed: 1, runIndex: 0, key: 'k' })).toThrow(/noiseCv/);
  });
});

describe('backtestScores with an observation model', () => {
  // 400 runs of 3 months × 1 observable, each month exactly 100: the model is sure.
  const runs = Array.from({ length: 400 }, (_, run) => ({ run, series: Float64Array.from([100, 100, 100]) }));
  const points = [
    { fromMonth: 0, toMonth: 0, value: 300, label: 'm0' },
    { fromMonth: 1, toMonth: 2, value: 600, label: 'm1..m2' },
  ];

  it('scores the reported count, so a source that counts three times more is covered only through the model', () => {
    const without = backtestScores([{ series: 'x', points }], runs, { observables: ['x'] })[0]!;
    expect(without.coverage.inside90).toBe(0);
    const withModel = backtestScores([{ series: 'x', points, observation: { scale: [2, 4], noiseCv: 0.1 } }], runs, { observables: ['x'], seed: 3 })[0]!;
    expect(withModel.coverage.inside90).toBe(2);
    expect(withModel.points[0]!.median).toBeGreaterThan(200);
    expect(withModel.points[0]!.median).toBeLessThan(400);
    expect(withModel.observation).toEqual({ scale: [2, 4], noiseCv: 0.1 });
    expect(withModel.meanCrps).toBeLessThan(without.meanCrps);
  });

  it('gives the same scores whatever order the runs arrive in (draws keyed by run index)', () => {
    const series = [{ series: 'x', points, observation: { scale: [2, 4] as const, noiseCv: 0.2 } }];
    const shuffled = [...runs].reverse();
    const a = backtestScores(series, runs, { observables: ['x'], seed: 9 })[0]!;
    const b = backtestScores(series, shuffled, { observables: ['x'], seed: 9 })[0]!;
    expect(b.points.map((p) => p.median)).toEqual(a.points.map((p) => p.median));
    expect(b.meanCrps).toBeCloseTo(a.meanCrps, 9);
  });
});
