import * as Plot from '@observablehq/plot';
import { chartDocument, type ChartDocument, type ChartNode } from './chartDocument.js';
import { frameChart, type LegendItem } from './frameChart.js';
import { INK, OKABE_ITO } from './palette.js';

/** One bar of a tornado chart: an effect with an optional confidence interval. */
export interface TornadoItem {
  readonly label: string;
  readonly value: number;
  /** Lower end of the interval (e.g. a 95% CI). Default none. */
  readonly low?: number;
  /** Upper end of the interval. Default none. */
  readonly high?: number;
}

/** Options of {@link tornadoChart}. */
export interface TornadoChartOptions {
  /** Title. Required. */
  readonly title: string;
  /** Unit of the values (shown on the axis). Required. */
  readonly unit: string;
  /** A line under the title (what the values are, how the intervals were computed). Default none. */
  readonly subtitle?: string;
  /** Width in pixels. Default 640. */
  readonly width?: number;
  /** Document to render into: `window.document` in a browser. Default: a shared linkedom document. */
  readonly document?: ChartDocument;
}

/** Height of one bar's row in pixels. */
const ROW = 26;

function formatEffect(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const magnitude = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: digits });
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${magnitude}`;
}

/**
 * A tornado chart for attribution and one-at-a-time sensitivity: one horizontal bar per item
 * from zero to its value, sorted by |value| (largest on top), positive effects blue and negative
 * vermillion (Okabe–Ito), intervals as whiskers, each bar labelled with its value. The form
 * follows Howard (1988), "Decision analysis: practice and promise", Management Science 34(6).
 * Items are not mutated. Returns a standalone, accessible SVG string; deterministic (ties in
 * |value| keep the input order). Throws `invalid value: …` for a non-finite value.
 *
 * @example
 * tornadoChart([{ label: 'usTroopsSyria', value: -80, low: -95, high: -66 }, { label: 'covidDiversion', value: 12 }], { title: 'Effect on attacks', unit: 'attacks/month' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Effect on attacks" …>…</svg>'
 */
export function tornadoChart(items: readonly TornadoItem[], options: TornadoChartOptions): string {
  for (const item of items) if (!Number.isFinite(item.value)) throw new RangeError(`invalid value: ${item.value} (${item.label})`);
  const document = chartDocument(options.document);
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Math.abs(b.item.value) - Math.abs(a.item.value) || a.index - b.index)
    .map(({ item }) => item);
  const withInterval = sorted.filter((item) => item.low !== undefined && item.high !== undefined);
  const longest = Math.max(0, ...sorted.map((item) => item.label.length));
  const marginLeft = Math.min(260, 16 + Math.ceil(longest * 6.2));
  // Room beyond the longest bar or whisker on each side for its value label (about 7 characters).
  const lows = sorted.map((item) => Math.min(0, item.value, item.low ?? 0));
  const highs = sorted.map((item) => Math.max(0, item.value, item.high ?? 0));
  const low = Math.min(0, ...lows);
  const high = Math.max(0, ...highs);
  const width = options.width ?? 640;
  const pad = ((high - low || 1) * 48) / Math.max(100, width - marginLeft - 100);
  const domain = [low < 0 ? low - pad : 0, high > 0 ? high + pad : 0];
  const fill = (item: TornadoItem) => (item.value >= 0 ? OKABE_ITO.blue : OKABE_ITO.vermillion);
  const svg = Plot.plot({
    document: document as never,
    width,
    height: 10 + 36 + Math.max(1, sorted.length) * ROW,
    marginLeft,
    marginRight: 16,
    marginTop: 10,
    marginBottom: 36,
    style: { color: INK },
    x: { domain, grid: true, label: `effect (${options.unit})`, labelAnchor: 'center' },
    y: { domain: sorted.map((item) => item.label), label: null, tickSize: 0, padding: 0.3 },
    marks: [
      Plot.barX(sorted, { x1: 0, x2: 'value', y: 'label', fill, ariaLabel: (item: TornadoItem) => `${item.label}: ${formatEffect(item.value)} ${options.unit}` }),
      Plot.ruleY(withInterval, { y: 'label', x1: 'low', x2: 'high', stroke: INK, strokeWidth: 1.25, ariaLabel: (item: TornadoItem) => `${item.label} interval` }),
      Plot.tickX(withInterval, { y: 'label', x: 'low', stroke: INK, insetTop: 5, insetBottom: 5 }),
      Plot.tickX(withInterval, { y: 'label', x: 'high', stroke: INK, insetTop: 5, insetBottom: 5 }),
      // Value labels just beyond each bar or whisker: right of positive effects, left of negative.
      ...([1, -1] as const).map((sign) =>
        Plot.text(
          sorted.filter((item) => (sign > 0 ? item.value >= 0 : item.value < 0)),
          {
            y: 'label',
            x: (item: TornadoItem) => (sign > 0 ? Math.max(item.value, item.high ?? item.value) : Math.min(item.value, item.low ?? item.value)),
            text: (item: TornadoItem) => formatEffect(item.value),
            textAnchor: sign > 0 ? 'start' : 'end',
            dx: 5 * sign,
            fill: INK,
          },
        ),
      ),
      Plot.ruleX([0], { stroke: INK, strokeWidth: 1.25 }),
    ],
  }) as unknown as ChartNode;
  const legend: LegendItem[] = [
    { label: 'raises the outcome', kind: 'band', color: OKABE_ITO.blue },
    { label: 'lowers the outcome', kind: 'band', color: OKABE_ITO.vermillion },
  ];
  if (withInterval.length > 0) legend.push({ label: 'interval', kind: 'line', color: INK, thin: true });
  const description = sorted.map((item) => `${item.label}: ${formatEffect(item.value)} ${options.unit}${item.low !== undefined && item.high !== undefined ? ` (${formatEffect(item.low)} to ${formatEffect(item.high)})` : ''}.`).join(' ');
  return frameChart(svg, document, {
    title: options.title,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    description: description || 'No items.',
    legend,
  });
}
