import { createRunStream } from '../rng/createRunStream.js';
import type { RandomSource } from '../rng/randomSource.js';

/**
 * The random stream of one ABC draw for one purpose (`proposal`, `simulate`, …): a pure
 * function of (seed, generation, index, purpose). Draw i of generation g therefore gets the same
 * numbers whichever order draws are evaluated in, and however they are later split across
 * workers (the same design as `createRunStream` for model runs).
 */
export type AbcStreamFactory = (generation: number, index: number, purpose: string) => RandomSource;

/**
 * The default {@link AbcStreamFactory}: `createRunStream` keyed by `abc/<seed>`, the draw index
 * and `g<generation>/<purpose>`.
 *
 * @example
 * const streams = abcStreams(7);
 * streams(0, 3, 'simulate')() === abcStreams(7)(0, 3, 'simulate')(); // true
 */
export function abcStreams(seed: number | string): AbcStreamFactory {
  return (generation, index, purpose) => createRunStream(`abc/${String(seed)}`, index, `g${generation}/${purpose}`);
}

/**
 * The seed handed to a model simulator for draw `index` of `generation`: a string derived from
 * (seed, generation, index) only, for simulators that take a seed rather than a stream
 * (`simulate(scenario, { seed })`).
 *
 * @example
 * abcSimulationSeed(2020, 1, 42); // 'abc/2020/g1/i42'
 */
export function abcSimulationSeed(seed: number | string, generation: number, index: number): string {
  return `abc/${String(seed)}/g${generation}/i${index}`;
}
