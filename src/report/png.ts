import { spawnSync } from 'node:child_process';
import { Resvg } from '@resvg/resvg-js';

/** Options of {@link svgToPng}. */
export interface SvgToPngOptions {
  /** Width of the PNG in pixels; the height keeps the SVG's aspect ratio. Default: twice the SVG's own width (sharp on high-density screens). */
  readonly width?: number;
  /** Font family for text (and for `sans-serif`). Default: the first of {@link PREFERRED_FONT_FAMILIES} installed, else the first installed family. */
  readonly fontFamily?: string;
  /** Extra font files to load (for machines without system fonts). Default none. */
  readonly fontFiles?: readonly string[];
  /** Background colour. Default `'white'`. */
  readonly background?: string;
}

/**
 * Sans-serif families the charts are designed for, in order of preference: widely installed
 * (DejaVu on Debian and most Linux, Liberation with LibreOffice, Noto on Android and many
 * distributions, Arial and Helvetica on Windows and macOS) and close in width to the 0.6 em
 * the chart legends assume.
 *
 * @example
 * PREFERRED_FONT_FAMILIES[0]; // 'DejaVu Sans'
 */
export const PREFERRED_FONT_FAMILIES = ['DejaVu Sans', 'Liberation Sans', 'Noto Sans', 'Arial', 'Helvetica'] as const;

/**
 * The font family to draw text with, from the families installed: the first preferred one that
 * is installed, else the first installed family, else `undefined` (resvg then draws no text but
 * still renders the chart). Pure; compares names case-insensitively.
 *
 * @example
 * pickFontFamily(['Noto Sans', 'DejaVu Sans']); // 'DejaVu Sans'
 * pickFontFamily(['Fira Sans']);                // 'Fira Sans'
 * pickFontFamily([]);                           // undefined
 */
export function pickFontFamily(installed: readonly string[]): string | undefined {
  const lower = new Map(installed.map((family) => [family.toLowerCase(), family]));
  for (const family of PREFERRED_FONT_FAMILIES) {
    const found = lower.get(family.toLowerCase());
    if (found !== undefined) return found;
  }
  return installed[0];
}

let installedFamilies: string[] | undefined;

/**
 * The font families installed on this machine, as fontconfig's `fc-list : family` reports them
 * (first name of each entry, sorted); an empty list when fontconfig is missing. Cached.
 *
 * @example
 * systemFontFamilies(); // e.g. ['DejaVu Math TeX Gyre', 'DejaVu Sans', 'DejaVu Sans Mono', 'DejaVu Serif']
 */
export function systemFontFamilies(): readonly string[] {
  if (installedFamilies) return installedFamilies;
  const result = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8', timeout: 5000 });
  const lines = result.status === 0 && typeof result.stdout === 'string' ? result.stdout.split('\n') : [];
  installedFamilies = [...new Set(lines.map((line) => (line.split(',')[0] ?? '').trim()).filter((name) => name !== ''))].sort();
  return installedFamilies;
}

/**
 * Renders an SVG string (as the charts return) to a PNG with resvg, without a browser, using
 * the system's fonts. Node only. Deterministic for a given SVG, font set and width.
 * Throws `invalid width: …` for a width that is not a positive integer.
 *
 * @example
 * const png = svgToPng(fanChart(summary, { observable: 'attacks' }), { width: 1280 });
 * png.subarray(1, 4).toString(); // 'PNG'
 */
export function svgToPng(svg: string, options: SvgToPngOptions = {}): Buffer {
  const ownWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 640);
  const width = options.width ?? Math.round(2 * ownWidth);
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`invalid width: ${width}`);
  const family = options.fontFamily ?? pickFontFamily(systemFontFamilies());
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: options.background ?? 'white',
    font: {
      loadSystemFonts: true,
      ...(options.fontFiles ? { fontFiles: [...options.fontFiles] } : {}),
      ...(family ? { defaultFontFamily: family, sansSerifFamily: family } : {}),
    },
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
