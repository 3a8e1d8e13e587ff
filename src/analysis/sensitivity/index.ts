export type { SobolIndices, SobolIndicesOptions } from './sobolIndices.js';
export { sobolIndices, sobolBootstrapResamples } from './sobolIndices.js';
export { sobolIndicesByMonth } from './sobolIndicesByMonth.js';
export type { MorrisEffects, MorrisEffectsOptions } from './morrisEffects.js';
export { morrisEffects } from './morrisEffects.js';
export type { SensitivityWarning, SensitivityWarningsOptions } from './sensitivityWarnings.js';
export { sensitivityWarnings } from './sensitivityWarnings.js';
export type { AnalyticIndices } from './testFunctions.js';
export { ishigami, ishigamiIndices, sobolG, sobolGIndices } from './testFunctions.js';
