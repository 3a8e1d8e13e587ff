export { crps } from './crps.js';
export type { CrpsOptions } from './crps.js';
export { intervalScore } from './intervalScore.js';
export { coverage, periodTotals } from './coverage.js';
export type { BacktestPoint, EnsembleForecast, CoveredPoint, CoverageResult } from './coverage.js';
export { backtestScores } from './backtestScores.js';
export type { BacktestSeries, PointScores, SeriesScores, BacktestOptions } from './backtestScores.js';
export { crpsSkill } from './crpsSkill.js';
export type { CrpsSkill, NaiveSkill } from './crpsSkill.js';
