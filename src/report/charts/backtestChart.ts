import * as Plot from '@observablehq/plot';
import type { SeriesScores } from '../../analysis/backtest/backtestScores.js';
import { chartDocument, type ChartDocument, type ChartNode } from './chartDocument.js';
import { frameChart, type LegendItem } from './frameChart.js';
import { INK, OKABE_ITO } from './palette.js';
import { formatBacktestNumber as format } from '../formatBacktest.js';

/** Options of {@link backtestChart}. */
export interface BacktestChartOptions {
  /** Width in pixels. Default 640. */
  readonly width?: number;
  /** Height of the plot in pixels (without title and legend). Default 260. */
  readonly height?: number;
  /** The document to draw in (a browser's, or one from `chartDocument()`). Default: a shared linkedom document. */
  readonly document?: ChartDocument;
  /** What the forecast's bands include (`bandLabel` of the ensemble's `uncertainty`), said in the subtitle. */
  readonly bands?: string;
}

const BAND = OKABE_ITO.blue;
const MISSED = OKABE_ITO.vermillion;
const IN_SAMPLE = '#999999';

/**
 * One observed series of a back-test against the model's forecast of it, point by point: the
 * forecast's 90% and 50% intervals as bars and its median as a tick, in the source's units (after
 * the observation model, as `backtestScores` computes them), and the observed value as a dot:
 * ink inside the 90% interval, vermillion outside, grey where it was in the fitted data (shown,
 * not scored). The title carries the coverage and the CRPS skill against persistence, so that a
 * reader sees at once where the forecast misses and by how much; with `bands`, the subtitle says
 * what the forecast's bands include (run-to-run randomness, parameters, inputs). The y axis is logarithmic
 * when the values span more than a factor of 30 (counts over several orders of magnitude), else
 * linear from 0. Returns a standalone, accessible SVG string; deterministic.
 *
 * Cost: O(points).
 *
 * @example
 * const scores = backtestScores(valid.observed, runs, { seed });
 * backtestChart(scores[0]); // '<svg …aria-label="attacksIraq (attacks): 2 of 3 inside the 90% band"…>…</svg>'
 */
export function backtestChart(scores: SeriesScores, options: BacktestChartOptions = {}): string {
  const document = chartDocument(options.document);
  const bands = new Map(scores.coverage.points.map((point) => [point.label, point]));
  // In-sample points have no scored interval: they are drawn as dots only (NaN bars are skipped).
  const rows = scores.points.map((point) => {
    const band = bands.get(point.label);
    const status = band === undefined ? 'in the fitted data' : band.inside90 ? 'inside the 90% interval' : 'outside the 90% interval';
    const [low90, high90] = band?.band90 ?? [NaN, NaN];
    const [low50, high50] = band?.band50 ?? [NaN, NaN];
    return { label: point.label, observed: point.observed, median: band === undefined ? NaN : point.median, low90, high90, low50, high50, status };
  });
  const values = rows.flatMap((row) => [row.observed, row.low90, row.high90]).filter((value) => value > 0);
  const logScale = values.length > 0 && Math.max(...values) / Math.min(...values) > 30;
  const y = logScale ? { type: 'log' as const, label: `↑ ${scores.series} (as the source counts)`, grid: true } : { label: `↑ ${scores.series} (as the source counts)`, grid: true, zero: true };
  const color = (status: string) => (status === 'in the fitted data' ? IN_SAMPLE : status === 'inside the 90% interval' ? INK : MISSED);
  // On a log scale a zero cannot be drawn: such bars start at the smallest positive value.
  const floor = logScale ? Math.min(...values) : 0;
  const lift = (value: number) => Math.max(value, floor);
  const svg = Plot.plot({
    document: document as never,
    width: options.width ?? 640,
    height: options.height ?? 260,
    marginLeft: 60,
    marginTop: 24,
    marginBottom: rows.length > 6 ? 64 : 40,
    style: { color: INK },
    x: { domain: rows.map((row) => row.label), label: null, tickRotate: rows.length > 6 ? -30 : 0, padding: 0.4 },
    y,
    ariaLabel: `${scores.series} observed against the forecast`,
    marks: [
      Plot.barY(rows, { x: 'label', y1: (row) => lift(row.low90), y2: (row) => lift(row.high90), fill: BAND, fillOpacity: 0.25, ariaLabel: () => '90% interval' }),
      Plot.barY(rows, { x: 'label', y1: (row) => lift(row.low50), y2: (row) => lift(row.high50), fill: BAND, fillOpacity: 0.55, insetLeft: 6, insetRight: 6, ariaLabel: () => '50% interval' }),
      Plot.tickY(rows, { x: 'label', y: (row) => lift(row.median), stroke: BAND, strokeWidth: 2, ariaLabel: () => 'median' }),
      Plot.dot(rows, {
        x: 'label',
        y: (row) => lift(row.observed),
        r: 5,
        fill: (row) => color(row.status),
        stroke: 'white',
        strokeWidth: 1,
        title: (row) =>
          `${row.label}: observed ${format(row.observed)}, ${row.status}${Number.isNaN(row.median) ? '' : ` (forecast median ${format(row.median)}, 90% ${format(row.low90)}–${format(row.high90)})`}`,
      }),
    ],
  }) as unknown as ChartNode;
  const { coverage, skill } = scores;
  const persistence = skill.persistence.score;
  const legend: LegendItem[] = [
    { label: 'forecast 90%', kind: 'band', color: BAND, opacity: 0.25 },
    { label: '50%', kind: 'band', color: BAND, opacity: 0.55 },
    { label: 'median', kind: 'line', color: BAND },
    { label: 'observed, inside 90%', kind: 'dot', color: INK },
    { label: 'outside', kind: 'dot', color: MISSED },
    ...(rows.some((row) => row.status === 'in the fitted data') ? [{ label: 'in the fitted data', kind: 'dot' as const, color: IN_SAMPLE }] : []),
  ];
  const skillText = Number.isNaN(persistence) ? 'skill vs persistence not computable' : `CRPS skill vs persistence ${persistence.toFixed(2)}`;
  const summary = `${coverage.inside90} of ${coverage.evaluated} inside the 90% band`;
  return frameChart(svg, document, {
    title: `${scores.series}${scores.kind ? ` (${scores.kind})` : ''}: ${summary}`,
    subtitle: `${skillText}; mean CRPS ${format(scores.meanCrps)}${logScale ? '; log scale' : ''}${options.bands ? `. Bands include ${options.bands}` : ''}${scores.source ? `. ${scores.source}` : ''}`,
    description: `Observed ${scores.series} against the forecast's 50% and 90% intervals and median at ${rows.length} points: ${summary}.`,
    legend,
  });
}
