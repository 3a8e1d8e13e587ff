import { abcSimulationSeed, abcStreams } from './abcStreams.js';
import type { AbcCommonOptions } from './abcTypes.js';
import { madScaledEuclidean, type ScaledDistance } from './distance.js';

/** The prior-predictive draws of generation 0, their distances and the k nearest. */
export interface PriorPopulation {
  readonly thetas: number[][];
  readonly summaries: number[][];
  readonly distances: number[];
  readonly scaled: ScaledDistance;
  /** Indices of the k nearest draws, nearest first (ties broken by draw index). */
  readonly nearest: number[];
}

/**
 * Generation 0 of every ABC run here: `draws` parameter vectors from the prior, one simulation
 * each (draw i uses the streams of (seed, 0, i)), the distance built from their summaries (the
 * prior predictive), and the `keep` draws nearest to the observed summaries. Selecting the k
 * nearest rather than a fixed ε is the k-nearest-neighbour ABC of Biau, Cérou & Guyader (2015,
 * Ann. IHP 51:376–403); ties are broken by draw index, which is random because draws are iid.
 * Draws given in `completedDraws` are reused, not simulated again (a resumed run); each new one
 * is passed to `onDraw` (to checkpoint it). Not exported from the package: the shared first step
 * of `abcRejection` and `abcSmc`.
 */
export function priorPopulation<Output>(options: AbcCommonOptions<Output>, draws: number, keep: number): PriorPopulation {
  const seed = options.seed ?? 1;
  const streams = options.streams ?? abcStreams(seed);
  const thetas: number[][] = [];
  const summaries: number[][] = [];
  const completed = options.completedDraws ?? [];
  const names = options.prior.names.length;
  for (let i = 0; i < draws; i++) {
    const done = completed[i];
    let theta: number[];
    let summary: number[];
    if (done !== undefined) {
      theta = [...done.theta];
      summary = [...done.summary];
      if (theta.length !== names) throw new RangeError(`invalid completedDraws[${i}]: ${theta.length} parameters (expected ${names})`);
    } else {
      theta = options.prior.sample(streams(0, i, 'prior'));
      const output = options.simulate(theta, { random: streams(0, i, 'simulate'), seed: abcSimulationSeed(seed, 0, i), generation: 0, index: i });
      summary = [...options.summarize(output)];
    }
    if (summary.length !== options.observed.length) {
      throw new RangeError(`invalid summary: ${summary.length} values (expected ${options.observed.length}, as many as observed)`);
    }
    if (done === undefined) options.onDraw?.(i, { theta, summary });
    thetas.push(theta);
    summaries.push(summary);
    options.onProgress?.({ generation: 0, accepted: 0, needed: keep, simulations: i + 1, epsilon: Infinity });
  }
  const scaled = (options.distance ?? madScaledEuclidean())(summaries, options.observed);
  const distances = summaries.map((summary) => scaled.distance(summary));
  const order = distances.map((_, i) => i).sort((a, b) => (distances[a] as number) - (distances[b] as number) || a - b);
  return { thetas, summaries, distances, scaled, nearest: order.slice(0, keep) };
}

/** Throws `invalid <name>: <value> (expected …)` unless value is an integer ≥ min. */
export function checkInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ ${min})`);
}
