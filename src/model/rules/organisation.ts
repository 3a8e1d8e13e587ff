import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';

/**
 * A leadership shock at the start of a month: coordination loses the factor's share.
 * Mutates `state.coordination`.
 */
export function applyLeadershipShock(state: ModelState, inputs: ModelInputs, month: number): void {
  state.coordination *= 1 - (inputs.factors.leadershipShock[month] as number);
}

/**
 * End of a month: lost coordination recovers with the half-life parameter (the article:
 * Baghdadi's death "did not seem to have a lasting impact"), and Iraqi force quality erodes
 * while coalition training is suspended and recovers while it runs. Mutates `state`.
 */
export function stepOrganisation(state: ModelState, inputs: ModelInputs, month: number): void {
  const p = inputs.parameters;
  state.coordination = 1 - (1 - state.coordination) * Math.pow(2, -1 / p.leadershipRecoveryHalfLife);
  const suspended = inputs.factors.trainingSuspended[month] as number;
  const quality = state.iraqiForceQuality;
  state.iraqiForceQuality =
    quality - p.trainingDecayRate * suspended * quality + p.trainingRecoveryRate * (1 - suspended) * (1 - quality);
}
