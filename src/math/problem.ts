/**
 * The distribution of one input of a sensitivity problem, always on the support given by the
 * input's bounds [lo, hi]:
 * - `uniform`: uniform on [lo, hi] (the default);
 * - `triangular`: minimum lo, maximum hi, the given mode (lo ≤ mode ≤ hi);
 * - `normal-truncated`: a normal(mean, sd) truncated to [lo, hi];
 * - `discrete`: one of `values` (each within [lo, hi]), with probabilities proportional to
 *   `weights` (equal when omitted).
 */
export type InputDistribution =
  | { readonly type: 'uniform' }
  | { readonly type: 'triangular'; readonly mode: number }
  | { readonly type: 'normal-truncated'; readonly mean: number; readonly sd: number }
  | { readonly type: 'discrete'; readonly values: readonly number[]; readonly weights?: readonly number[] };

/**
 * The inputs of a sensitivity analysis, in SALib's shape: one name and one [lo, hi] range per
 * input, and optionally one {@link InputDistribution} per input (uniform where absent or undefined).
 * Designs produce points in the unit cube and map them through each input's inverse CDF.
 */
export interface SensitivityProblem {
  /** One name per input, unique. */
  readonly names: readonly string[];
  /** One finite [lo, hi] per input with lo < hi (lo = hi is allowed only for a discrete input). */
  readonly bounds: readonly (readonly [number, number])[];
  /** Optional distribution per input; uniform on its bounds when missing. */
  readonly distributions?: readonly (InputDistribution | undefined)[];
}

/**
 * Checks a {@link SensitivityProblem} and throws a RangeError naming the first bad field
 * (`invalid problem.bounds[2]: [3, 1] (expected finite lo < hi)`); returns nothing when valid.
 * Every design calls it first, so a bad problem fails before any point is made.
 *
 * Cost: O(inputs + discrete values).
 *
 * @example
 * validateProblem({ names: ['a'], bounds: [[0, 1]] }); // passes
 * validateProblem({ names: ['a'], bounds: [[1, 0]] });
 * // throws RangeError: invalid problem.bounds[0]: [1, 0] (expected finite lo < hi)
 */
export function validateProblem(problem: SensitivityProblem): void {
  const { names, bounds, distributions } = problem;
  if (!Array.isArray(names) || names.length === 0) {
    throw new RangeError(`invalid problem.names: ${JSON.stringify(names)} (expected a non-empty array of strings)`);
  }
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (typeof name !== 'string' || name === '') throw new RangeError(`invalid problem.names[${i}]: ${JSON.stringify(name)} (expected a non-empty string)`);
    if (seen.has(name)) throw new RangeError(`invalid problem.names[${i}]: ${JSON.stringify(name)} (expected unique names)`);
    seen.add(name);
  });
  if (!Array.isArray(bounds) || bounds.length !== names.length) {
    throw new RangeError(`invalid problem.bounds: ${bounds?.length ?? bounds} ranges (expected one per name, ${names.length})`);
  }
  if (distributions !== undefined && (!Array.isArray(distributions) || distributions.length !== names.length)) {
    throw new RangeError(`invalid problem.distributions: ${distributions?.length ?? distributions} entries (expected one per name, ${names.length})`);
  }
  bounds.forEach((range, i) => {
    const distribution = distributions?.[i];
    const [lo, hi] = Array.isArray(range) ? range : [NaN, NaN];
    const discrete = distribution?.type === 'discrete';
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || (discrete ? lo > hi : lo >= hi)) {
      const shown = Array.isArray(range) ? `[${range.join(', ')}]` : String(range);
      throw new RangeError(`invalid problem.bounds[${i}]: ${shown} (expected finite lo < hi)`);
    }
    if (distribution) validateDistribution(distribution, lo as number, hi as number, `problem.distributions[${i}]`);
  });
}

function validateDistribution(distribution: InputDistribution, lo: number, hi: number, path: string): void {
  switch (distribution.type) {
    case 'uniform':
      return;
    case 'triangular':
      if (!(distribution.mode >= lo && distribution.mode <= hi)) {
        throw new RangeError(`invalid ${path}.mode: ${distribution.mode} (expected within the bounds [${lo}, ${hi}])`);
      }
      return;
    case 'normal-truncated':
      if (!Number.isFinite(distribution.mean)) throw new RangeError(`invalid ${path}.mean: ${distribution.mean} (expected a finite number)`);
      if (!(distribution.sd > 0 && Number.isFinite(distribution.sd))) throw new RangeError(`invalid ${path}.sd: ${distribution.sd} (expected a finite number > 0)`);
      return;
    case 'discrete': {
      const { values, weights } = distribution;
      if (!Array.isArray(values) || values.length === 0) throw new RangeError(`invalid ${path}.values: ${JSON.stringify(values)} (expected a non-empty array)`);
      values.forEach((value, j) => {
        if (!(value >= lo && value <= hi)) throw new RangeError(`invalid ${path}.values[${j}]: ${value} (expected within the bounds [${lo}, ${hi}])`);
      });
      if (weights !== undefined) {
        if (!Array.isArray(weights) || weights.length !== values.length) {
          throw new RangeError(`invalid ${path}.weights: ${weights?.length ?? weights} entries (expected one per value, ${values.length})`);
        }
        weights.forEach((weight, j) => {
          if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`invalid ${path}.weights[${j}]: ${weight} (expected a finite number ≥ 0)`);
        });
        if (!(weights.reduce((sum, w) => sum + w, 0) > 0)) throw new RangeError(`invalid ${path}.weights: all zero (expected a positive total)`);
      }
      return;
    }
    default:
      throw new RangeError(`invalid ${path}.type: ${JSON.stringify((distribution as { type?: unknown }).type)} (expected uniform, triangular, normal-truncated or discrete)`);
  }
}
