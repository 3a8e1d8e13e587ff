import { AnalysisInputError } from './analysisInputError.js';

/** Throws unless players are distinct strings. Internal to the attribution folder. */
export function checkPlayers(players: readonly string[]): void {
  const seen = new Set<string>();
  players.forEach((player, i) => {
    if (typeof player !== 'string') throw new AnalysisInputError('type', ['players', i], 'a string', player);
    if (seen.has(player)) throw new AnalysisInputError('duplicate', ['players', i], 'distinct player names', player);
    seen.add(player);
  });
}

/** Throws unless `values` has the given length and only finite numbers. */
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

/** Throws unless 0 < confidence < 1. */
export function checkConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) throw new AnalysisInputError('range', ['confidence'], '0 < confidence < 1', confidence);
}
