import * as Plot from '@observablehq/plot';
import type { VarianceDecomposition } from '../../experiment/varianceDecomposition.js';
import { chartDocument, type ChartDocument, type ChartNode } from './chartDocument.js';
import { frameChart, type LegendItem } from './frameChart.js';
import { monthDate } from './monthDate.js';
import { INK, OKABE_ITO } from './palette.js';

/** Options of {@link varianceChart}. */
export interface VarianceChartOptions {
  /** The observable to draw. Default "attacks". */
  readonly observable?: string;
  readonly width?: number;
  readonly height?: number;
  /** The document to draw in (a browser's, or one from `chartDocument()`). */
  readonly document?: ChartDocument;
}

const SOURCES = [
  { key: 'parameters', label: 'parameters', color: OKABE_ITO.blue },
  { key: 'inputs', label: 'judged inputs', color: OKABE_ITO.orange },
  { key: 'interaction', label: 'parameters × inputs', color: OKABE_ITO.reddishPurple },
  { key: 'noise', label: "model's own randomness", color: '#999999' },
] as const;

/**
 * A stacked area chart of where one observable's variance comes from, month by month: the
 * shares of parameters, judged inputs, their interaction and the model's own randomness (they
 * sum to 100%). Returns a standalone SVG string.
 *
 * Cost: O(months).
 *
 * @example
 * varianceChart(decomposeVariance(SHIPPED_SCENARIOS['baseline-2020']), { observable: 'fighters' });
 * // '<svg …>…</svg>'
 */
export function varianceChart(decomposition: VarianceDecomposition, options: VarianceChartOptions = {}): string {
  const observable = options.observable ?? 'attacks';
  const series = decomposition.components[observable];
  if (!series) throw new RangeError(`invalid observable: ${observable}`);
  const document = options.document ?? chartDocument();
  const rows = series.flatMap((c, m) =>
    SOURCES.map((source) => ({ date: monthDate(decomposition.months[m] as string), source: source.label, share: c.total > 0 ? c[source.key] / c.total : 0 })),
  );
  const svg = Plot.plot({
    document: document as never,
    width: options.width ?? 640,
    height: options.height ?? 300,
    marginLeft: 50,
    marginTop: 30,
    marginBottom: 36,
    style: { color: INK },
    x: { type: 'utc', label: null, ticks: '6 months' },
    y: { label: '↑ share of variance', domain: [0, 1], tickFormat: '%', grid: true },
    color: { domain: SOURCES.map((s) => s.label), range: SOURCES.map((s) => s.color) },
    ariaLabel: `variance of ${observable} by source`,
    marks: [Plot.areaY(rows, { x: 'date', y: 'share', fill: 'source', order: SOURCES.map((s) => s.label), ariaLabel: () => 'share' })],
  }) as unknown as ChartNode;
  const legend: LegendItem[] = SOURCES.map((s) => ({ label: s.label, kind: 'band', color: s.color }));
  const { parameterDraws, inputDraws, replicates } = decomposition.design;
  return frameChart(svg, document, {
    title: `Where the variance of ${observable} comes from: ${decomposition.scenario}`,
    subtitle: `Shares by source (law of total variance), ${parameterDraws} × ${inputDraws} × ${replicates} nested runs; drawn: ${decomposition.uncertainty.label}`,
    description: `Share of the variance of ${observable} from parameters, judged inputs, their interaction and the model's own randomness, each month.`,
    legend,
  });
}
