import { describe, expect, it } from 'vitest';
import { fanChart } from '../../src/report/charts/fanChart.js';
import { pickFontFamily, svgToPng, systemFontFamilies } from '../../src/report/png.js';
import { smallEnsemble } from './charts/svgTestHelpers.js';

/** Width and height from a PNG's IHDR chunk (PNG spec, ISO/IEC 15948: bytes 16–23, big-endian). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('svgToPng', () => {
  const svg = fanChart(smallEnsemble('baseline-2020'), { observable: 'attacks' });
  const svgWidth = Number(/viewBox="0 0 (\d+) (\d+)"/.exec(svg)?.[1]);
  const svgHeight = Number(/viewBox="0 0 (\d+) (\d+)"/.exec(svg)?.[2]);

  it('svgToPng writes a PNG of the asked width with the SVG\'s aspect ratio', () => {
    expect(svgWidth).toBeGreaterThan(0);
    expect(svgHeight).toBeGreaterThan(0);
    const png = svgToPng(svg, { width: 1000 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: 1000, height: Math.round((1000 * svgHeight) / svgWidth) });
  });

  it('svgToPng defaults to twice the SVG\'s width and is deterministic', () => {
    const png = svgToPng(svg);
    expect(pngSize(png).width).toBe(2 * svgWidth);
    expect(Buffer.compare(png, svgToPng(svg))).toBe(0);
  });

  it('svgToPng draws text when a font is installed: the picture changes when the title does', () => {
    if (systemFontFamilies().length === 0) return; // no fonts: resvg draws no text, nothing to compare
    const other = svg.replace(/(<text[^>]*font-weight="bold"[^>]*>)[^<]*/, '$1XXXXXXXX XXXXXXXXXXXX');
    expect(other).not.toBe(svg);
    expect(Buffer.compare(svgToPng(svg, { width: 320 }), svgToPng(other, { width: 320 }))).not.toBe(0);
  });

  it('svgToPng rejects a bad width; pickFontFamily prefers known families and falls back', () => {
    expect(() => svgToPng(svg, { width: 0 })).toThrow('invalid width: 0');
    expect(pickFontFamily(['Noto Sans', 'dejavu sans'])).toBe('dejavu sans');
    expect(pickFontFamily(['Fira Sans'])).toBe('Fira Sans');
    expect(pickFontFamily([])).toBeUndefined();
  });
});
