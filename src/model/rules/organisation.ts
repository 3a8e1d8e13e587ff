import type { ModelInputs } from '../inputs.js';
import type { ModelState } from '../state.js';

/**
 * A leadership shock at the start of a month: coordination loses the factor's share, and the
 * share of any decapitation the scenario schedules that month (`inputs.events`).
 * Mutates `state.coordination`.
 */
export function applyLeadershipShock(state: ModelState, inputs: ModelInputs, month: number): void {
  const scheduled = inputs.events ? (inputs.events.coordinationLost[month] as number) : 0;
  state.coordination *= (1 - (inputs.factors.leadershipShock[month] as number)) * (1 - scheduled);
}

/**
 * End of a month: lost coordination recovers with the half-life parameter (the article:
 * Baghdadi's death "did not seem to have a lasting impact"); the clandestine network lost with
 * the territory is rebuilt with its own, slower half-life (the article: "a year after losing its
 * territory", ISIS "is regaining strength"); and Iraqi force quality erodes while coalition
 * training is suspended and recovers while it runs. Two half-lives, because replacing a leader
 * takes months but rebuilding cells, couriers and safe houses takes years: one half-life cannot
 * make both the 2018 → 2019 rise and the quick return after Oct 2019 (calibration/README.md).
 * Mutates `state`.
 */
export function stepOrganisation(state: ModelState, inputs: ModelInputs, month: number): void {
  const p = inputs.parameters;
  state.coordination = 1 - (1 - state.coordination) * Math.pow(2, -1 / p.leadershipRecoveryHalfLife);
  state.networkCapacity = 1 - (1 - state.networkCapacity) * Math.pow(2, -1 / p.networkRebuildHalfLife);
  const suspended = inputs.factors.trainingSuspended[month] as number;
  const quality = state.iraqiForceQuality;
  state.iraqiForceQuality =
    quality - p.trainingDecayRate * suspended * quality + p.trainingRecoveryRate * (1 - suspended) * (1 - quality);
}
