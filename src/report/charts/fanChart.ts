import * as Plot from '@observablehq/plot';
import type { EnsembleSummary } from '../../experiment/simulate.js';
import { bandLabel } from '../bandLabel.js';
import { chartDocument, type ChartDocument, type ChartNode } from './chartDocument.js';
import { frameChart, type LegendItem } from './frameChart.js';
import { monthDate } from './monthDate.js';
import { INK, SCENARIO_COLORS, SCENARIO_DASHES } from './palette.js';

/** A measured value to draw over a fan chart (e.g. claims counted before the model's start). */
export interface ObservedPoint {
  /** Calendar month, `YYYY-MM`; may lie before the summary's first month. */
  readonly month: string;
  readonly value: number;
}

/** Options of {@link fanChart}. */
export interface FanChartOptions {
  /** The observable to draw (a key of `summary.series`). Required. */
  readonly observable: string;
  /** A second ensemble summary (e.g. a counterfactual run with the same seed) to overlay. Default none. */
  readonly compare?: EnsembleSummary;
  /** Observed values drawn as black dots. Default none. */
  readonly observed?: readonly ObservedPoint[];
  /** Label of the observed dots in the legend. Default `'observed'`. */
  readonly observedLabel?: string;
  /** Title. Default: the observable's id and the scenario's name. */
  readonly title?: string;
  /** Width in pixels. Default 640. */
  readonly width?: number;
  /** Height of the plotting area and axes in pixels (the title and legend add to it). Default 300. */
  readonly height?: number;
  /** Start the y axis at zero (honest for counts). Default true. */
  readonly zero?: boolean;
  /** Document to render into: `window.document` in a browser. Default: a shared linkedom document. */
  readonly document?: ChartDocument;
}

/** Opacities of the 90% and 50% bands: the inner band darker, as in the Bank of England's fan charts. */
const BAND_OPACITY = { outer: 0.16, inner: 0.34, overlay: 0.28 } as const;

interface Row {
  readonly date: Date;
  readonly p05: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
}

function rowsOf(summary: EnsembleSummary, observable: string): Row[] {
  const series = summary.series[observable];
  if (!series) throw new RangeError(`invalid observable: ${observable}`);
  return summary.months.map((month, i) => ({
    date: monthDate(month),
    p05: series.p05[i] as number,
    p25: series.p25[i] as number,
    p50: series.p50[i] as number,
    p75: series.p75[i] as number,
    p95: series.p95[i] as number,
  }));
}

/** Up to three significant digits with thousands separators, as the axis labels read. */
function formatValue(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/**
 * A fan chart of one observable over calendar months: the 90% band (p05–p95) and the 50% band
 * (p25–p75) of the ensemble, the median as a line labelled with its last value, observed points
 * when given, and a second scenario overlaid in a second colour and dash when `compare` is given.
 * The fan chart follows Britton, Fisher and Whitley (1998), "The Inflation Report projections:
 * understanding the fan chart", Bank of England Quarterly Bulletin 38(1): central bands darker,
 * outer bands lighter. Colours are Okabe–Ito (colour-blind safe). Returns a standalone SVG
 * string with a `<title>`, a `<desc>` summarising the numbers, and `aria-label`s on each mark.
 * Deterministic: the same summary gives the same string.
 *
 * @example
 * const { summary } = simulate(SHIPPED_SCENARIOS['baseline-2020'], { runs: 50, seed: 1 });
 * fanChart(summary, { observable: 'attacks' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="attacks: baseline-2020" …>…</svg>'
 */
export function fanChart(summary: EnsembleSummary, options: FanChartOptions): string {
  const { observable } = options;
  const document = chartDocument(options.document);
  const width = options.width ?? 640;
  const height = options.height ?? 300;
  const scenarios = options.compare ? [summary, options.compare] : [summary];
  const names = scenarios.map((s) => s.scenario.name);
  const unit = summary.units[observable] ?? '';
  const observed = (options.observed ?? []).map((point) => ({ date: monthDate(point.month), value: point.value }));
  const observedLabel = options.observedLabel ?? 'observed';

  const marks: Plot.Markish[] = [];
  const legend: LegendItem[] = [];
  const rowsByScenario = scenarios.map((s) => rowsOf(s, observable));
  if (options.zero ?? true) marks.push(Plot.ruleY([0], { stroke: INK, ariaLabel: () => 'zero line' }));
  const overlay = scenarios.length > 1;
  rowsByScenario.forEach((rows, s) => {
    const color = SCENARIO_COLORS[s] as string;
    const name = names[s] as string;
    // Alone, both bands are filled. Overlaid, filled 90% bands would blend into a third colour, so
    // the 90% band is drawn as its two edges and only the 50% band is filled.
    if (overlay) {
      for (const edge of ['p05', 'p95'] as const) {
        marks.push(Plot.lineY(rows, { x: 'date', y: edge, stroke: color, strokeWidth: 0.9, strokeOpacity: 0.8, ariaLabel: () => `band ${edge} edge ${name}` }));
      }
    } else {
      marks.push(Plot.areaY(rows, { x: 'date', y1: 'p05', y2: 'p95', fill: color, fillOpacity: BAND_OPACITY.outer, ariaLabel: () => `band p05–p95 ${name}` }));
    }
    marks.push(Plot.areaY(rows, { x: 'date', y1: 'p25', y2: 'p75', fill: color, fillOpacity: overlay ? BAND_OPACITY.overlay : BAND_OPACITY.inner, ariaLabel: () => `band p25–p75 ${name}` }));
  });
  rowsByScenario.forEach((rows, s) => {
    const color = SCENARIO_COLORS[s] as string;
    const dash = SCENARIO_DASHES[s] as string;
    marks.push(
      Plot.lineY(rows, {
        x: 'date',
        y: 'p50',
        stroke: color,
        strokeWidth: 2.25,
        ...(dash === 'none' ? {} : { strokeDasharray: dash }),
        ariaLabel: () => `median ${names[s] as string}`,
      }),
    );
  });
  // Direct labels at the end of each median (Wilke 2019, ch. 20: label lines directly). With two
  // scenarios the higher label goes up and the lower down so that they do not overlap.
  const lastRows = rowsByScenario.map((rows) => rows[rows.length - 1] as Row);
  lastRows.forEach((last, s) => {
    const other = lastRows[1 - s];
    const dy = other === undefined ? 0 : last.p50 >= other.p50 ? -7 : 7;
    marks.push(
      Plot.text([last], {
        x: 'date',
        y: 'p50',
        text: (d: Row) => formatValue(d.p50),
        dx: 5,
        dy,
        textAnchor: 'start',
        fill: SCENARIO_COLORS[s] as string,
        fontWeight: 'bold',
        ariaLabel: () => `last median ${names[s] as string}`,
      }),
    );
  });

  const first = rowsByScenario[0]?.[0];
  if (observed.length > 0) {
    if (first && observed.some((point) => point.date < first.date)) {
      marks.push(
        Plot.ruleX([first.date], { stroke: '#888888', strokeDasharray: '2,3', ariaLabel: () => 'projection start' }),
        Plot.text([first.date], { x: (d: Date) => d, frameAnchor: 'top', text: () => 'projection →', textAnchor: 'start', dx: 4, dy: 2, fill: '#555555' }),
      );
    }
    marks.push(Plot.dot(observed, { x: 'date', y: 'value', r: 3.5, fill: INK, stroke: 'white', strokeWidth: 1, ariaLabel: () => observedLabel }));
  }

  if (scenarios.length === 1) {
    legend.push(
      { label: 'median', kind: 'line', color: SCENARIO_COLORS[0] },
      { label: '50% band (p25–p75)', kind: 'band', color: SCENARIO_COLORS[0], opacity: BAND_OPACITY.inner },
      { label: '90% band (p05–p95)', kind: 'band', color: SCENARIO_COLORS[0], opacity: BAND_OPACITY.outer },
    );
  } else {
    names.forEach((name, s) => legend.push({ label: name, kind: 'line', color: SCENARIO_COLORS[s] as string, dash: SCENARIO_DASHES[s] as string }));
    legend.push(
      { label: '50% band', kind: 'band', color: '#777777', opacity: 0.45 },
      { label: '90% band (thin lines)', kind: 'line', color: '#777777', thin: true },
    );
  }
  if (observed.length > 0) legend.push({ label: observedLabel, kind: 'dot', color: INK });

  const svg = Plot.plot({
    document: document as never,
    width,
    height,
    marginLeft: 60,
    marginRight: 52,
    marginTop: 30,
    marginBottom: 36,
    style: { color: INK },
    x: { type: 'utc', label: null, ticks: '6 months' },
    y: { grid: true, label: `↑ ${unit}`, nice: true, ...(options.zero ?? true ? { zero: true } : {}) },
    ariaLabel: `${observable} over time`,
    marks,
  }) as unknown as ChartNode;

  const runs = summary.provenance.runs;
  const title = options.title ?? `${observable}${unit && unit !== observable ? ` (${unit})` : ''}: ${names.join(' vs ')}`;
  const included = bandLabel(scenarios.map((s) => s.uncertainty), names);
  const subtitle = `Median and 50%/90% bands of ${runs} runs (seed ${JSON.stringify(summary.provenance.seed)}): ${included}`;
  const description = scenarios
    .map((s, i) => {
      const rows = rowsByScenario[i] as Row[];
      const a = rows[0] as Row;
      const b = rows[rows.length - 1] as Row;
      return `${s.scenario.name}: median ${observable} ${formatValue(a.p50)} ${unit} in ${s.months[0]}, ${formatValue(b.p50)} in ${s.months[s.months.length - 1]} (90% band ${formatValue(b.p05)}–${formatValue(b.p95)}).`;
    })
    .concat(observed.length > 0 ? [`${observed.length} ${observedLabel} values drawn as dots.`] : [])
    .join(' ');
  return frameChart(svg, document, { title, subtitle, description, legend });
}
