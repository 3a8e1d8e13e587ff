/**
 * resurgence: an agent-based, seeded Monte Carlo model of the causal factors behind an ISIS
 * resurgence in Syria and Iraq (2020). The library runs in Node and in browsers; the CLI lives
 * in `src/cli` and is never imported from here.
 *
 * This entry is the supported API: an explicit list of what users call (running and comparing
 * scenarios, the causal methods, the factor registry, tables, charts and reports, back-test
 * scores, calibration, the mean field, the civil violence and guerrilla models) and the types
 * those take and return. Everything else the modules export (the engine's accumulators, streams,
 * schemas, design and search internals) is in `resurgence/internals` (src/internals.ts), which
 * may change in any release. tests/exports.test.ts lists these names: a change to this file
 * shows up there for review.
 *
 * @example
 * import { simulate, formatSummaryTable } from 'resurgence';
 * const { summary } = simulate({ name: 'mine', question: '…', start: '2020-05', months: 36 }, { runs: 500, seed: 1 });
 * console.log(formatSummaryTable(summary));
 */
import { provideBundledExpressionEngine } from './scenario/bundledExpressionEngine.js';

// Expressions in scenarios compile synchronously: the library's entries provide mathjs at load.
provideBundledExpressionEngine();

// Running scenarios: one ensemble, one run, and what they return.
export { simulate, scenarioHash, monthLabels, SUMMARY_QUANTILES, runOnce, inProcessExecutor } from './experiment/index.js';
export type {
  SimulateOptions, EnsembleResult, EnsembleSummary, SeriesSummary, EventSummary, Provenance, RunResult,
  RunExecutor, RunTask,
} from './experiment/index.js';

// Scenarios: parsing, errors, the shipped scenarios and posteriors, expressions, policy files.
export {
  parseScenario, parseScenarioJson, ScenarioError, formatIssues, formatPath, SHIPPED_SCENARIOS, SHIPPED_POSTERIORS,
  scenarioJsonSchema, MAX_MONTHS, MAX_RUNS, toModelInputs, withUncertaintyMode, describeUncertainty,
  compileExpression, evaluateExpressionOverMonths, ALLOWED_FUNCTIONS, ALLOWED_CONSTANTS, loadExpressionEngine,
  ExpressionEngineNotLoadedError, parsePolicyFile,
} from './scenario/index.js';
export type {
  Scenario, ParseResult, ValidScenario, ParseScenarioOptions, ScenarioIssue, UncertaintyMode, UncertaintySpec,
  UncertaintyDescription, ExpressionIssue, CompiledExpression, PolicyFile, Lever, InterventionSpec,
  ObservedSeriesSpec, PosteriorSamples,
} from './scenario/index.js';

// The factor registry and the model: factors, parameters, observables, events, mechanisms, areas.
export {
  FACTORS, FACTORS_BY_ID, FACTOR_IDS, PARAMETERS, PARAMETERS_BY_ID, DEFAULT_PARAMETERS, OBSERVABLES, OBSERVABLE_IDS,
  EVENTS, EVENT_IDS, MECHANISMS, AREAS_2020, ACTORS, resurgenceModel,
} from './model/index.js';
export type {
  FactorDefinition, FactorId, FactorSetting, AdverseDirection, ParameterDefinition, ParameterId, ParameterValues,
  ObservableId, EventId, MechanismId, Actor, AreaRecord, ModelInputs, SimulationModel,
} from './model/index.js';
export { JUDGED_FACTOR_DISTRIBUTIONS, JUDGED_FACTOR_CORRELATIONS } from './scenario/index.js';
export type { JudgedFactorDistribution } from './scenario/index.js';
export { createRunStream } from './rng/index.js';
export type { RandomSource } from './rng/index.js';

// Causal questions: comparisons, attribution, sensitivity, exploration, decisions, variance.
export {
  compare, attribute, attributionPlan, sensitivity, explore, experimentsToCsv, parseExperimentsCsv, decide,
  decomposeVariance, parseOutcome, backtestScoreboard,
} from './experiment/index.js';
export type {
  CompareOptions, Comparison, SeriesDifference, EventDifference, AttributeOptions, Attribution, OutcomeAttribution,
  AttributionPlan, SensitivityOptions, SensitivityResult, FactorImportance, ExploreOptions, Experiments,
  DecideOptions, Decision, DecidedPolicy, EvppiRow, VarianceDecomposition, VarianceDecompositionOptions, Outcome,
  ScoreboardEntry, ScoreboardOptions,
} from './experiment/index.js';

// The generic methods under them: Shapley values, Sobol' and Morris indices, designs, PRIM, EVPPI.
export {
  shapleyWithIntervals, exactShapley, sobolIndices, morrisEffects, prim, selectPrimBox, primBoxStatistics, evppi, evpi,
} from './analysis/index.js';
export type {
  ShapleyWithIntervals, ShapleyIntervalOptions, ShapleyFactorEstimate, SobolIndices, SobolIndicesOptions,
  MorrisEffects, MorrisEffectsOptions, PrimResult, PrimOptions, PrimInput, PrimStep, PrimSelection,
  PrimBoxStatistics, BoxLimits, EvppiEstimate, EvppiOptions,
} from './analysis/index.js';
export { saltelliDesign, morrisDesign, sobolSequence, latinHypercube, imanConover } from './experiment/index.js';
export type { SaltelliDesignOptions, MorrisDesign, MorrisDesignOptions, SobolSequenceOptions } from './experiment/index.js';
export type { SensitivityProblem, InputDistribution } from './math/index.js';

// Tables, CSV and text: summaries and formatters.
export {
  formatSummaryTable, formatComparison, formatAttribution, formatSensitivity, formatDecision, decisionToCsv,
  evppiToCsv, formatDiscovery, formatBacktest, formatBacktestScoreboard, formatBacktestScoreboardMarkdown,
  formatVarianceDecomposition, seriesToCsv, describeSetting, sparkline, bandLabel,
} from './report/index.js';
export type { SummaryTableOptions, VarianceTableOptions } from './report/index.js';

// Charts (SVG, in Node or a browser) and the HTML report.
export {
  fanChart, eventChart, factorGraph, tornadoChart, decisionChart, parallelCoordinatesChart, varianceChart,
  backtestPitChart,
} from './report/charts/index.js';
export type {
  ChartDocument, FanChartOptions, ObservedPoint, EventChartOptions, FactorGraphOptions, TornadoChartOptions,
  TornadoItem, ParallelCoordinatesOptions, ParallelAxis, ParallelLine, VarianceChartOptions, BacktestPitChartOptions,
} from './report/charts/index.js';
export { renderReport, REPORT_OBSERVABLES, MODEL_LIMITS } from './report/html/index.js';
export type { RenderReportOptions, ReportEffects, ModelLimit } from './report/html/index.js';

// Back-test scores.
export {
  backtestScores, crps, crpsSkill, intervalScore, coverage, periodTotals, observeRunTotals, probabilityIntegralTransform,
} from './analysis/backtest/index.js';
export type {
  BacktestSeries, BacktestOptions, SeriesScores, PointScores, CrpsOptions, CrpsSkill, NaiveSkill, BacktestPoint,
  EnsembleForecast, CoveredPoint, CoverageResult, BacktestObservationModel,
} from './analysis/backtest/index.js';

// Calibration: the config-driven entry point, its check by SBC, and the ABC methods and priors.
export {
  calibrate, parseCalibrationConfig, CalibrationConfigError, calibrationSbc, abcRejection, abcSmc, sbc,
  regressionAdjust, screenParameters, summarizePosterior, uniformPrior, logUniformPrior, truncatedNormalPrior,
  independentPrior, madScaledEuclidean,
} from './calibration/index.js';
export type {
  CalibrateOptions, CalibrationResult, CalibrationProgress, PosteriorFile, PosteriorPredictiveCheck, TargetCheck,
  CalibrationConfig, CalibrationConfigResult, CalibrationSetup, CalibrationTarget, PriorSpec, CalibrationSbcOptions,
  CalibrationSbcResult, AbcRejectionOptions, AbcSmcOptions, AbcPosterior, AbcGeneration, AbcProgress, SbcOptions,
  SbcResult, Prior, UnivariatePrior, Distance, ParameterSummary,
} from './calibration/index.js';

// The mean field (expected-value dynamics) and Deitchman's guerrilla-warfare equations.
export { meanField, deitchmanDerivative, deitchmanInvariant, deitchmanExpectedStep } from './meanfield/index.js';
export type { MeanFieldOptions, MeanFieldResult, DeitchmanParameters } from './meanfield/index.js';

// Two more models on the same engine: Epstein's civil violence (2002) and a guerrilla-warfare model.
export {
  civilViolenceModel, civilViolenceInputs, civilViolenceIssues, legitimacyAt, suddenLegitimacyDrop,
  gradualLegitimacyDrop, CIVIL_VIOLENCE_DEFAULTS, MESA_DEFAULTS, CIVIL_VIOLENCE_OBSERVABLES, CIVIL_VIOLENCE_EVENTS,
} from './model/civilViolence/index.js';
export type {
  CivilViolenceInputs, CivilViolenceOptions, CivilViolenceIssue, CivilViolenceState, VisionCounting,
  CivilViolenceActivation,
} from './model/civilViolence/index.js';
export { guerrillaWarfareModel } from './model/guerrillaWarfare/index.js';
export type { GuerrillaWarfareInputs, GuerrillaWarfareState } from './model/guerrillaWarfare/index.js';
