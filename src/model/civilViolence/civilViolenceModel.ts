import type { SimulationModel } from '../simulationModel.js';
import type { CivilViolenceInputs } from './inputs.js';
import { createCivilViolenceState, type CivilViolenceState } from './state.js';
import { CIVIL_VIOLENCE_OBSERVABLES, CIVIL_VIOLENCE_STREAMS, stepCivilViolenceInPlace } from './stepCivilViolence.js';

/** The events of the model: "outburst", the first tick with active ≥ outburstShare × citizens. */
export const CIVIL_VIOLENCE_EVENTS = ['outburst'] as const;

/**
 * Epstein's (2002) civil violence Model I ("generalized rebellion against central authority",
 * PNAS 99 suppl. 3, 7243–7250) as a {@link SimulationModel}: the generic engine
 * (`runOnce`) runs it unchanged, one "month" of the engine being one tick of the model. Streams,
 * observables and events are listed in {@link CIVIL_VIOLENCE_STREAMS},
 * {@link CIVIL_VIOLENCE_OBSERVABLES} and {@link CIVIL_VIOLENCE_EVENTS}; the rules are documented on
 * {@link stepCivilViolenceInPlace}.
 *
 * @example
 * const result = runOnce(civilViolenceModel, civilViolenceInputs({ ticks: 100 }), 2002, 0);
 * result.series.length; // 100 ticks × 5 observables = 500
 * result.series[5 * 99 + 1]; // 75 actives at tick 99 (seed 2002, run 0)
 */
export const civilViolenceModel: SimulationModel<CivilViolenceInputs, CivilViolenceState> = {
  name: 'civilViolence',
  streams: CIVIL_VIOLENCE_STREAMS,
  observables: CIVIL_VIOLENCE_OBSERVABLES,
  events: CIVIL_VIOLENCE_EVENTS,
  horizon: (inputs) => inputs.ticks,
  initialize: createCivilViolenceState,
  step: stepCivilViolenceInPlace,
  eventMonths: (state) => [state.outburstTick],
};
