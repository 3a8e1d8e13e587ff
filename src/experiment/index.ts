export { simulate, scenarioHash, monthLabels, validScenario, buildEnsembleSummary, createEnsembleAccumulatorFor, EXACT_QUANTILE_LIMIT } from './simulate.js';
export type { SimulateOptions, EnsembleResult, EnsembleSummary, Provenance } from './simulate.js';
export { runOnce } from './runOnce.js';
export type { RunResult } from './runOnce.js';
export { runBatch, inputsForRun } from './runBatch.js';
export type { RunBatchOptions, RunFailure } from './runBatch.js';
export { summarizeEnsemble, SUMMARY_QUANTILES } from './summarizeEnsemble.js';
export type { SeriesSummary, EventSummary } from './summaryTypes.js';
export {
  createEnsembleAccumulator,
  addRunInPlace,
  mergeAccumulatorInPlace,
  summarizeAccumulator,
  hasExactQuantiles,
} from './ensembleAccumulator.js';
export type { EnsembleAccumulator, EnsembleAccumulatorOptions } from './ensembleAccumulator.js';
export { inProcessExecutor } from './executor.js';
export type { RunExecutor, RunTask } from './executor.js';
export { compare } from './compare.js';
export type { CompareOptions, Comparison, SeriesDifference, EventDifference } from './compare.js';
export * from './designs/index.js';
export { attribute, attributionPlan, AUTO_EXACT_PLAYERS } from './attribute.js';
export type { AttributeOptions, Attribution, OutcomeAttribution, AttributionPlan } from './attribute.js';
export { parseOutcome, outcomeValue } from './outcome.js';
export type { Outcome } from './outcome.js';
export { mixScenarios, scenarioDifference, settingOfValues } from './mixScenarios.js';
export type { ScenarioDifference } from './mixScenarios.js';
export { sensitivity, factorProblem, scenarioWithFactorValues } from './sensitivity.js';
export type { SensitivityOptions, SensitivityResult, FactorImportance } from './sensitivity.js';
export { explore, experimentsToCsv, parseExperimentsCsv } from './explore.js';
export type { ExploreOptions, Experiments } from './explore.js';
export * from './decide/index.js';
export { decomposeVariance } from './varianceDecomposition.js';
export type { VarianceDecomposition, VarianceDecompositionOptions } from './varianceDecomposition.js';
export { backtestScenarios, backtestScoreboard, scoreboardEntry } from './backtestScoreboard.js';
export type { ScoreboardEntry, ScoreboardOptions } from './backtestScoreboard.js';
