import type { RandomSource } from '../rng/randomSource.js';

/**
 * What the engine needs from a model: the names of its random streams, observables and events,
 * a deterministic initial state, and a step that advances one month. The runner owns the
 * clock (it calls `step` for months 0 … horizon − 1); the model owns the rules. Any model with
 * this shape runs in the Monte Carlo engine (see `src/experiment`).
 */
export interface SimulationModel<Inputs, State> {
  readonly name: string;
  /** One random stream per mechanism, so that changing one mechanism never shifts another's draws. */
  readonly streams: readonly string[];
  readonly observables: readonly string[];
  readonly events: readonly string[];
  horizon(inputs: Inputs): number;
  initialize(inputs: Inputs): State;
  /** Advances one month and writes that month's observables into `row` (one slot per observable). */
  step(state: State, inputs: Inputs, month: number, random: Readonly<Record<string, RandomSource>>, row: Float64Array): void;
  /** First month of each event (−1 if it did not happen), in `events` order. */
  eventMonths(state: State): ArrayLike<number>;
}
