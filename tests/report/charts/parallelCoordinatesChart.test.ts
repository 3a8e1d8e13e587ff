import { describe, expect, it } from 'vitest';
import { parallelCoordinatesChart } from '../../../src/report/charts/parallelCoordinatesChart.js';
import { labelled, parseSvg, pathPoints } from './svgTestHelpers.js';

const axes = [{ label: 'troops', domain: [0, 1000] as const }, { label: 'cost (M USD)', reversed: true }, { label: 'P(comeback)', reversed: true }];
const lines = [
  { label: 'status-quo', values: [0, 1600, 0.28], group: 'reference' as const },
  { label: 'pareto-1', values: [500, 4600, 0.12] },
  { label: 'pareto-2', values: [250, 2300, 0.2] },
  { label: 'dominated', values: [100, 5000, 0.3], group: 'muted' as const },
];

describe('parallelCoordinatesChart', () => {
  it('parallelCoordinatesChart matches its file snapshot', async () => {
    await expect(parallelCoordinatesChart(axes, lines, { title: 'Trade-offs' })).toMatchFileSnapshot('./__snapshots__/parallel-coordinates.svg');
  });

  it('parallelCoordinatesChart draws one polyline per policy through every axis, reversed axes putting low values on top', () => {
    const svg = parallelCoordinatesChart(axes, lines, { title: 'Trade-offs' });
    const ys = (label: string) => pathPoints(labelled(svg, 'path', label)[0]?.getAttribute('d') ?? '').map((p) => p[1] as number);
    for (const line of lines) expect(ys(line.label)).toHaveLength(3);
    // troops: higher value higher on the page (smaller y); cost and P reversed: the cheaper and safer higher.
    expect(ys('pareto-1')[0]).toBeLessThan(ys('pareto-2')[0] as number);
    expect(ys('pareto-1')[1]).toBeGreaterThan(ys('pareto-2')[1] as number);
    expect(ys('pareto-1')[2]).toBeLessThan(ys('pareto-2')[2] as number);
    expect(parseSvg(svg).querySelector('desc')?.textContent).toContain('status-quo: troops 0, cost (M USD) 1,600, P(comeback) 0.28.');
  });

  it('parallelCoordinatesChart rejects a line with the wrong number of values', () => {
    expect(() => parallelCoordinatesChart(axes, [{ label: 'x', values: [1] }], { title: 't' })).toThrow('invalid values: x has 1 (expected 3, one per axis)');
  });
});
