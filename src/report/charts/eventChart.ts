import * as Plot from '@observablehq/plot';
import type { EnsembleSummary } from '../../experiment/simulate.js';
import { bandLabel } from '../bandLabel.js';
import { chartDocument, type ChartDocument, type ChartNode } from './chartDocument.js';
import { frameChart, type LegendItem } from './frameChart.js';
import { monthDate } from './monthDate.js';
import { INK, SCENARIO_COLORS, SCENARIO_DASHES } from './palette.js';

/** Options of {@link eventChart}. */
export interface EventChartOptions {
  /** A second ensemble summary to overlay (same events). Default none. */
  readonly compare?: EnsembleSummary;
  /** Events to draw (keys of `summary.events`). Default: all, in the summary's order. */
  readonly events?: readonly string[];
  /** Title. Default `'Probability of each event by month'`. */
  readonly title?: string;
  /** Width in pixels. Default 640. */
  readonly width?: number;
  /** Height of the panels in pixels (the title and legend add to it). Default 240. */
  readonly height?: number;
  /** Document to render into: `window.document` in a browser. Default: a shared linkedom document. */
  readonly document?: ChartDocument;
}

interface Point {
  readonly event: string;
  readonly scenario: string;
  readonly date: Date;
  readonly probability: number;
}

interface Interval extends Point {
  readonly low: number;
  readonly high: number;
}

function percent(p: number): string {
  return `${(100 * p).toFixed(p > 0 && p < 0.01 ? 1 : 0)}%`;
}

/**
 * The probability that each event has happened by each month, 1 − S(m) from the ensemble's
 * survival curve S (Kaplan–Meier, censored at the horizon: Kaplan and Meier 1958, JASA 53(282)),
 * drawn as a step line per scenario in one panel per event, with the Wilson 95% interval of the
 * final probability (Wilson 1927, JASA 22(158)) as a whisker at the last month. Colours and dashes
 * as in {@link fanChart}. Returns a standalone, accessible SVG string; deterministic.
 *
 * @example
 * eventChart(simulate(SHIPPED_SCENARIOS['worst-case'], { runs: 50, seed: 1 }).summary);
 * // '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Probability of each event by month" …>…</svg>'
 */
export function eventChart(summary: EnsembleSummary, options: EventChartOptions = {}): string {
  const document = chartDocument(options.document);
  const scenarios = options.compare ? [summary, options.compare] : [summary];
  const events = options.events ?? Object.keys(summary.events);
  const points: Point[] = [];
  const intervals: Interval[] = [];
  const sentences: string[] = [];
  scenarios.forEach((s) => {
    for (const event of events) {
      const result = s.events[event];
      if (!result) throw new RangeError(`invalid event: ${event}`);
      const dates = s.months.map(monthDate);
      result.survival.forEach((survival, m) => points.push({ event, scenario: s.scenario.name, date: dates[m] as Date, probability: 1 - survival }));
      const last = dates[dates.length - 1] as Date;
      intervals.push({ event, scenario: s.scenario.name, date: last, probability: result.probability, low: result.ci95[0], high: result.ci95[1] });
      sentences.push(
        `${s.scenario.name}, ${event}: ${percent(result.probability)} by ${s.months[s.months.length - 1]} (95% CI ${percent(result.ci95[0])}–${percent(result.ci95[1])}).`,
      );
    }
  });
  const names = scenarios.map((s) => s.scenario.name);
  const colour = (name: string) => SCENARIO_COLORS[names.indexOf(name)] as string;
  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: INK })];
  names.forEach((name, s) => {
    const dash = SCENARIO_DASHES[s] as string;
    marks.push(
      Plot.lineY(
        points.filter((p) => p.scenario === name),
        {
          x: 'date',
          y: 'probability',
          fx: 'event',
          curve: 'step-after',
          stroke: colour(name),
          strokeWidth: 2,
          ...(dash === 'none' ? {} : { strokeDasharray: dash }),
          ariaLabel: (p: Point) => `P(event by month) ${p.event} ${name}`,
        },
      ),
    );
    const own = intervals.filter((i) => i.scenario === name);
    const dx = scenarios.length === 1 ? 0 : s === 0 ? -4 : 4;
    marks.push(
      Plot.ruleX(own, { x: 'date', y1: 'low', y2: 'high', fx: 'event', stroke: colour(name), strokeWidth: 1.5, dx, ariaLabel: (i: Interval) => `95% CI ${i.event} ${name}: ${percent(i.low)}–${percent(i.high)}` }),
      Plot.dot(own, { x: 'date', y: 'probability', fx: 'event', fill: colour(name), r: 3, dx, ariaLabel: (i: Interval) => `final probability ${i.event} ${name}: ${percent(i.probability)}` }),
    );
  });

  const svg = Plot.plot({
    document: document as never,
    width: options.width ?? 640,
    height: options.height ?? 240,
    marginLeft: 48,
    marginRight: 26,
    marginTop: 30,
    marginBottom: 36,
    style: { color: INK },
    fx: { label: null, domain: events, padding: 0.12 },
    x: { type: 'utc', label: null, ticks: '1 year' },
    y: { domain: [0, 1], grid: true, tickFormat: '.0%', label: '↑ probability the event has happened' },
    marks,
  }) as unknown as ChartNode;

  const legend: LegendItem[] = names.map((name, s) => ({ label: name, kind: 'line', color: SCENARIO_COLORS[s] as string, dash: SCENARIO_DASHES[s] as string }));
  legend.push({ label: 'Wilson 95% CI at the horizon', kind: 'rule', color: INK });
  const descriptions = events.map((event) => `${event}: ${summary.events[event]?.description ?? ''}`).join(' ');
  return frameChart(svg, document, {
    title: options.title ?? 'Probability of each event by month',
    subtitle: `1 − survival (Kaplan–Meier), ${summary.provenance.runs} runs per scenario; runs include ${bandLabel(options.compare ? [summary.uncertainty, options.compare.uncertainty] : [summary.uncertainty], options.compare ? [summary.scenario.name, options.compare.scenario.name] : [])}`,
    description: `${descriptions} ${sentences.join(' ')}`,
    legend,
  });
}
