import { describe, expect, it } from 'vitest';
import { tornadoChart, type TornadoItem } from '../../../src/report/charts/tornadoChart.js';
import { labelled, parseSvg } from './svgTestHelpers.js';

// Made-up effects for the layout tests (not model output): mixed signs, one tie in |value|, CIs on some.
const items: TornadoItem[] = [
  { label: 'covidDiversion', value: 12, low: 4, high: 20 },
  { label: 'usTroopsSyria', value: -80, low: -95, high: -66 },
  { label: 'extortionIncome', value: 150, low: 140, high: 166 },
  { label: 'sectarianTension', value: 3 },
  { label: 'iranMilitiaEffort', value: -12 },
];

function bar(svg: string, label: string) {
  const [rect] = [...parseSvg(svg).querySelectorAll('rect[aria-label]')].filter((r) => (r.getAttribute('aria-label') ?? '').startsWith(`${label}:`));
  return { x: Number(rect?.getAttribute('x')), y: Number(rect?.getAttribute('y')), width: Number(rect?.getAttribute('width')) };
}

describe('tornadoChart', () => {
  it('tornadoChart matches its file snapshot', async () => {
    await expect(tornadoChart(items, { title: 'Effect on attacks at month 35', unit: 'attacks/month' })).toMatchFileSnapshot('./__snapshots__/tornado.svg');
  });

  it('tornadoChart sorts bars by |value| from the top, ties in input order, without mutating the items', () => {
    const copy = structuredClone(items);
    const svg = tornadoChart(items, { title: 't', unit: 'u' });
    expect(items).toEqual(copy);
    const order = ['extortionIncome', 'usTroopsSyria', 'covidDiversion', 'iranMilitiaEffort', 'sectarianTension'];
    const ys = order.map((label) => bar(svg, label).y);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThan(ys[i - 1] as number);
  });

  it('tornadoChart draws bar lengths proportional to the values, negative ones left of zero', () => {
    const svg = tornadoChart(items, { title: 't', unit: 'u' });
    const big = bar(svg, 'extortionIncome');
    const negative = bar(svg, 'usTroopsSyria');
    const small = bar(svg, 'sectarianTension');
    expect(big.width / small.width).toBeCloseTo(150 / 3, 1);
    expect(negative.width / big.width).toBeCloseTo(80 / 150, 2);
    expect(negative.x + negative.width).toBeCloseTo(big.x, 6); // both meet at zero
  });

  it('tornadoChart draws a whisker only for items with an interval, and the values as labels', () => {
    const svg = tornadoChart(items, { title: 't', unit: 'u' });
    expect(labelled(svg, 'line', 'covidDiversion interval')).toHaveLength(1);
    expect(labelled(svg, 'line', 'sectarianTension interval')).toHaveLength(0);
    expect([...parseSvg(svg).querySelectorAll('line[aria-label$=" interval"]')]).toHaveLength(3);
    expect(svg).toContain('>−80<');
    expect(svg).toContain('>+150<');
  });

  it('tornadoChart rejects a non-finite value', () => {
    expect(() => tornadoChart([{ label: 'x', value: Number.NaN }], { title: 't', unit: 'u' })).toThrow('invalid value: NaN (x)');
  });
});
