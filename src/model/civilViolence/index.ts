/**
 * Epstein's (2002) civil violence model (Model I, with cops and jailing; PNAS 99 suppl. 3,
 * 7243–7250) on the resurgence engine. See {@link civilViolenceModel} and
 * {@link civilViolenceInputs}.
 *
 * Choices where implementations differ, each documented where it is made:
 * - vision: von Neumann diamond |dx| + |dy| ≤ v (112 cells for v = 7), Epstein's lattice vision
 *   and what Mesa 3 uses; Moore (older Mesa) and Euclidean (NetLogo) are options
 *   ({@link VisionShape});
 * - arrest probability: P = 1 − exp(−k·⌊C/A⌋) as NetLogo, A counting the citizen herself; Mesa's
 *   round and the paper's exact ratio are options ({@link ArrestRatioRounding}); the exact ratio
 *   shows no punctuated equilibrium (tested);
 * - activation: all agents once per tick in a fresh random order; per agent, move then act
 *   (NetLogo's order); jailed citizens are off the grid and reappear on a random empty cell
 *   ({@link stepCivilViolenceInPlace}); `activation: 'mesa'` uses Mesa 3.3.1's rules instead
 *   (decide then move, jailed citizens keep their cell, occupants drawn cell by cell:
 *   {@link stepMesaCivilViolenceInPlace}), which with {@link MESA_DEFAULTS} reproduces Mesa's
 *   example statistically;
 * - speed: per-cell cop and active counts kept up to date on every change, so each citizen reads
 *   C and A in O(1); identical to a brute-force scan draw for draw (tested; see
 *   bench/civilViolence.mjs for the measured ratio).
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
export type { CivilViolenceInputs, CivilViolenceOptions, CivilViolenceIssue, VisionCounting, CivilViolenceActivation } from './inputs.js';
export { createCivilViolenceState, EMPTY_CELL } from './state.js';
export type { CivilViolenceState } from './state.js';
export { stepCivilViolenceInPlace, CIVIL_VIOLENCE_STREAMS, CIVIL_VIOLENCE_OBSERVABLES } from './stepCivilViolence.js';
export { stepMesaCivilViolenceInPlace } from './stepMesaCivilViolence.js';
export { placeAgentsInPlace } from './placeAgents.js';
export { placeAgentsPerCellInPlace } from './placeAgentsPerCell.js';
export { pickEmptyInVision, pickEmptyCell } from './pickEmpty.js';
export { estimatedArrestProbability, arrestProbabilityTable, EPSTEIN_ARREST_CONSTANT } from './arrestProbability.js';
export type { ArrestRatioRounding } from './arrestProbability.js';
export { visionOffsets, neighbourTable } from './neighbourhood.js';
export type { VisionShape, VisionOffsets } from './neighbourhood.js';
export { shiftVisionCountInPlace, scanVisionCounts, rebuildVisionCountsInPlace } from './visionCounts.js';
