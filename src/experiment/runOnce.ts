import { createRunStream } from '../rng/createRunStream.js';
import type { RandomSource } from '../rng/randomSource.js';
import type { SimulationModel } from '../model/simulationModel.js';

/** One run's results: its month-by-observable series and the first month of each event. */
export interface RunResult {
  readonly run: number;
  /** Row-major: `series[month * observables + k]`. */
  readonly series: Float64Array;
  /** First month of each event, −1 if it did not happen. */
  readonly eventMonths: Int32Array;
}

/**
 * Runs a model once: creates run `runIndex`'s streams from the seed (one per mechanism), the
 * initial state, and steps through the horizon. The runner owns the clock. The result depends
 * only on (model, inputs, seed, runIndex).
 *
 * @example
 * runOnce(resurgenceModel, inputs, 2020, 0).series.length; // 36 months × 12 observables = 432
 */
export function runOnce<Inputs, State>(
  model: SimulationModel<Inputs, State>,
  inputs: Inputs,
  seed: number | string,
  runIndex: number,
): RunResult {
  const random: Record<string, RandomSource> = {};
  for (const name of model.streams) random[name] = createRunStream(seed, runIndex, `${model.name}/${name}`);
  const months = model.horizon(inputs);
  const width = model.observables.length;
  const series = new Float64Array(months * width);
  const state = model.initialize(inputs);
  for (let month = 0; month < months; month++) {
    model.step(state, inputs, month, random, series.subarray(month * width, (month + 1) * width));
  }
  return { run: runIndex, series, eventMonths: Int32Array.from(model.eventMonths(state)) };
}
