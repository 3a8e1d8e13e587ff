import type { RandomSource } from '../../rng/randomSource.js';

/** Options of {@link sbxCrossover} and {@link polynomialMutation}. */
export interface VariationOptions {
  /** Distribution index of the crossover (larger: children nearer their parents). Default 15. */
  readonly crossoverIndex?: number;
  /** Probability of crossing a pair. Default 1. */
  readonly crossoverProbability?: number;
  /** Distribution index of the mutation. Default 20. */
  readonly mutationIndex?: number;
  /** Probability of mutating each variable. Default 1 / variables. */
  readonly mutationProbability?: number;
}

/**
 * Simulated binary crossover with bounds (Deb & Agrawal 1995, "Simulated binary crossover for
 * continuous search space", Complex Systems 9:115–148; the bounded form of Deb's NSGA-II code):
 * two children from two parents, each variable crossed with probability 1/2. Draws from `random`
 * in a fixed order (reproducible). Cost O(variables).
 *
 * @example
 * sbxCrossover([0.2, 0.8], [0.6, 0.4], [[0, 1], [0, 1]], createRunStream(1, 0, 'x')); // two children in the box
 */
export function sbxCrossover(
  a: readonly number[],
  b: readonly number[],
  bounds: readonly (readonly [number, number])[],
  random: RandomSource,
  options: VariationOptions = {},
): [number[], number[]] {
  const eta = options.crossoverIndex ?? 15;
  const c1 = [...a];
  const c2 = [...b];
  if (random() > (options.crossoverProbability ?? 1)) return [c1, c2];
  for (let i = 0; i < a.length; i++) {
    const u = random();
    const swap = random();
    const uSpread = random();
    const [low, high] = bounds[i] as [number, number];
    const x1 = Math.min(a[i] as number, b[i] as number);
    const x2 = Math.max(a[i] as number, b[i] as number);
    if (u > 0.5 || x2 - x1 < 1e-14 || high <= low) continue;
    const spread = (boundary: number): number => {
      const beta = 1 + (2 * boundary) / (x2 - x1);
      const alpha = 2 - beta ** -(eta + 1);
      return uSpread <= 1 / alpha ? (uSpread * alpha) ** (1 / (eta + 1)) : (1 / (2 - uSpread * alpha)) ** (1 / (eta + 1));
    };
    const y1 = Math.min(high, Math.max(low, 0.5 * (x1 + x2 - spread(x1 - low) * (x2 - x1))));
    const y2 = Math.min(high, Math.max(low, 0.5 * (x1 + x2 + spread(high - x2) * (x2 - x1))));
    if (swap < 0.5) {
      c1[i] = y2;
      c2[i] = y1;
    } else {
      c1[i] = y1;
      c2[i] = y2;
    }
  }
  return [c1, c2];
}

/**
 * Polynomial mutation with bounds (Deb & Goyal 1996, "A combined genetic adaptive search (GeneAS)
 * for engineering design", Computer Science and Informatics 26:30–45; the bounded form of
 * NSGA-II's code). Returns a new vector. Cost O(variables).
 *
 * @example
 * polynomialMutation([0.5, 0.5], [[0, 1], [0, 1]], createRunStream(1, 0, 'm')); // near [0.5, 0.5]
 */
export function polynomialMutation(
  x: readonly number[],
  bounds: readonly (readonly [number, number])[],
  random: RandomSource,
  options: VariationOptions = {},
): number[] {
  const eta = options.mutationIndex ?? 20;
  const probability = options.mutationProbability ?? 1 / Math.max(1, x.length);
  return x.map((value, i) => {
    const draw = random();
    const u = random();
    const [low, high] = bounds[i] as [number, number];
    if (draw >= probability || high <= low) return value;
    const d1 = (value - low) / (high - low);
    const d2 = (high - value) / (high - low);
    const power = 1 / (eta + 1);
    const delta =
      u < 0.5
        ? (2 * u + (1 - 2 * u) * (1 - d1) ** (eta + 1)) ** power - 1
        : 1 - (2 * (1 - u) + 2 * (u - 0.5) * (1 - d2) ** (eta + 1)) ** power;
    return Math.min(high, Math.max(low, value + delta * (high - low)));
  });
}
