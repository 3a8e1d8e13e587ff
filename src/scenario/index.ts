export {
  scenarioSchema,
  scenarioJsonSchema,
  factorSettingSchema,
  factorInputSchema,
  initialConditionInputSchema,
  distributionSchemas,
  uncertainMonthSchema,
  interventionSchema,
  initialStateSchema,
  observedSeriesSchema,
  posteriorSamplesSchema,
  uncertaintySchema,
  MAX_MONTHS,
  MAX_RUNS,
} from './schema.js';
export type { Scenario } from './schema.js';
export { parseScenario, parseScenarioJson } from './parseScenario.js';
export { isParsedScenario } from './parsedMark.js';
export { INITIAL_STATE_BOUNDS, MAX_INITIAL_FIGHTERS, SIZE_LIMITS } from './bounds.js';
export { WORK_BUDGET, workBudgetIssues } from './workBudget.js';
export type { ParseResult, ValidScenario, ParseScenarioOptions } from './parseScenario.js';
export { resolveFactorSetting, truncateSchedule } from './resolveFactorSetting.js';
export type { ResolveFactorOptions } from './resolveFactorSetting.js';
export { compileExpression, evaluateExpressionOverMonths, ALLOWED_FUNCTIONS, ALLOWED_CONSTANTS, loadExpressionEngine, provideExpressionEngine, ExpressionEngineNotLoadedError } from './expression.js';
export type { ExpressionIssue, CompiledExpression, ExpressionEngine } from './expression.js';
export { ScenarioError, formatIssues, formatPath } from './issues.js';
export type { ScenarioIssue } from './issues.js';
export { toModelInputs, baselineFactorsAtStart } from './toModelInputs.js';
export { canonicalJson, sha256Hex } from './hash.js';
export { SHIPPED_SCENARIOS } from './shippedScenarios.js';
export { isUncertainSetting, resolveUncertainFactor, seriesOfDraw } from './uncertainFactor.js';
export type { UncertainFactor, UncertainSetting, ResolveUncertainOptions } from './uncertainFactor.js';
export { resolveCorrelations, normalCorrelationForRank } from './correlations.js';
export type { ResolvedCorrelations } from './correlations.js';
export { resolveInterventions, withInterventions } from './interventions.js';
export type { ResolvedIntervention, InterventionSpec } from './interventions.js';
export { resolveInitialState } from './initialState.js';
export type { InitialStateSpec, ResolvedInitialState } from './initialState.js';
export { resolveObserved, monthIndex, OBSERVABLES_BY_KIND } from './observed.js';
export type { ObservedKind, ObservedSeriesPoint, ObservedSeries, ObservedSeriesSpec } from './observed.js';
export { validatePosterior, posteriorRowIndex, resolveScenarioFiles, isPosteriorPath } from './posterior.js';
export type { PosteriorSamples, ResolvedPosterior } from './posterior.js';
export { resolvePrior, priorQuantile } from './parameterPrior.js';
export type { RecordedPrior, ResolvedPrior } from './parameterPrior.js';
export { INITIAL_STATE_COLUMNS, POSTERIOR_COLUMN_IDS, posteriorColumn, isInitialStateColumn, scenarioEntriesOf } from './posteriorColumns.js';
export type { InitialStateColumnId, PosteriorColumnId, ColumnDefinition } from './posteriorColumns.js';
export { SHIPPED_POSTERIORS } from './shippedPosteriors.js';
export { drawRunInputs, isUncertain, INPUTS_STREAM, JUDGED_FACTORS_STREAM, PARAMETERS_STREAM } from './drawRunInputs.js';
export { resolveUncertainty, describeUncertainty, withUncertaintyMode, judgedSeries, FIXED_UNCERTAINTY } from './uncertainty.js';
export type { UncertaintySpec, ResolvedUncertainty, JudgedFactorDraw, UncertaintyDescription, UncertaintyMode, UncertaintyCarrier } from './uncertainty.js';
export { JUDGED_FACTOR_DISTRIBUTIONS, JUDGED_FACTOR_CORRELATIONS } from './judgedFactorDistributions.js';
export type { JudgedFactorDistribution } from './judgedFactorDistributions.js';
export { sensitivityProblem, applyFactorValues } from './sensitivityProblem.js';
export type { ScenarioSensitivityProblem } from './sensitivityProblem.js';
export { parsePolicyFile, loadPolicy, policyFileSchema, leverSchema, leverCostSchema, objectiveSchema, namedPolicySchema } from './policyFile.js';
export type { PolicyFile, Lever } from './policyFile.js';
