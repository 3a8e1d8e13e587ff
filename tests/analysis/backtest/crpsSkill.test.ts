import { describe, expect, it } from 'vitest';
import { crpsSkill } from '../../../src/analysis/backtest/crpsSkill.js';

// The Iraq attack series of the back-test: 2018 (months 0–11), 2019 (12–23), 2020 Q1 (24–26).
const points = [
  { fromMonth: 0, toMonth: 11, value: 1470, label: '2018' },
  { fromMonth: 12, toMonth: 23, value: 1669, label: '2019' },
  { fromMonth: 24, toMonth: 26, value: 566, label: '2020Q1' },
];

describe('crpsSkill', () => {
  it('crpsSkill scores persistence on every point with an earlier observation', () => {
    const s = crpsSkill(points, [300, 100, 50]);
    expect(s.persistence.points).toEqual(['2019', '2020Q1']);
    // Persistence: 2019 forecast 1470 (error 199); 2020 Q1 forecast 1669/4 = 417.25 (error 148.75).
    expect(s.persistence.naiveCrps).toBeCloseTo((199 + 148.75) / 2, 10);
    expect(s.persistence.modelCrps).toBe(75);
    expect(s.persistence.score).toBeCloseTo(1 - 75 / ((199 + 148.75) / 2), 12);
  });

  it('crpsSkill extrapolates the last-year trend to the point\'s midpoint, floored at 0', () => {
    const s = crpsSkill(points, [300, 100, 50]);
    expect(s.trend.points).toEqual(['2020Q1']);
    // Rates 122.5 → 139.083/month between midpoints 5.5 and 17.5; at 25: 139.083 + 16.583/12 · 7.5 = 149.45…; × 3 months.
    const slope = (1669 / 12 - 1470 / 12) / 12;
    const forecast = (1669 / 12 + slope * (25 - 17.5)) * 3;
    expect(s.trend.naiveCrps).toBeCloseTo(Math.abs(forecast - 566), 9);
    expect(s.trend.score).toBeCloseTo(1 - 50 / Math.abs(forecast - 566), 12);
    const falling = crpsSkill(
      [
        { fromMonth: 0, toMonth: 0, value: 100 },
        { fromMonth: 1, toMonth: 1, value: 10 },
        { fromMonth: 2, toMonth: 2, value: 5 },
      ],
      [1, 1, 1],
    );
    expect(falling.trend.naiveCrps).toBe(5); // 10 − 90 < 0 → 0
  });

  it('crpsSkill skips overlapping earlier points and gives NaN when nothing can be forecast', () => {
    const overlap = crpsSkill([{ fromMonth: 0, toMonth: 9, value: 1271 }, ...points], [1, 1, 1, 1]);
    expect(overlap.persistence.points).toEqual(['2019', '2020Q1']);
    const lone = crpsSkill([points[0] as (typeof points)[number]], [10]);
    expect(Number.isNaN(lone.persistence.score)).toBe(true);
    expect(() => crpsSkill(points, [1])).toThrow('invalid modelCrps: length 1 (expected one per point, 3)');
  });
});
