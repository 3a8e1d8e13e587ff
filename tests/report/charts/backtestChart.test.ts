import { describe, expect, it } from 'vitest';
import type { SeriesScores } from '../../../src/analysis/backtest/backtestScores.js';
import { backtestChart } from '../../../src/report/charts/backtestChart.js';
import { OKABE_ITO } from '../../../src/report/charts/palette.js';
import { decodeXml, parseSvg } from './svgTestHelpers.js';

// Made-up scores for the layout tests (not model output): one in-sample point (no interval),
// one inside the 90% interval, one outside.
const point = (label: string, observed: number, median: number) => ({ label, observed, median, crps: 1, intervalScore50: 1, intervalScore90: 1, pit: 0.5 });
const band = (label: string, observed: number, band90: [number, number], band50: [number, number]) => ({
  label,
  observed,
  band50,
  band90,
  inside50: observed >= band50[0] && observed <= band50[1],
  inside90: observed >= band90[0] && observed <= band90[1],
});
const naive = (score: number) => ({ score, points: ['2019'], modelCrps: 1, naiveCrps: 2 });
const scores: SeriesScores = {
  series: 'attacksIraq',
  kind: 'attacks',
  source: 'Made-up source <test>',
  coverage: { evaluated: 2, inside50: 1, inside90: 1, share50: 0.5, share90: 0.5, skipped: [], points: [band('2019', 100, [60, 140], [80, 120]), band('2020', 300, [50, 150], [70, 110])] },
  points: [{ ...point('2018', 90, 95), inSample: true }, point('2019', 100, 100), point('2020', 300, 90)],
  meanCrps: 40,
  meanIntervalScore50: 1,
  meanIntervalScore90: 1,
  skill: { persistence: naive(0.25), trend: naive(Number.NaN) },
};

/** The observed dots, by the label their tooltip starts with, with their fill and centre. */
function dots(svg: string) {
  return [...parseSvg(svg).querySelectorAll('circle')].map((circle) => ({
    title: decodeXml(circle.textContent ?? ''),
    fill: circle.getAttribute('fill'),
    cy: Number(circle.getAttribute('cy')),
  }));
}

describe('backtestChart', () => {
  it('backtestChart titles the chart with the coverage and the skill against persistence, and names the source, escaped', () => {
    const svg = backtestChart(scores);
    const root = parseSvg(svg).querySelector('svg');
    expect(decodeXml(root?.getAttribute('aria-label') ?? '')).toBe('attacksIraq (attacks): 1 of 2 inside the 90% band');
    expect(svg).toContain('CRPS skill vs persistence 0.25; mean CRPS 40');
    expect(svg).toContain('Made-up source &lt;test&gt;');
    expect(svg).not.toContain('<test>');
    expect(svg).not.toContain('Bands include'); // no claim about the bands unless the caller knows it
  });

  it('backtestChart says what the forecast\'s bands include when told', () => {
    const svg = backtestChart(scores, { bands: 'run-to-run randomness + parameters (posterior mid-2020) + 3 inputs drawn' });
    // The subtitle wraps over several lines: read its words in order.
    const words = Array.from(parseSvg(svg).querySelectorAll('text'), (text) => decodeXml(text.textContent ?? '')).join(' ').replace(/\s+/g, ' ');
    expect(words).toContain('Bands include run-to-run randomness + parameters (posterior mid-2020) + 3 inputs drawn');
  });

  it('backtestChart colours each observed dot by where it falls: ink inside, vermillion outside, grey in the fitted data', () => {
    const svg = backtestChart(scores);
    const drawn = dots(svg).filter((dot) => /^20(18|19|20):/.test(dot.title));
    const fillOf = (label: string) => drawn.find((dot) => dot.title.startsWith(`${label}:`))?.fill;
    expect(drawn).toHaveLength(3);
    expect(fillOf('2018')).toBe('#999999');
    expect(fillOf('2019')).toBe('#333333');
    expect(fillOf('2020')).toBe(OKABE_ITO.vermillion);
    // The dot outside its interval is drawn above the one inside (300 against 100, a linear axis).
    const cy = (label: string) => drawn.find((dot) => dot.title.startsWith(`${label}:`))?.cy as number;
    expect(cy('2020')).toBeLessThan(cy('2019'));
    expect(drawn.find((dot) => dot.title.startsWith('2020:'))?.title).toContain('outside the 90% interval (forecast median 90, 90% 50–150)');
  });

  it('backtestChart draws intervals only for scored points, and turns to a log axis past a factor of 30', () => {
    const bars = (svg: string, label: string) => [...parseSvg(svg).querySelectorAll(`rect[aria-label="${label}"]`)];
    const linear = backtestChart(scores);
    expect(bars(linear, '90% interval')).toHaveLength(2);
    expect(bars(linear, '50% interval')).toHaveLength(2);
    expect(linear).not.toContain('log scale');
    const wide = { ...scores, points: [point('2019', 100, 100), point('2020', 5000, 90)], coverage: { ...scores.coverage, points: [scores.coverage.points[0]!, band('2020', 5000, [50, 150], [70, 110])] } };
    expect(backtestChart(wide)).toContain('log scale');
  });

  it('backtestChart says when the skill is not computable', () => {
    const svg = backtestChart({ ...scores, skill: { persistence: naive(Number.NaN), trend: naive(Number.NaN) } });
    expect(svg).toContain('skill vs persistence not computable');
  });
});
