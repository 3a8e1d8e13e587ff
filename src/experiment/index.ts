export { simulate, scenarioHash, monthLabels } from './simulate.js';
export type { SimulateOptions, EnsembleResult, EnsembleSummary, Provenance } from './simulate.js';
export { runOnce } from './runOnce.js';
export type { RunResult } from './runOnce.js';
export { summarizeEnsemble, SUMMARY_QUANTILES } from './summarizeEnsemble.js';
export type { SeriesSummary, EventSummary } from './summarizeEnsemble.js';
