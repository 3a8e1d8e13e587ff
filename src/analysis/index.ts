export { quantileSorted, quantiles } from './quantile.js';
export { normalQuantile } from './normalQuantile.js';
export { wilsonInterval } from './wilsonInterval.js';
export type { SurvivalCurve } from './survivalCurve.js';
export { survivalCurve, medianSurvivalMonth } from './survivalCurve.js';
export type { RunningMoments } from './runningMoments.js';
export { createRunningMoments, addValue, mergeMoments, variance } from './runningMoments.js';
