import { AnalysisInputError } from '../attribution/analysisInputError.js';
import { countPositives, isRestricted } from './boxMembership.js';
import { preparePrimData } from './preparePrimData.js';
import { resolvePrimOptions } from './primDefaults.js';
import { primDimensionOrder } from './primDimensionOrder.js';
import { primObjective } from './primObjective.js';
import { primQuantile } from './primQuantile.js';
import { primStep } from './primStep.js';
import type { BoxLimits, DimensionLimit, PrimData, PrimInput, PrimOptions, PrimStep, ResolvedPrimOptions } from './primTypes.js';
import { selectPrimBox } from './selectPrimBox.js';

/** The result of {@link prim}: the peeling trajectory and the box meeting the density target. */
export interface PrimResult {
  /** The validated data (pass it on to pastePrimBox and primBoxStatistics to skip re-validation). */
  readonly data: PrimData;
  readonly options: ResolvedPrimOptions;
  /** trajectory[0] is the initial box; each later entry is one accepted peel. */
  readonly trajectory: readonly PrimStep[];
  /**
   * Index of the box with the highest coverage among those with density ≥ threshold; among
   * boxes of equal coverage, the densest, then the earliest (`selectPrimBox` with
   * `select: 'max-coverage'`); null if no box reaches the threshold. Coverage never rises while
   * peeling but a peel that removes only non-cases leaves it unchanged and raises the density,
   * so this can be a later box than the first that reaches the threshold: the last of the run
   * of equal-coverage boxes that follows it.
   */
  readonly selected: number | null;
}

/** A candidate peel: new limit on dimension d, and the size of the box it leaves. */
interface Candidate {
  readonly d: number;
  readonly limit: DimensionLimit;
  readonly keep: (value: number) => boolean;
  readonly count: number;
  readonly positives: number;
}

/**
 * True when `value` is a PrimData made by preparePrimData rather than a raw PrimInput.
 *
 * @example
 * isPrimData(preparePrimData(input)); // true
 * isPrimData(input);                  // false
 */
export function isPrimData(value: PrimInput | PrimData): value is PrimData {
  return 'columns' in value && 'initialBox' in value;
}

/**
 * Patient Rule Induction Method (Friedman & Fisher 1999), peeling phase, as the EMA Workbench
 * does it for scenario discovery with a binary outcome.
 *
 * Starting from the box that holds all rows, each step considers, for every dimension, peeling
 * a share α of the box's rows off the bottom and off the top (limits placed by
 * {@link primQuantile}, between distinct data values; for categorical dimensions, removing one
 * category), scores each candidate with the objective (default 'lenient1': gain in density per
 * row removed), and takes the best; exact ties go to the candidate that keeps more dimensions
 * unrestricted, then to the one listed first in the EMA Workbench's order (its stable sort):
 * dimensions in {@link primDimensionOrder} (continuous, then integer, then categorical), the
 * upper-limit peel before the lower one. Peeling stops when the
 * best candidate would leave a mass below massMin, would not shrink the box, or has a
 * non-positive score. With 'lenient1' or 'lenient2' density therefore rises strictly at every
 * step. Each step records coverage, density, mass, the limits and the number of restricted
 * dimensions.
 *
 * Deterministic: no randomness, and the result does not depend on the order of the rows.
 *
 * Throws an {@link AnalysisInputError} for invalid data or options (see preparePrimData and
 * resolvePrimOptions), e.g. `invalid peelAlpha: 0.7 (expected 0 < α < 0.5)`.
 *
 * Cost: O(steps·dims·n log n) with n the rows in the current box; steps ≈ ln(massMin)/ln(1 − α)
 * (≈ 58 with the defaults). References: J. H. Friedman & N. I. Fisher (1999), "Bump hunting in
 * high-dimensional data", Statistics and Computing 9:123–143, §2–3; B. P. Bryant & R. J. Lempert
 * (2010), Technological Forecasting & Social Change 77:34–49 (coverage and density for scenario
 * discovery); J. H. Kwakkel (2017), Environmental Modelling & Software 96:239–250 (EMA Workbench
 * `prim.Prim._peel`).
 *
 * @example
 * const result = prim({ names: ['a'], x: [[0.1], [0.2], [0.3], [0.8], [0.9]], y: [0, 0, 0, 1, 1] }, { peelAlpha: 0.2, massMin: 0.2 });
 * result.trajectory.map((step) => step.density); // [0.4, 0.5, 0.6666666666666666, 1]
 * result.trajectory[3]?.limits;                 // [{ kind: 'interval', lower: 0.55, upper: 0.9 }]
 */
export function prim(input: PrimInput | PrimData, options: PrimOptions = {}): PrimResult {
  const resolved = resolvePrimOptions(options);
  const data = isPrimData(input) ? input : preparePrimData(input);
  const { peelAlpha, massMin, objective } = resolved;
  const dims = data.names.length;

  let limits: BoxLimits = data.initialBox;
  let rows = Int32Array.from({ length: data.rows }, (_, r) => r);
  let positives = countPositives(data, rows);
  const trajectory: PrimStep[] = [primStep(data, 0, 'initial', limits, rows)];

  for (;;) {
    const candidates = peelCandidates(data, limits, rows, peelAlpha);
    if (candidates.length === 0) break;
    const restrictedNow = limits.map((limit, d) => isRestricted(limit, data.initialBox[d] as DimensionLimit));
    const restrictedCount = restrictedNow.filter(Boolean).length;
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    let bestFree = -1;
    for (const candidate of candidates) {
      const score = primObjective(objective, rows.length, positives, candidate.count, candidate.positives);
      const free = dims - restrictedCount - (restrictedNow[candidate.d] ? 0 : 1);
      if (score > bestScore || (score === bestScore && free > bestFree)) {
        best = candidate;
        bestScore = score;
        bestFree = free;
      }
    }
    if (best === undefined) break;
    const massNew = best.count / data.rows;
    if (!(massNew >= massMin && best.count < rows.length && bestScore > 0)) break;
    const chosen = best;
    const column = data.columns[chosen.d] as Float64Array;
    rows = rows.filter((r) => chosen.keep(column[r] as number));
    positives = chosen.positives;
    limits = limits.map((limit, d) => (d === chosen.d ? chosen.limit : limit));
    trajectory.push(primStep(data, trajectory.length, 'peel', limits, rows));
  }

  const selected = selectPrimBox(trajectory, { minDensity: resolved.threshold, select: 'max-coverage' });
  return { data, options: resolved, trajectory, selected };
}

// Every possible peel of the current box, in the EMA Workbench's order (primDimensionOrder),
// upper side before lower.
function peelCandidates(data: PrimData, limits: BoxLimits, rows: Int32Array, alpha: number): Candidate[] {
  const candidates: Candidate[] = [];
  for (const d of primDimensionOrder(data)) {
    const limit = limits[d] as DimensionLimit;
    const column = data.columns[d] as Float64Array;
    const kind = data.kinds[d];
    const consider = (newLimit: DimensionLimit, keep: (value: number) => boolean): void => {
      let count = 0;
      let positives = 0;
      for (const r of rows) {
        if (keep(column[r] as number)) {
          count++;
          positives += data.y[r] as number;
        }
      }
      if (count < rows.length) candidates.push({ d, limit: newLimit, keep, count, positives });
    };
    if (limit.kind === 'categories') {
      if (limit.values.length < 2) continue;
      for (const category of limit.values) {
        consider({ kind: 'categories', values: limit.values.filter((c) => c !== category) }, (value) => value !== category);
      }
      continue;
    }
    const sorted = Float64Array.from(rows, (r) => column[r] as number).sort();
    if (sorted.length === 0 || sorted[0] === sorted[sorted.length - 1]) continue;
    const low = primQuantile(sorted, alpha);
    const high = primQuantile(sorted, 1 - alpha);
    const lowLimit = kind === 'integer' ? firstAtLeast(sorted, low) : low;
    const highLimit = kind === 'integer' ? lastAtMost(sorted, high) : high;
    consider({ kind: 'interval', lower: limit.lower, upper: highLimit }, (value) => value <= high);
    consider({ kind: 'interval', lower: lowLimit, upper: limit.upper }, (value) => value >= low);
  }
  return candidates;
}

/**
 * Smallest value of `sorted` that is ≥ x (x must not exceed the maximum): where an 'integer'
 * limit snaps to.
 *
 * @example
 * firstAtLeast(Float64Array.of(1, 2, 3), 1.5); // 2
 */
export function firstAtLeast(sorted: Float64Array, x: number): number {
  for (const value of sorted) if (value >= x) return value;
  throw new AnalysisInputError('range', ['x'], 'a value ≤ the maximum', x);
}

/**
 * Largest value of `sorted` that is ≤ x (x must not be below the minimum).
 *
 * @example
 * lastAtMost(Float64Array.of(1, 2, 3), 2.5); // 2
 */
export function lastAtMost(sorted: Float64Array, x: number): number {
  for (let i = sorted.length - 1; i >= 0; i--) if ((sorted[i] as number) <= x) return sorted[i] as number;
  throw new AnalysisInputError('range', ['x'], 'a value ≥ the minimum', x);
}
