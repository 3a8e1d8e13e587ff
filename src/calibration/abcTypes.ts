import type { RandomSource } from '../rng/randomSource.js';
import type { AbcStreamFactory } from './abcStreams.js';
import type { DistanceFactory, ObservedValue } from './distance.js';
import type { Prior } from './prior.js';

/** What a simulator receives besides the parameter vector. */
export interface SimulationContext {
  /** A stream private to this draw (derived from seed, generation, index). */
  readonly random: RandomSource;
  /** A seed private to this draw, for simulators that take a seed (see `abcSimulationSeed`). */
  readonly seed: string;
  readonly generation: number;
  readonly index: number;
}

/** Progress of an ABC run, reported after each simulation. */
export interface AbcProgress {
  readonly generation: number;
  /** Draws accepted so far in this generation. */
  readonly accepted: number;
  /** Draws this generation needs. */
  readonly needed: number;
  /** Simulations so far, all generations. */
  readonly simulations: number;
  /** Tolerance of this generation (Infinity while the first, prior, generation runs). */
  readonly epsilon: number;
}

/** Options shared by {@link abcRejection} and {@link abcSmc}. */
export interface AbcCommonOptions<Output> {
  /** Prior on the parameter vector (e.g. `independentPrior({...})`). */
  readonly prior: Prior;
  /** The model: one simulation at θ. Its randomness must come from `context` only. */
  readonly simulate: (theta: readonly number[], context: SimulationContext) => Output;
  /** Summary statistics of one simulation, in the order of `observed`. */
  readonly summarize: (output: Output) => readonly number[];
  /** Observed summaries: a number or an interval [low, high] each. */
  readonly observed: readonly ObservedValue[];
  /** Distance, built from the prior-predictive summaries. Default `madScaledEuclidean()`. */
  readonly distance?: DistanceFactory;
  /** Seed of the whole run. Default 1. */
  readonly seed?: number | string;
  /** Stream factory; default `abcStreams(seed)`. */
  readonly streams?: AbcStreamFactory;
  /** Called after each simulation. Default none. */
  readonly onProgress?: (progress: AbcProgress) => void;
  /**
   * Prior draws 0 … k−1 of generation 0 already simulated (by an interrupted run with the same
   * seed, prior and model): used as they are instead of being drawn and simulated again. Draw i
   * depends only on the streams of (seed, 0, i), so the result is the same bit for bit. Default none.
   */
  readonly completedDraws?: readonly CompletedDraw[];
  /** Called after each new simulation of generation 0 with its index, θ and summary (to checkpoint them). Default none. */
  readonly onDraw?: (index: number, draw: CompletedDraw) => void;
}

/** One prior draw of generation 0 and the summary its simulation gave. */
export interface CompletedDraw {
  readonly theta: readonly number[];
  readonly summary: readonly number[];
}

/** One generation of an ABC run. */
export interface AbcGeneration {
  readonly generation: number;
  readonly epsilon: number;
  readonly simulations: number;
  /** Accepted / simulated in this generation. */
  readonly acceptanceRate: number;
  readonly effectiveSampleSize: number;
  /** Proposals that fell outside the prior's support (not simulated). */
  readonly outsidePrior: number;
}

/** An ABC posterior: weighted draws and how they were obtained. */
export interface AbcPosterior {
  readonly method: 'rejection' | 'smc';
  readonly names: readonly string[];
  /** Accepted parameter vectors, one row per draw. */
  readonly samples: number[][];
  /** Normalised importance weights (all equal for rejection). */
  readonly weights: number[];
  /** Distance of each accepted draw. */
  readonly distances: number[];
  /** Summaries of each accepted draw (posterior-predictive summaries). */
  readonly summaries: number[][];
  /** The final tolerance ε (on the scaled distance). */
  readonly epsilon: number;
  /** ε of each generation, first (prior) generation first. */
  readonly epsilonSchedule: number[];
  /** Acceptance rate of each generation. */
  readonly acceptanceRates: number[];
  readonly generations: AbcGeneration[];
  /** Total simulations run, including any in a discarded incomplete generation. */
  readonly simulations: number;
  /** Kish effective sample size of the final weights. */
  readonly effectiveSampleSize: number;
  /** Scale of each summary in the distance (prior-predictive MAD unless fixed). */
  readonly scales: readonly number[];
  /** Why the run stopped. */
  readonly stopReason: 'rejection' | 'target-epsilon' | 'min-acceptance' | 'max-generations' | 'max-simulations';
  readonly seed: number | string;
}
