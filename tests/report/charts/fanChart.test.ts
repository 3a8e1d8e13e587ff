import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { fanChart } from '../../../src/report/charts/fanChart.js';
import { svgToPng } from '../../../src/report/png.js';
import type { ChartDocument } from '../../../src/report/charts/chartDocument.js';
import { labelled, parseSvg, pathPoints, smallEnsemble } from './svgTestHelpers.js';

const baseline = smallEnsemble('baseline-2020');
const usStays = smallEnsemble('us-stays');

// The ISIS claims of Jan–Apr 2020 that the data folder ships (ikhrw; grade C), read from the file.
const observedClaims = readFileSync(new URL('../../../data/sources/observed-to-mid-2020.csv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('iqsy_is_claims,'))
  .map((line) => {
    const [, month, value] = line.split(',');
    return { month: month as string, value: Number(value) };
  });

describe('fanChart', () => {
  it('fanChart of baseline attacks matches its file snapshot', async () => {
    await expect(fanChart(baseline, { observable: 'attacks' })).toMatchFileSnapshot('./__snapshots__/fan-baseline.svg');
  });

  it('fanChart overlaid with a counterfactual and observed claims matches its file snapshot', async () => {
    const svg = fanChart(baseline, { observable: 'claimedAttacks', compare: usStays, observed: observedClaims, observedLabel: 'ISIS claims (ikhrw)' });
    await expect(svg).toMatchFileSnapshot('./__snapshots__/fan-compare-claims.svg');
  });

  it('fanChart draws two bands and one median for one scenario, and p95 ≤ p50 ≤ p05 in pixels (y grows downwards) every month', () => {
    const svg = fanChart(baseline, { observable: 'attacks' });
    const bands = parseSvg(svg).querySelectorAll('path[aria-label^="band "]');
    expect(bands.length).toBe(2);
    const [outer] = labelled(svg, 'path', 'band p05–p95 baseline-2020');
    const [median] = labelled(svg, 'path', 'median baseline-2020');
    const band = pathPoints(outer?.getAttribute('d') ?? '');
    const line = pathPoints(median?.getAttribute('d') ?? '');
    const months = baseline.months.length;
    expect(line).toHaveLength(months);
    expect(band).toHaveLength(2 * months); // upper edge left to right, then the lower edge back
    for (let m = 0; m < months; m++) {
      const [x, y50] = line[m] as [number, number];
      const [xTop, y95] = band[m] as [number, number];
      const [xBottom, y05] = band[2 * months - 1 - m] as [number, number];
      expect(xTop).toBeCloseTo(x, 6);
      expect(xBottom).toBeCloseTo(x, 6);
      expect(y95).toBeLessThanOrEqual(y50);
      expect(y50).toBeLessThanOrEqual(y05);
    }
    // The band has width somewhere: 50 runs of Poisson attacks are not all equal.
    expect(band.some(([, y], i) => i < months && (band[2 * months - 1 - i] as [number, number])[1] - y > 1)).toBe(true);
  });

  it('fanChart places medians in the same vertical order as the data (the x axis is calendar months)', () => {
    const svg = fanChart(baseline, { observable: 'attacks' });
    const line = pathPoints(labelled(svg, 'path', 'median baseline-2020')[0]?.getAttribute('d') ?? '');
    const p50 = baseline.series.attacks?.p50 as number[];
    for (let m = 1; m < p50.length; m++) {
      expect((line[m] as number[])[0]).toBeGreaterThan((line[m - 1] as number[])[0] as number);
      expect(Math.sign((line[m - 1] as number[])[1]! - (line[m] as number[])[1]!)).toBe(Math.sign(p50[m]! - p50[m - 1]!));
    }
    expect(svg).toContain('2020'); // a calendar tick label
  });

  it('fanChart with compare draws two medians in different colours and dashes, each scenario with its bands', () => {
    const svg = fanChart(baseline, { observable: 'attacks', compare: usStays });
    const [a] = labelled(svg, 'path', 'median baseline-2020');
    const [b] = labelled(svg, 'path', 'median us-stays');
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    const strokeOf = (name: string) => parseSvg(svg).querySelector(`path[aria-label="median ${name}"]`)?.parentNode?.getAttribute('stroke');
    expect(strokeOf('baseline-2020')).not.toBe(strokeOf('us-stays'));
    expect(labelled(svg, 'path', 'band p25–p75 us-stays')).toHaveLength(1);
    expect(labelled(svg, 'path', 'band p05 edge us-stays')).toHaveLength(1);
    expect(svg).toContain('legend: us-stays');
  });

  it('fanChart draws every observed point, before the projection start', () => {
    const svg = fanChart(baseline, { observable: 'claimedAttacks', observed: observedClaims });
    expect(observedClaims.length).toBe(4);
    const dots = labelled(svg, 'circle', 'observed');
    expect(dots).toHaveLength(observedClaims.length);
    const firstMedianX = pathPoints(labelled(svg, 'path', 'median baseline-2020')[0]?.getAttribute('d') ?? '')[0]?.[0] as number;
    for (const dot of dots) expect(Number(dot.getAttribute('cx'))).toBeLessThan(firstMedianX);
    expect(labelled(svg, 'line', 'projection start')).toHaveLength(1);
  });

  it('fanChart is deterministic and accessible: same string twice, title, desc, role and namespace', () => {
    const svg = fanChart(baseline, { observable: 'fighters' });
    expect(fanChart(baseline, { observable: 'fighters' })).toBe(svg);
    const root = parseSvg(svg).querySelector('svg');
    expect(root?.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root?.getAttribute('role')).toBe('img');
    expect(root?.getAttribute('aria-label')).toBe('fighters: baseline-2020');
    expect(parseSvg(svg).querySelector('svg > title')?.textContent).toBe('fighters: baseline-2020');
    expect(parseSvg(svg).querySelector('svg > desc')?.textContent).toMatch(/^baseline-2020: median fighters [\d,]+ fighters in 2020-05/);
  });

  it('fanChart renders into a document it is given (as a browser would pass window.document)', () => {
    const { document } = parseHTML('<!DOCTYPE html><html><body></body></html>');
    const svg = fanChart(baseline, { observable: 'attacks', document: document as unknown as ChartDocument });
    expect(svg).toBe(fanChart(baseline, { observable: 'attacks' }));
  });

  it('fanChart rejects an unknown observable and a malformed month', () => {
    expect(() => fanChart(baseline, { observable: 'nope' })).toThrow('invalid observable: nope');
    expect(() => fanChart(baseline, { observable: 'attacks', observed: [{ month: '2020-13', value: 1 }] })).toThrow('invalid month: 2020-13');
  });

  it('fanChart escapes text and attributes: a title with markup stays text and the SVG stays well-formed XML', () => {
    const title = '<script>alert(1)</script> & "co"';
    const svg = fanChart(baseline, { observable: 'attacks', title, observed: [{ month: '2020-06', value: 300 }], observedLabel: 'a < b & c' });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#)/);
    expect(parseSvg(svg).querySelector('svg > title')?.textContent).toBe(title);
    expect(labelled(svg, 'circle', 'a < b & c')).toHaveLength(1);
    // resvg parses SVG with a strict XML parser (roxmltree): it throws on malformed markup.
    expect(() => svgToPng(svg, { width: 64 })).not.toThrow();
  });
});
