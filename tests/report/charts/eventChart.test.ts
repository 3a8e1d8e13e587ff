import { describe, expect, it } from 'vitest';
import { eventChart } from '../../../src/report/charts/eventChart.js';
import { labelled, parseSvg, pathPoints, smallEnsemble } from './svgTestHelpers.js';

const baseline = smallEnsemble('baseline-2020');
const worst = smallEnsemble('worst-case');

describe('eventChart', () => {
  it('eventChart of worst case against baseline matches its file snapshot', async () => {
    await expect(eventChart(worst, { compare: baseline })).toMatchFileSnapshot('./__snapshots__/events-worst-vs-baseline.svg');
  });

  it('eventChart draws one rising step line per event and scenario, ending at the event probability', () => {
    const svg = eventChart(worst, { compare: baseline });
    const events = Object.keys(worst.events);
    for (const summary of [worst, baseline]) {
      for (const event of events) {
        const [line] = labelled(svg, 'path', `P(event by month) ${event} ${summary.scenario.name}`);
        const points = pathPoints(line?.getAttribute('d') ?? '');
        // step-after: two points per month after the first; y (pixels) never goes down the page as P rises.
        expect(points.length).toBeGreaterThanOrEqual(summary.months.length);
        for (let i = 1; i < points.length; i++) expect((points[i] as number[])[1]).toBeLessThanOrEqual((points[i - 1] as number[])[1] as number);
        const [dot] = labelled(svg, 'circle', `final probability ${event} ${summary.scenario.name}: ${Math.round(100 * (summary.events[event]?.probability ?? NaN))}%`);
        expect(dot).toBeDefined();
        // The final dot sits at the line's last height, since with censoring only at the horizon 1 − S(last) = P.
        expect(Number(dot?.getAttribute('cy'))).toBeCloseTo((points[points.length - 1] as number[])[1] as number, 6);
      }
    }
  });

  it('eventChart draws one Wilson CI whisker per event and scenario, spanning the probability', () => {
    const svg = eventChart(worst, { compare: baseline });
    const whiskers = [...parseSvg(svg).querySelectorAll('line[aria-label]')].filter((l) => (l.getAttribute('aria-label') ?? '').startsWith('95% CI'));
    expect(whiskers).toHaveLength(2 * Object.keys(worst.events).length);
    for (const [id, event] of Object.entries(baseline.events)) {
      expect(event.ci95[0]).toBeLessThanOrEqual(event.probability);
      expect(event.ci95[1]).toBeGreaterThanOrEqual(event.probability);
      const [whisker] = whiskers.filter((l) => (l.getAttribute('aria-label') ?? '').startsWith(`95% CI ${id} baseline-2020`));
      expect(Number(whisker?.getAttribute('y1'))).not.toBe(Number(whisker?.getAttribute('y2'))); // 50 runs: the CI has width
    }
  });

  it('eventChart describes every probability with its CI and rejects an unknown event', () => {
    const svg = eventChart(baseline);
    const desc = parseSvg(svg).querySelector('svg > desc')?.textContent ?? '';
    for (const id of Object.keys(baseline.events)) expect(desc).toMatch(new RegExp(`baseline-2020, ${id}: \\d+% by 2023-04 \\(95% CI \\d+%–\\d+%\\)`));
    expect(() => eventChart(baseline, { events: ['nope'] })).toThrow('invalid event: nope');
    expect(eventChart(baseline)).toBe(svg);
  });
});
