/**
 * Epstein's (2002) civil violence model (Model I, with cops and jailing) on the resurgence
 * engine. See {@link civilViolenceModel} and {@link civilViolenceInputs}.
 */
export { civilViolenceModel, CIVIL_VIOLENCE_EVENTS } from './civilViolenceModel.js';
export {
  civilViolenceInputs,
  civilViolenceIssues,
  legitimacyAt,
  suddenLegitimacyDrop,
  gradualLegitimacyDrop,
  CIVIL_VIOLENCE_DEFAULTS,
  MESA_DEFAULTS,
} from './inputs.js';
export type { CivilViolenceInputs, CivilViolenceOptions, CivilViolenceIssue, VisionCounting } from './inputs.js';
export { createCivilViolenceState, EMPTY_CELL } from './state.js';
export type { CivilViolenceState } from './state.js';
export { stepCivilViolenceInPlace, CIVIL_VIOLENCE_STREAMS, CIVIL_VIOLENCE_OBSERVABLES } from './stepCivilViolence.js';
export { placeAgentsInPlace } from './placeAgents.js';
export { pickEmptyInVision, pickEmptyCell } from './pickEmpty.js';
export { estimatedArrestProbability, arrestProbabilityTable, EPSTEIN_ARREST_CONSTANT } from './arrestProbability.js';
export type { ArrestRatioRounding } from './arrestProbability.js';
export { visionOffsets, neighbourTable } from './neighbourhood.js';
export type { VisionShape, VisionOffsets } from './neighbourhood.js';
export { shiftVisionCountInPlace, scanVisionCounts, rebuildVisionCountsInPlace } from './visionCounts.js';
