/**
 * How the cop-to-active ratio C/A enters the estimated arrest probability
 * P = 1 − exp(−k · r(C/A)), where A counts the citizen herself (A ≥ 1):
 *
 * - `'floor'` (the default): r = ⌊C/A⌋. NetLogo's Rebellion model (Wilensky 2004) uses
 *   `1 - exp (- k * floor (C / A))` and explains in its Info tab that without the floor the model
 *   does not show punctuated equilibrium: P is 0 whenever actives outnumber cops in vision and
 *   ≈ 0.9 or more otherwise.
 * - `'round'`: r = C/A rounded to the nearest integer, ties to even. Mesa's current example
 *   uses Python's `round(cops_in_vision / actives_in_vision)` (banker's rounding), with the
 *   comment that the rounding is not in the PNAS paper but the paper's dynamics cannot be
 *   replicated without it.
 * - `'exact'`: r = C/A, the formula as printed in Epstein (2002, PNAS 99 suppl. 3, p. 7244,
 *   "P = 1 − exp[−k(C/A)_v]"), and in older Mesa versions.
 *
 * Why floor by default: it is the variant whose punctuated equilibrium is documented by its
 * authors, and it gives the sharpest "safety in numbers" (one cop facing two actives poses no
 * perceived risk), which is the mechanism Epstein describes for outbursts. `'round'` differs only
 * when C/A has a fractional part ≥ 1/2 (e.g. 1 cop, 2 actives → 0 under both; 3 cops, 2 actives →
 * 1 under floor, 2 under round).
 */
export type ArrestRatioRounding = 'floor' | 'round' | 'exact';

/**
 * k = 2.3: Epstein (2002, p. 7244) sets k so that P ≈ 0.9 when C = 1 and A = 1
 * (1 − e^−2.3 = 0.8997).
 */
export const EPSTEIN_ARREST_CONSTANT = 2.3;

/** r(C/A) for integer counts, computed exactly in integers for floor and round. */
function roundedRatio(cops: number, actives: number, rounding: ArrestRatioRounding): number {
  if (rounding === 'exact') return cops / actives;
  const quotient = Math.floor(cops / actives);
  if (rounding === 'floor') return quotient;
  const twiceRemainder = 2 * (cops - quotient * actives);
  if (twiceRemainder > actives) return quotient + 1;
  if (twiceRemainder === actives) return quotient % 2 === 0 ? quotient : quotient + 1; // ties to even, as Python's round
  return quotient;
}

/**
 * A citizen's estimated arrest probability P = 1 − exp(−k · r(C/A)) (Epstein 2002, p. 7244),
 * with C the cops and A the actives in vision, A counting the citizen herself (so A ≥ 1, as in
 * Mesa and NetLogo).
 *
 * @example
 * estimatedArrestProbability(1, 1, { k: 2.3, rounding: 'floor' }); // 0.8997411562771962
 * estimatedArrestProbability(1, 2, { k: 2.3, rounding: 'floor' }); // 0
 * estimatedArrestProbability(1, 2, { k: 2.3, rounding: 'exact' }); // 0.6833632306209467
 */
export function estimatedArrestProbability(
  cops: number,
  activesCountingSelf: number,
  options: { readonly k: number; readonly rounding: ArrestRatioRounding },
): number {
  if (!(activesCountingSelf >= 1)) throw new RangeError(`invalid activesCountingSelf: ${activesCountingSelf} (expected ≥ 1: the citizen counts herself)`);
  return 1 - Math.exp(-options.k * roundedRatio(cops, activesCountingSelf, options.rounding));
}

/**
 * All values of {@link estimatedArrestProbability} for C = 0 … maxSeen and A = 1 … maxSeen + 1,
 * at `table[C · (maxSeen + 2) + A]`: the hot loop then costs one load instead of a division and
 * an `exp` per citizen (both C and A are at most the neighbourhood size).
 *
 * Cost: O(maxSeen²) once per run (12,882 entries for 112 neighbours).
 *
 * @example
 * const table = arrestProbabilityTable(112, { k: 2.3, rounding: 'floor' });
 * table[1 * 114 + 1]; // 0.8997411562771962 (C = 1, A = 1)
 */
export function arrestProbabilityTable(
  maxSeen: number,
  options: { readonly k: number; readonly rounding: ArrestRatioRounding },
): Float64Array {
  const stride = maxSeen + 2;
  const table = new Float64Array((maxSeen + 1) * stride);
  for (let cops = 0; cops <= maxSeen; cops++) {
    for (let actives = 1; actives <= maxSeen + 1; actives++) {
      table[cops * stride + actives] = estimatedArrestProbability(cops, actives, options);
    }
  }
  return table;
}
