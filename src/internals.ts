/**
 * resurgence/internals: every export of the library's modules, for tools that go below the
 * supported API (the ensemble accumulators, random streams and their names, quantile sketches,
 * schemas, posterior columns, designs, the decision search, special functions, chart helpers).
 * It includes the names of the main entry too (the same objects). **Unstable**: a name here
 * may change or go in any release, without a major version; what `resurgence` exports does not.
 * Browser-safe, like the main entry.
 *
 * @example
 * import { createEnsembleAccumulator, addRunInPlace, runOnce, resurgenceModel } from 'resurgence/internals';
 */
import { provideBundledExpressionEngine } from './scenario/bundledExpressionEngine.js';

provideBundledExpressionEngine();

export * from './rng/index.js';
export * from './math/index.js';
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
