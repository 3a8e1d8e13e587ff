import * as Plot from '@observablehq/plot';
import { chartDocument, type ChartDocument, type ChartNode } from './chartDocument.js';
import { frameChart, type LegendItem } from './frameChart.js';
import { INK, OKABE_ITO } from './palette.js';

/** One axis of a parallel-coordinates chart. */
export interface ParallelAxis {
  readonly label: string;
  /** [low, high] of the axis; default the range of the values on it. */
  readonly domain?: readonly [number, number];
  /** Draw the axis upside down (high values at the bottom), e.g. so that "better" is always up. Default false. */
  readonly reversed?: boolean;
}

/** One line: a policy's value on every axis. */
export interface ParallelLine {
  readonly label: string;
  readonly values: readonly number[];
  /** 'highlight' (e.g. the Pareto set), 'reference' (named policies, dashed) or 'muted'. Default 'highlight'. */
  readonly group?: 'highlight' | 'reference' | 'muted';
}

/** Options of {@link parallelCoordinatesChart}. */
export interface ParallelCoordinatesOptions {
  readonly title: string;
  /** What the values are and what any band includes. Default none. */
  readonly subtitle?: string;
  /** Width in pixels. Default 760. */
  readonly width?: number;
  /** Legend label of each group. Default 'Pareto policies', 'named policies', 'other'. */
  readonly groupLabels?: Partial<Record<'highlight' | 'reference' | 'muted', string>>;
  readonly document?: ChartDocument;
}

function formatTick(value: number): string {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/**
 * A parallel-coordinates chart (Inselberg 1985, "The plane with parallel coordinates", The Visual
 * Computer 1:69–91), the usual view of a many-objective trade-off (Kasprzyk et al. 2013): one
 * vertical axis per lever or objective, each scaled to its own range (low and high printed at its
 * ends), one polyline per policy. Highlighted lines are blue, reference lines vermillion and
 * dashed, muted lines grey. Deterministic; returns a standalone, accessible SVG string. Throws
 * `invalid values: …` for a line whose length differs from the axes'.
 *
 * @example
 * parallelCoordinatesChart([{ label: 'troops' }, { label: 'P(comeback)' }], [{ label: 'a', values: [600, 0.2] }, { label: 'b', values: [0, 0.3] }], { title: 'Trade-offs' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Trade-offs" …>…</svg>'
 */
export function parallelCoordinatesChart(axes: readonly ParallelAxis[], lines: readonly ParallelLine[], options: ParallelCoordinatesOptions): string {
  for (const line of lines) {
    if (line.values.length !== axes.length) throw new RangeError(`invalid values: ${line.label} has ${line.values.length} (expected ${axes.length}, one per axis)`);
  }
  const document = chartDocument(options.document);
  const domains = axes.map((axis, a) => {
    if (axis.domain) return axis.domain;
    const values = lines.map((line) => line.values[a] as number).filter(Number.isFinite);
    const low = values.length > 0 ? Math.min(...values) : 0;
    const high = values.length > 0 ? Math.max(...values) : 1;
    return [low, high === low ? low + 1 : high] as const;
  });
  const scaled = (a: number, value: number): number => {
    const [low, high] = domains[a] as readonly [number, number];
    const t = (value - low) / (high - low);
    return (axes[a] as ParallelAxis).reversed ? 1 - t : t;
  };
  const colors = { highlight: OKABE_ITO.blue, reference: OKABE_ITO.vermillion, muted: '#999999' } as const;
  const points = lines.flatMap((line) =>
    line.values.map((value, a) => ({ line: line.label, axis: (axes[a] as ParallelAxis).label, y: scaled(a, value), group: line.group ?? 'highlight' })),
  );
  const order = ['muted', 'highlight', 'reference'];
  points.sort((p, q) => order.indexOf(p.group) - order.indexOf(q.group));
  const axisLabels = axes.map((axis) => axis.label);
  const ends = axes.flatMap((axis, a) => {
    const [low, high] = domains[a] as readonly [number, number];
    return [
      { axis: axis.label, y: axis.reversed ? 1 : 0, text: formatTick(low) },
      { axis: axis.label, y: axis.reversed ? 0 : 1, text: formatTick(high) },
    ];
  });
  const width = options.width ?? 760;
  const svg = Plot.plot({
    document: document as never,
    width,
    height: 370,
    marginLeft: 80,
    marginRight: 48,
    marginTop: 24,
    marginBottom: 86,
    style: { color: INK },
    x: { domain: axisLabels, type: 'point', label: null, tickSize: 0, padding: 0.3, tickRotate: axes.length > 5 ? -20 : 0 },
    y: { domain: [-0.04, 1.04], axis: null },
    marks: [
      Plot.ruleX(axisLabels, { stroke: INK, strokeWidth: 1 }),
      // Muted and highlighted lines solid, reference lines dashed on top (a dash is not a channel in Plot).
      ...(['solid', 'dashed'] as const).map((style) =>
        Plot.line(
          points.filter((p) => (p.group === 'reference') === (style === 'dashed')),
          {
            x: 'axis',
            y: 'y',
            z: 'line',
            stroke: (p: { group: keyof typeof colors }) => colors[p.group],
            strokeDasharray: style === 'dashed' ? '6,3' : 'none',
            strokeWidth: style === 'dashed' ? 1.8 : 1.4,
            strokeOpacity: 0.85,
            ariaLabel: (p: { line: string }) => p.line,
          },
        ),
      ),
      Plot.text(ends, { x: 'axis', y: 'y', text: 'text', dx: 4, textAnchor: 'start', fill: INK, fontSize: 10 }),
    ],
  }) as unknown as ChartNode;
  const present = new Set(lines.map((line) => line.group ?? 'highlight'));
  const labels = { highlight: 'Pareto policies', reference: 'named policies', muted: 'other', ...options.groupLabels };
  const legend: LegendItem[] = (['highlight', 'reference', 'muted'] as const)
    .filter((group) => present.has(group))
    .map((group) => ({ label: labels[group], kind: 'line', color: colors[group], ...(group === 'reference' ? { dash: '6,3' } : {}) }));
  const description = lines.map((line) => `${line.label}: ${line.values.map((v, a) => `${(axes[a] as ParallelAxis).label} ${formatTick(v)}`).join(', ')}.`).join(' ');
  return frameChart(svg, document, {
    title: options.title,
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
    description: description || 'No policies.',
    legend,
  });
}
