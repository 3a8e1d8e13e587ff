import type { AbcPosterior } from './abcTypes.js';
import { weightedQuantile } from './weightedStatistics.js';

/** Weighted median and central interval of one parameter's posterior. */
export interface ParameterSummary {
  readonly name: string;
  readonly mean: number;
  readonly sd: number;
  readonly median: number;
  /** The central interval [lower, upper] holding `level` of the posterior mass. */
  readonly interval: readonly [number, number];
  readonly level: number;
}

/**
 * Per-parameter posterior mean, sd, median and central interval (default 90%) from weighted
 * draws, quantiles by the weighted empirical CDF (see `weightedQuantile`).
 *
 * Cost: O(d · n log n).
 *
 * @example
 * summarizePosterior({ names: ['mu'], samples: [[1], [2], [3]], weights: [1/3, 1/3, 1/3] }, 0.9);
 * // [{ name: 'mu', mean: 2, sd: 0.816…, median: 2, interval: [1, 3], level: 0.9 }]
 */
export function summarizePosterior(
  posterior: Pick<AbcPosterior, 'names' | 'samples' | 'weights'>,
  level = 0.9,
): ParameterSummary[] {
  if (!(level > 0 && level < 1)) throw new RangeError(`invalid level: ${level} (expected 0 < level < 1)`);
  const { samples, weights } = posterior;
  let totalWeight = 0;
  for (const w of weights) totalWeight += w;
  return posterior.names.map((name, k) => {
    const values = samples.map((row) => row[k] as number);
    let mean = 0;
    for (let i = 0; i < values.length; i++) mean += ((weights[i] as number) / totalWeight) * (values[i] as number);
    let variance = 0;
    for (let i = 0; i < values.length; i++) variance += ((weights[i] as number) / totalWeight) * ((values[i] as number) - mean) ** 2;
    const tail = (1 - level) / 2;
    return {
      name,
      mean,
      sd: Math.sqrt(variance),
      median: weightedQuantile(values, weights, 0.5),
      interval: [weightedQuantile(values, weights, tail), weightedQuantile(values, weights, 1 - tail)] as const,
      level,
    };
  });
}
