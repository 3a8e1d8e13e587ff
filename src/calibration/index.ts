// Calibration: priors, ABC (rejection and SMC), distances, simulation-based calibration and
// the resurgence model's calibration against what was known by mid-2020.
export type { UnivariatePrior, Prior } from './prior.js';
export { independentPrior } from './prior.js';
export { uniformPrior } from './uniformPrior.js';
export { logUniformPrior } from './logUniformPrior.js';
export { truncatedNormalPrior } from './truncatedNormalPrior.js';
export type { ObservedValue, Distance, DistanceFactory, ScaledDistance, MadScaledEuclideanOptions } from './distance.js';
export { madScaledEuclidean, medianAbsoluteDeviation } from './distance.js';
export type { AbcStreamFactory } from './abcStreams.js';
export { abcStreams, abcSimulationSeed } from './abcStreams.js';
export type { SimulationContext, AbcProgress, AbcCommonOptions, AbcGeneration, AbcPosterior, CompletedDraw } from './abcTypes.js';
export type { AbcRejectionOptions } from './abcRejection.js';
export { abcRejection } from './abcRejection.js';
export type { AbcSmcOptions } from './abcSmc.js';
export { abcSmc, ABC_SMC_DEFAULTS } from './abcSmc.js';
export type { ParameterSummary } from './summarizePosterior.js';
export { summarizePosterior } from './summarizePosterior.js';
export { resamplePosterior } from './resamplePosterior.js';
export { effectiveSampleSize, normalizeWeights, weightedMean, weightedCovariance, weightedQuantile } from './weightedStatistics.js';
export type { InferenceContext, SbcOptions, SbcResult } from './sbc.js';
export { sbc } from './sbc.js';
export type { RankHistogramTest } from './rankHistogramChiSquare.js';
export { rankHistogramChiSquare } from './rankHistogramChiSquare.js';
export type { RankHistogramShape } from './rankHistogramShape.js';
export { rankHistogramShape } from './rankHistogramShape.js';
export { holmRejections } from './holmRejections.js';
export { logGamma, regularizedGammaP, regularizedGammaQ } from '../math/incompleteGamma.js';
export { chiSquareSurvival } from '../math/chiSquareSurvival.js';
export { standardNormalCdf as normalCdf } from '../math/standardNormalCdf.js';
export { normalSurvival } from '../math/normalSurvival.js';
export { randomStandardNormal } from './randomStandardNormal.js';
export type {
  CalibrationConfig,
  CalibrationConfigResult,
  CalibrationSetup,
  CalibrationTarget,
  PriorSpec,
  SeriesKind,
} from './calibrationConfig.js';
export { calibrationConfigSchema, parseCalibrationConfig, CalibrationConfigError, SERIES_OBSERVABLES } from './calibrationConfig.js';
export { calibrationConfigHash } from './calibrationConfigHash.js';
export { targetStatistics, targetWindows } from './targetStatistics.js';
export type {
  CalibrateOptions,
  CalibrationProgress,
  CalibrationResult,
  PosteriorFile,
  PosteriorPredictiveCheck,
  TargetCheck,
} from './calibrate.js';
export { calibrate } from './calibrate.js';
export type { ScreenParametersOptions, ParameterEffect } from './screenParameters.js';
export { screenParameters } from './screenParameters.js';
export type { CalibrationProblem, CalibrationProblemOptions } from './calibrationProblem.js';
export { calibrationProblem } from './calibrationProblem.js';
export type { CalibrationSbcOptions, CalibrationSbcResult, RankUniformityTest } from './calibrationSbc.js';
export { calibrationSbc } from './calibrationSbc.js';
export type { RegressionAdjustOptions } from './regressionAdjustment.js';
export { regressionAdjust } from './regressionAdjustment.js';
