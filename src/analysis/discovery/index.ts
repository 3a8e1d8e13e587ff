export type {
  BoxLimits,
  DimensionKind,
  DimensionLimit,
  PrimData,
  PrimInput,
  PrimObjective,
  PrimOptions,
  PrimStep,
  ResolvedPrimOptions,
} from './primTypes.js';
export { primDefaults, resolvePrimOptions } from './primDefaults.js';
export { preparePrimData } from './preparePrimData.js';
export { primQuantile } from './primQuantile.js';
export { primObjective } from './primObjective.js';
export { primDimensionOrder } from './primDimensionOrder.js';
export { rowsInBox } from './boxMembership.js';
export type { PrimResult } from './prim.js';
export { prim } from './prim.js';
export type { PrimPasteResult } from './pastePrimBox.js';
export { pastePrimBox } from './pastePrimBox.js';
export type { PrimBoxStatistics, RestrictedDimension } from './primBoxStatistics.js';
export { primBoxStatistics } from './primBoxStatistics.js';
export type { PrimSelection } from './selectPrimBox.js';
export { selectPrimBox } from './selectPrimBox.js';
export { binomialUpperTail } from './binomialUpperTail.js';
