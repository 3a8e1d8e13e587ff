/**
 * resurgence: an agent-based, seeded Monte Carlo model of the causal factors behind an ISIS
 * resurgence in Syria and Iraq (2020). The library runs in Node and in browsers; the CLI lives
 * in `src/cli` and is never imported from here.
 *
 * @example
 * import { simulate, formatSummaryTable } from 'resurgence';
 * const { summary } = simulate({ name: 'mine', question: '…', start: '2020-05', months: 36 }, { runs: 500, seed: 1 });
 * console.log(formatSummaryTable(summary));
 */
export * from './rng/index.js';
export * from './model/index.js';
export * from './scenario/index.js';
export * from './experiment/index.js';
export * from './analysis/index.js';
export * from './report/index.js';
export * from './meanfield/index.js';
export { guerrillaWarfareModel } from './model/guerrillaWarfare/index.js';
export type { GuerrillaWarfareInputs, GuerrillaWarfareState } from './model/guerrillaWarfare/index.js';
export * from './model/civilViolence/index.js';
export * from './report/charts/index.js';
export * from './report/html/index.js';
export * from './analysis/backtest/index.js';
export * from './calibration/index.js';
