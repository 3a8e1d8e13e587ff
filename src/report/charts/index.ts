/**
 * Charts of ensemble summaries as standalone, accessible SVG strings, drawn with Observable
 * Plot. They render without a browser (a linkedom document) and in one (pass `document`).
 *
 * @example
 * import { fanChart } from './charts/index.js';
 * fanChart(summary, { observable: 'attacks' }); // '<svg xmlns="http://www.w3.org/2000/svg" …>…</svg>'
 */
export { fanChart } from './fanChart.js';
export type { FanChartOptions, ObservedPoint } from './fanChart.js';
export { eventChart } from './eventChart.js';
export type { EventChartOptions } from './eventChart.js';
export { tornadoChart } from './tornadoChart.js';
export type { TornadoChartOptions, TornadoItem } from './tornadoChart.js';
export { factorGraph, factorGraphLayout } from './factorGraph.js';
export type { FactorGraphOptions, FactorGraphLayout, GraphNode } from './factorGraph.js';
export { MECHANISM_OUTPUTS } from './mechanismOutputs.js';
export { OKABE_ITO, SCENARIO_COLORS, SCENARIO_DASHES, INK } from './palette.js';
export { chartDocument, SVG_NAMESPACE } from './chartDocument.js';
export type { ChartDocument, ChartNode } from './chartDocument.js';
export { frameChart } from './frameChart.js';
export type { ChartFrame, LegendItem } from './frameChart.js';
export { monthDate } from './monthDate.js';
export { parallelCoordinatesChart } from './parallelCoordinatesChart.js';
export type { ParallelAxis, ParallelLine, ParallelCoordinatesOptions } from './parallelCoordinatesChart.js';
export { decisionChart } from './decisionChart.js';
export { varianceChart } from './varianceChart.js';
export type { VarianceChartOptions } from './varianceChart.js';
export { backtestChart } from './backtestChart.js';
export type { BacktestChartOptions } from './backtestChart.js';
export { backtestPitChart } from './backtestPitChart.js';
export type { BacktestPitChartOptions } from './backtestPitChart.js';
