// The probability integral transform of an observation under an ensemble (Gneiting, Balabdaoui
// & Raftery 2007): its definition on small samples, and its uniformity when observations are
// drawn from the forecast's own distribution (a statistical test with a fixed seed).
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { probabilityIntegralTransform } from '../../../src/analysis/backtest/pit.js';
import { backtestScores } from '../../../src/analysis/backtest/backtestScores.js';

describe('probabilityIntegralTransform', () => {
  it('is the share of samples below, ties counted half, and NaN without samples', () => {
    expect(probabilityIntegralTransform([1, 2, 3, 4], 3)).toBe(0.625);
    expect(probabilityIntegralTransform([1, 2, 3, 4], 0)).toBe(0);
    expect(probabilityIntegralTransform([1, 2, 3, 4], 9)).toBe(1);
    expect(probabilityIntegralTransform([5, 5, 5, 5], 5)).toBe(0.5);
    expect(probabilityIntegralTransform([], 1)).toBeNaN();
  });

  it('is uniform when the observation comes from the forecast distribution (2,000 forecasts of 99 draws, 10 bins, chi-square below the 0.999 quantile)', () => {
    const random = seedrandom('pit');
    const exponential = (shift = 0) => shift - Math.log(1 - random());
    // Each observation gets its own ensemble (as in simulation-based calibration): then its rank
    // among the 99 draws is uniform on 0..99, and so is the PIT's bin.
    const histogram = (shift: number) => {
      const bins = new Array<number>(10).fill(0);
      for (let i = 0; i < 2000; i++) {
        const ensemble = Float64Array.from({ length: 99 }, () => exponential());
        bins[Math.min(9, Math.floor(probabilityIntegralTransform(ensemble, exponential(shift)) * 10))]! += 1;
      }
      return bins.reduce((sum, count) => sum + (count - 200) ** 2 / 200, 0);
    };
    // χ²(9) 0.999 quantile: 27.88. Observations shifted by half the forecast's mean fail by far.
    expect(histogram(0)).toBeLessThan(27.88);
    expect(histogram(0.5)).toBeGreaterThan(27.88);
  });

  it('backtestScores gives each point its PIT under the runs\' totals', () => {
    const runs = [1, 2, 3, 4].map((value) => ({ series: Float64Array.of(value) }));
    const [scores] = backtestScores([{ series: 'x', points: [{ fromMonth: 0, toMonth: 0, value: 3, label: 'm0' }] }], runs, { observables: ['x'] });
    expect(scores!.points[0]!.pit).toBe(0.625);
  });
});
