import type { RandomSource } from '../../rng/randomSource.js';

/**
 * The random stream `name` of a run (see CIVIL_VIOLENCE_STREAMS), or an Error naming the
 * missing one. Internal helper of the civil violence steps.
 *
 * Cost: O(1).
 *
 * @example
 * civilViolenceStream(streams, 'movement')(); // a uniform draw in [0, 1) from the movement stream
 */
export function civilViolenceStream(random: Readonly<Record<string, RandomSource>>, name: string): RandomSource {
  const source = random[name];
  if (!source) throw new Error(`missing random stream: ${name}`);
  return source;
}
