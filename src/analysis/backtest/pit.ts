/**
 * The probability integral transform of an observation under an ensemble: the share of the
 * samples below it, samples equal to it counted half (the mid-point of the randomised PIT of a
 * discrete forecast; Gneiting, Balabdaoui & Raftery 2007, J. R. Stat. Soc. B 69(2), §2; Czado,
 * Gneiting & Held 2009 for counts). NaN for an empty ensemble.
 *
 * Cost: O(samples).
 *
 * @example
 * probabilityIntegralTransform([1, 2, 3, 4], 3); // 0.625: two below, one tie
 */
export function probabilityIntegralTransform(samples: ArrayLike<number>, observation: number): number {
  let below = 0;
  let ties = 0;
  for (let i = 0; i < samples.length; i++) {
    const value = samples[i] as number;
    if (value < observation) below++;
    else if (value === observation) ties++;
  }
  return samples.length > 0 ? (below + ties / 2) / samples.length : NaN;
}
