// Coverage of observations by central intervals: exact on hand-made cases, and near nominal
// (50%, 90%) when the observations come from the ensemble's own distribution.
import { describe, expect, it } from 'vitest';
import { backtestScores } from '../../../src/analysis/backtest/backtestScores.js';
import { coverage, periodTotals } from '../../../src/analysis/backtest/coverage.js';
import { crps } from '../../../src/analysis/backtest/crps.js';
import { normalQuantile } from '../../../src/math/normalQuantile.js';
import { createRunStream } from '../../../src/rng/createRunStream.js';

describe('coverage', () => {
  it('coverage reads the 50% and 90% intervals from the runs (type-7 quantiles, closed intervals)', () => {
    const runs = [[1], [4], [6], [9]];
    const result = coverage([{ fromMonth: 0, toMonth: 0, value: 3.25, label: 'a' }, { fromMonth: 0, toMonth: 0, value: 9, label: 'b' }], { runs });
    expect(result.points[0]).toMatchObject({ band50: [3.25, 6.75], inside50: true, inside90: true });
    expect(result.points[1]?.inside90).toBe(false); // q95 = 8.55 < 9
    expect(result).toMatchObject({ evaluated: 2, inside50: 1, inside90: 1, share50: 0.5, share90: 0.5, skipped: [] });
  });

  it('coverage sums a period over months per run, and bands skip periods but agree with runs on months', () => {
    const runs = [[1, 2, 3], [2, 2, 2], [0, 5, 1], [3, 3, 3], [1, 1, 1]];
    expect(Array.from(periodTotals(runs, { fromMonth: 0, toMonth: 2, value: 0 }))).toEqual([6, 6, 6, 9, 3]);
    const bands = { p05: [0.2, 1.2, 1], p25: [1, 2, 1], p75: [2, 3, 3], p95: [2.8, 4.6, 3] };
    const points = [{ fromMonth: 1, toMonth: 1, value: 2.5 }, { fromMonth: 0, toMonth: 2, value: 7 }];
    const fromBands = coverage(points, { bands });
    expect(fromBands.evaluated).toBe(1);
    expect(fromBands.skipped[0]?.reason).toMatch(/per-run series/);
    const fromRuns = coverage(points, { runs });
    expect(fromRuns.points[0]).toEqual(fromBands.points[0]);
    expect(fromRuns.points[1]).toMatchObject({ band50: [6, 6], inside90: true, inside50: false });
    // Totals sorted [3, 6, 6, 6, 9]: q05 = 3 + 0.2·3, q95 = 6 + 0.8·3 (type 7).
    expect(fromRuns.points[1]?.band90[0]).toBeCloseTo(3.6, 12);
    expect(fromRuns.points[1]?.band90[1]).toBeCloseTo(8.4, 12);
  });

  it('coverage of observations drawn like the ensemble is near 50% and 90%', () => {
    // 600 points, each observed y ~ N(0, 1) and forecast by 400 runs of N(0, 1). The shares are
    // binomial: 4 sd = 4·√(p(1 − p)/600) ≈ 0.082 (50%) and 0.049 (90%); the 400-run quantile
    // error adds a little (it widens the true coverage of [q05, q95] by well under 1%).
    const random = createRunStream(5, 0, 'coverage');
    const draw = () => normalQuantile(random() || Number.MIN_VALUE);
    const months = 600;
    const runs = Array.from({ length: 400 }, () => Float64Array.from({ length: months }, draw));
    const points = Array.from({ length: months }, (_, m) => ({ fromMonth: m, toMonth: m, value: draw() }));
    const result = coverage(points, { runs });
    expect(Math.abs(result.share50 - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / months));
    expect(Math.abs(result.share90 - 0.9)).toBeLessThan(4 * Math.sqrt(0.09 / months));
    // A forecast twice too narrow covers far less (about 27% and 59%): the check can fail.
    const narrow = coverage(points, { runs: runs.map((series) => series.map((x) => x / 2)) });
    expect(narrow.share90).toBeLessThan(0.9 - 4 * Math.sqrt(0.09 / months));
  });
});

describe('backtestScores', () => {
  it('backtestScores reads the observable column from row-major runs and scores each point', () => {
    const observables = ['a', 'b'];
    // Run r has b = r + month in every month; a is noise that must not be read.
    const runs = Array.from({ length: 5 }, (_, r) => ({ series: Float64Array.from({ length: 3 * 2 }, (_, i) => (i % 2 === 1 ? r + Math.floor(i / 2) : 1000)) }));
    const [scores] = backtestScores([{ series: 'b', kind: 'attacks', points: [{ fromMonth: 0, toMonth: 1, value: 6, label: 'p' }] }], runs, { observables });
    const totals = [1, 3, 5, 7, 9];
    expect(scores?.points[0]).toMatchObject({ label: 'p', observed: 6, median: 5, crps: crps(totals, 6) });
    expect(scores?.meanCrps).toBe(crps(totals, 6));
    expect(scores?.coverage.points[0]?.band50).toEqual([3, 7]);
    expect(scores?.points[0]?.intervalScore50).toBe(4);
    expect(() => backtestScores([{ series: 'c', points: [] }], runs, { observables })).toThrow(/not an observable/);
  });
});
