import { AnalysisInputError } from './analysisInputError.js';

/**
 * Throws an {@link AnalysisInputError} unless players are distinct strings. Internal to the
 * attribution folder.
 *
 * @example
 * checkPlayers(['a', 'a']); // throws: invalid players[1]: "a" (expected distinct player names)
 */
export function checkPlayers(players: readonly string[]): void {
  const seen = new Set<string>();
  players.forEach((player, i) => {
    if (typeof player !== 'string') throw new AnalysisInputError('type', ['players', i], 'a string', player);
    if (seen.has(player)) throw new AnalysisInputError('duplicate', ['players', i], 'distinct player names', player);
    seen.add(player);
  });
}

/**
 * Throws an {@link AnalysisInputError} unless `values` has the given length and only finite numbers.
 *
 * @example
 * checkFiniteVector([0, NaN], 2, ['values']); // throws: invalid values[1]: NaN (expected a finite number)
 */
export function checkFiniteVector(values: ArrayLike<number>, length: number, path: readonly (string | number)[]): void {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new AnalysisInputError('type', path, 'an array of numbers', values);
  }
  if (values.length !== length) throw new AnalysisInputError('length', path, `${length} values`, values);
  for (let i = 0; i < length; i++) {
    const value = values[i] as number;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new AnalysisInputError('not-finite', [...path, i], 'a finite number', value);
    }
  }
}

/**
 * Throws an {@link AnalysisInputError} unless 0 < confidence < 1.
 *
 * @example
 * checkConfidence(0.95); // (returns)
 */
export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new AnalysisInputError('range', ['confidence'], '0 < confidence < 1', confidence);
}
