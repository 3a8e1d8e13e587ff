import * as Plot from '@observablehq/plot';
import type { ScoreboardEntry } from '../../experiment/backtestScoreboard.js';
import { chartDocument, type ChartDocument, type ChartNode } from './chartDocument.js';
import { frameChart } from './frameChart.js';
import { INK, OKABE_ITO } from './palette.js';
import { formatBacktestNumber as format } from '../formatBacktest.js';

/** Options of {@link backtestPitChart}. */
export interface BacktestPitChartOptions {
  /** Width in pixels. Default 960. */
  readonly width?: number;
  /** The document to draw in (a browser's, or one from `chartDocument()`). Default: a shared linkedom document. */
  readonly document?: ChartDocument;
}

const BAND = OKABE_ITO.blue;

/** What a scenario's forecast bands include, in a few words for its row label. */
function bandsInclude(entry: ScoreboardEntry): string {
  const { parameters, factors } = entry.uncertainty;
  return ['noise', ...(parameters.drawn ? ['parameters'] : []), ...(factors.drawn ? ['inputs'] : [])].join(' + ') + (parameters.drawn || factors.drawn ? '' : ' only');
}
const MISSED = OKABE_ITO.vermillion;

/**
 * Where every scored observation of every back-test falls in its forecast: one row per scenario,
 * each observation a dot at its probability integral transform (PIT, the share of the forecast
 * below it; `PointScores.pit`), over the forecast's central 50% and 90% (PIT 0.25–0.75 and
 * 0.05–0.95). Ink inside the 90% band, vermillion outside. A calibrated forecast spreads its dots
 * evenly from 0 to 1; dots piled at 1 mean a forecast too low, at 0 too high, and all in the
 * middle a forecast too wide (Gneiting, Balabdaoui & Raftery 2007). Each row's label carries its
 * coverage and what its bands include (run-to-run noise, parameters, inputs). Returns a standalone, accessible SVG string; deterministic.
 *
 * Cost: O(observations).
 *
 * @example
 * backtestPitChart(backtestScoreboard(undefined, { runs: 200 })); // '<svg …aria-label="Where each observation falls in its forecast"…>…</svg>'
 */
export function backtestPitChart(entries: readonly ScoreboardEntry[], options: BacktestPitChartOptions = {}): string {
  const document = chartDocument(options.document);
  const rowLabel = (entry: ScoreboardEntry) => `${entry.scenario} (${entry.inside90} of ${entry.evaluated}; ${bandsInclude(entry)})`;
  const rows = entries.map(rowLabel);
  const dots = entries.flatMap((entry) =>
    entry.series.flatMap((scores) => {
      const inside = new Map(scores.coverage.points.map((point) => [point.label, point.inside90]));
      return scores.points
        .filter((point) => !point.inSample)
        .map((point) => ({
          row: rowLabel(entry),
          pit: point.pit,
          inside: inside.get(point.label) ?? false,
          title: `${entry.scenario}, ${scores.series}${scores.kind ? ` (${scores.kind})` : ''} ${point.label}: observed ${format(point.observed)}, forecast median ${format(point.median)}, PIT ${point.pit.toFixed(3)}`,
        }));
    }),
  );
  const svg = Plot.plot({
    document: document as never,
    width: options.width ?? 960,
    height: 40 + 34 * rows.length,
    // Room for the longest row label (about 6.6 px a character at the axis' 10 px font).
    marginLeft: Math.min(480, 16 + Math.ceil(6.6 * Math.max(0, ...rows.map((row) => row.length)))),
    marginTop: 10,
    marginBottom: 36,
    style: { color: INK },
    x: { domain: [0, 1], label: 'share of the forecast below the observation (PIT) →', ticks: [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1], tickFormat: (tick: number) => String(tick) },
    y: { domain: rows, label: null },
    ariaLabel: 'Where each observation falls in its forecast',
    marks: [
      Plot.rectX([{ x1: 0.05, x2: 0.95 }], { x1: 'x1', x2: 'x2', fill: BAND, fillOpacity: 0.15, ariaLabel: () => 'forecast 90%' }),
      Plot.rectX([{ x1: 0.25, x2: 0.75 }], { x1: 'x1', x2: 'x2', fill: BAND, fillOpacity: 0.3, ariaLabel: () => 'forecast 50%' }),
      Plot.ruleX([0.5], { stroke: BAND, strokeWidth: 1.5 }),
      Plot.dot(dots, {
        x: 'pit',
        y: 'row',
        r: 5,
        fill: (dot) => (dot.inside ? INK : MISSED),
        fillOpacity: 0.8,
        stroke: 'white',
        strokeWidth: 1,
        title: 'title',
      }),
    ],
  }) as unknown as ChartNode;
  const inside = entries.reduce((sum, entry) => sum + entry.inside90, 0);
  const scored = entries.reduce((sum, entry) => sum + entry.evaluated, 0);
  return frameChart(svg, document, {
    title: 'Where each observation falls in its forecast',
    subtitle: 'Calibrated: dots spread evenly from 0 to 1. Piled at 1: the forecast is too low; at 0: too high. Rows: back-test scenarios (observations inside the 90% bands of those scored; what the bands include: run-to-run noise, parameters, inputs).',
    description: `The probability integral transform of each of ${scored} scored observations in ${entries.length} back-tests (${inside} inside their 90% bands), against the forecast's central 50% and 90%.`,
    legend: [
      { label: 'forecast 90%', kind: 'band', color: BAND, opacity: 0.15 },
      { label: '50%', kind: 'band', color: BAND, opacity: 0.3 },
      { label: 'observed, inside 90%', kind: 'dot', color: INK },
      { label: 'outside', kind: 'dot', color: MISSED },
    ],
  });
}
