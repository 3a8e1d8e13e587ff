import { describe, expect, it } from 'vitest';
import { backtestScores, crpsSkill } from '../../../src/analysis/backtest/index.js';
import { parseScenario } from '../../../src/scenario/parseScenario.js';

describe('rolling-origin back-tests: points up to the forecast origin are history, not scores', () => {
  // 200 runs of 4 months, each month exactly 10: the model forecasts 10 a month.
  const runs = Array.from({ length: 200 }, (_, run) => ({ run, series: Float64Array.from([10, 10, 10, 10]) }));
  const points = [
    { fromMonth: 0, toMonth: 1, value: 20, label: 'in' }, // inside the band, but in sample
    { fromMonth: 2, toMonth: 2, value: 50, label: 'out1' }, // far outside
    { fromMonth: 3, toMonth: 3, value: 10, label: 'out2' }, // inside
  ];

  it('scores only the points that start after the origin, and marks the others', () => {
    const all = backtestScores([{ series: 'x', points }], runs, { observables: ['x'] })[0]!;
    expect(all.coverage.evaluated).toBe(3);
    expect(all.coverage.inside90).toBe(2);
    const rolled = backtestScores([{ series: 'x', points }], runs, { observables: ['x'], origin: 1 })[0]!;
    expect(rolled.coverage.evaluated).toBe(2);
    expect(rolled.coverage.inside90).toBe(1);
    expect(rolled.points.map((p) => p.inSample ?? false)).toEqual([true, false, false]);
    expect(rolled.meanCrps).toBeCloseTo((40 + 0) / 2, 9);
  });

  it('crpsSkill lets in-sample points feed the naive forecasts without scoring them', () => {
    const skill = crpsSkill(points, [1, 40, 0], { scoreAfter: 1 });
    expect(skill.persistence.points).toEqual(['out1', 'out2']);
    // persistence: 'in' says 10 a month → out1 naive error |10 − 50| = 40; out2 from out1: |50 − 10| = 40.
    expect(skill.persistence.naiveCrps).toBeCloseTo(40, 9);
    expect(skill.persistence.score).toBeCloseTo(1 - 20 / 40, 9);
  });

  it('parseScenario resolves forecastOrigin to a month index and rejects one outside the horizon', () => {
    const base = { name: 'o', question: 'q?', start: '2018-01', months: 24 };
    const ok = parseScenario({ ...base, forecastOrigin: '2018-12' });
    expect(ok.ok && ok.value.forecastOrigin).toBe(11);
    const bad = parseScenario({ ...base, forecastOrigin: '2020-01' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ code: 'origin-outside-horizon', path: ['forecastOrigin'] });
  });
});
