import { AnalysisInputError } from '../attribution/analysisInputError.js';
import type { BoxLimits, PrimData } from './primTypes.js';

/**
 * Throws an {@link AnalysisInputError} unless `limits` has one limit per dimension, of the kind
 * the dimension needs, with lower ≤ upper.
 *
 * @example
 * checkBoxLimits(data, data.initialBox, ['limits']); // (returns; throws for a bad box)
 */
export function checkBoxLimits(data: PrimData, limits: BoxLimits, path: readonly (string | number)[]): void {
  if (!Array.isArray(limits) || limits.length !== data.names.length) {
    throw new AnalysisInputError('length', path, `${data.names.length} limits (one per dimension)`, limits);
  }
  limits.forEach((limit, d) => {
    const expected = data.kinds[d] === 'categorical' ? 'categories' : 'interval';
    if (limit === null || typeof limit !== 'object' || limit.kind !== expected) {
      throw new AnalysisInputError('type', [...path, d], `a limit of kind '${expected}' for ${data.names[d]}`, limit?.kind);
    }
    if (limit.kind === 'interval' && !(limit.lower <= limit.upper)) {
      throw new AnalysisInputError('range', [...path, d], 'lower ≤ upper', `[${limit.lower}, ${limit.upper}]`);
    }
  });
}
