import { describe, expect, it } from 'vitest';
import type { ScoreboardEntry } from '../../../src/experiment/backtestScoreboard.js';
import { backtestPitChart } from '../../../src/report/charts/backtestPitChart.js';
import { OKABE_ITO } from '../../../src/report/charts/palette.js';
import { decodeXml, parseSvg } from './svgTestHelpers.js';

// Made-up entries for the layout tests (not model output): one scenario with a point in the fitted
// data (not drawn), one inside its 90% band and one above it; a second scenario with one point.
const point = (label: string, pit: number, inSample = false) => ({ label, observed: 10, median: 5, crps: 1, intervalScore50: 1, intervalScore90: 1, pit, ...(inSample ? { inSample: true } : {}) });
const covered = (label: string, inside90: boolean) => ({ label, observed: 10, band50: [4, 6] as [number, number], band90: [2, 8] as [number, number], inside50: false, inside90 });
const series = (points: ReturnType<typeof point>[], coverage: ReturnType<typeof covered>[]) => ({
  series: 'attacksIraq',
  kind: 'attacks',
  coverage: { evaluated: coverage.length, inside50: 0, inside90: coverage.filter((c) => c.inside90).length, share50: 0, share90: 0, skipped: [], points: coverage },
  points,
  meanCrps: 1,
  meanIntervalScore50: 1,
  meanIntervalScore90: 1,
  skill: { persistence: { score: NaN, points: [], modelCrps: NaN, naiveCrps: NaN }, trend: { score: NaN, points: [], modelCrps: NaN, naiveCrps: NaN } },
});
const entry = (scenario: string, s: ReturnType<typeof series>): ScoreboardEntry => ({
  scenario,
  start: '2010-01',
  months: 12,
  runs: 10,
  seed: 1,
  uncertainty: { runToRun: true, parameters: { drawn: false, source: 'fixed' }, factors: { drawn: false, source: 'fixed', drawnFactors: [], drawnInputs: [] }, label: 'run-to-run randomness only' },
  series: [s],
  evaluated: s.coverage.evaluated,
  inside50: 0,
  inside90: s.coverage.inside90,
});
const entries = [
  entry('first', series([point('2009', 0.5, true), point('2010', 0.6), point('2011', 0.99)], [covered('2010', true), covered('2011', false)])),
  entry('second', series([point('2012', 0.1)], [covered('2012', true)])),
];

describe('backtestPitChart', () => {
  it('draws one dot per scored observation at its PIT, ink inside the 90% band and vermillion outside, on one row per scenario', () => {
    const svg = backtestPitChart(entries);
    const circles = [...parseSvg(svg).querySelectorAll('circle')].filter((circle) => /PIT/.test(decodeXml(circle.textContent ?? '')));
    const dots = circles.map((circle) => ({ title: decodeXml(circle.textContent ?? ''), fill: circle.getAttribute('fill'), cx: Number(circle.getAttribute('cx')), cy: Number(circle.getAttribute('cy')) }));
    expect(dots).toHaveLength(3);
    const dot = (label: string) => dots.find((d) => d.title.includes(` ${label}:`))!;
    expect(dot('2010').fill).toBe('#333333');
    expect(dot('2011').fill).toBe(OKABE_ITO.vermillion);
    expect(dot('2011').cx).toBeGreaterThan(dot('2010').cx);
    expect(dot('2012').cx).toBeLessThan(dot('2010').cx);
    expect(dot('2010').cy).toBe(dot('2011').cy);
    expect(dot('2012').cy).not.toBe(dot('2010').cy);
    expect(svg).toContain('first (1 of 2; noise only)');
    expect(svg).toContain('second (1 of 1; noise only)');
  });

  it('says in each row what its bands include: run-to-run noise, and parameters or inputs when drawn', () => {
    const drawn = { ...entries[0]!, uncertainty: { ...entries[0]!.uncertainty, parameters: { drawn: true, source: 'posterior:mid-2020' } } };
    expect(backtestPitChart([drawn])).toContain('first (1 of 2; noise + parameters)');
    const both = { ...drawn, uncertainty: { ...drawn.uncertainty, factors: { drawn: true, source: 'plausible', drawnFactors: [], drawnInputs: [] } } };
    expect(backtestPitChart([both])).toContain('first (1 of 2; noise + parameters + inputs)');
  });

  it('titles the chart and says what the dots mean, with the totals in its description', () => {
    const root = parseSvg(backtestPitChart(entries)).querySelector('svg');
    expect(decodeXml(root?.getAttribute('aria-label') ?? '')).toBe('Where each observation falls in its forecast');
    expect(backtestPitChart(entries)).toContain('3 scored observations in 2 back-tests (2 inside their 90% bands)');
  });
});
