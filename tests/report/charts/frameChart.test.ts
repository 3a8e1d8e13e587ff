// A chart's subtitle says what its bands include at the end of the line: it must wrap to the
// chart's width, never run off the right edge (as the first honest-default PNGs did).
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/experiment/simulate.js';
import { fanChart } from '../../../src/report/charts/fanChart.js';
import { wrapText } from '../../../src/report/charts/frameChart.js';
import { SHIPPED_SCENARIOS } from '../../../src/scenario/shippedScenarios.js';

describe('wrapText', () => {
  it('wrapText breaks at spaces into lines of at most maxChars, keeping every word in order', () => {
    expect(wrapText('run-to-run randomness + parameters', 20)).toEqual(['run-to-run', 'randomness +', 'parameters']);
    expect(wrapText('short', 20)).toEqual(['short']);
    expect(wrapText('averyveryverylongword x', 5)).toEqual(['averyveryverylongword', 'x']);
    const text = 'Median and 50%/90% bands of 1000 runs (seed 2020): run-to-run randomness + parameters (posterior mid-2020) + 13 judged inputs drawn';
    const lines = wrapText(text, 40);
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });
});

describe('frameChart', () => {
  it('fanChart of a drawn-input ensemble: every subtitle line fits inside the chart width (0.6 em per character at 11 px)', () => {
    const summary = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 8, seed: 1 }).summary;
    const svg = fanChart(summary, { observable: 'attacks' });
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
    const subtitleLines = [...svg.matchAll(/<text(?=[^>]*fill="#555555")(?=[^>]*font-size="11")[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
    expect(subtitleLines.length).toBeGreaterThan(1);
    for (const line of subtitleLines) expect(10 + line.length * 11 * 0.6).toBeLessThanOrEqual(width - 10);
    expect(subtitleLines.join(' ')).toMatch(/judged inputs drawn$/);
  });
});
