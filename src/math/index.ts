// Floor 0: the mathematics every other floor uses (special functions, distributions, linear
// algebra, exact summation, quantiles). Imports nothing above src/math and src/rng.
export { logGamma } from './logGamma.js';
export { regularizedGammaP, regularizedGammaQ } from './incompleteGamma.js';
export { regularizedIncompleteBeta } from './regularizedIncompleteBeta.js';
export { standardNormalCdf } from './standardNormalCdf.js';
export { normalSurvival } from './normalSurvival.js';
export { normalQuantile } from './normalQuantile.js';
export { studentTCdf, studentTQuantile } from './studentTQuantile.js';
export { chiSquareSurvival } from './chiSquareSurvival.js';
export type { SensitivityProblem, InputDistribution } from './problem.js';
export { validateProblem } from './problem.js';
export { inverseCdf } from './inverseCdf.js';
export { choleskyLower } from './choleskyLower.js';
export { cholesky } from './cholesky.js';
export { mahalanobisSquared } from './mahalanobisSquared.js';
export type { ExactSum } from './exactSum.js';
export { createExactSum, addToExactSumInPlace, mergeExactSumInPlace, exactSumValue } from './exactSum.js';
export { addSquareToExactSumInPlace, exactVarianceFromSums } from './exactVariance.js';
export { quantileSorted, quantiles } from './quantile.js';
