import { countPositives, isRestricted, rowsInBox } from './boxMembership.js';
import { checkBoxLimits } from './checkBoxLimits.js';
import { firstAtLeast, isPrimData, lastAtMost } from './prim.js';
import { preparePrimData } from './preparePrimData.js';
import { resolvePrimOptions } from './primDefaults.js';
import { primDimensionOrder } from './primDimensionOrder.js';
import { primObjective } from './primObjective.js';
import { primQuantile } from './primQuantile.js';
import { primStep } from './primStep.js';
import type { BoxLimits, DimensionLimit, PrimData, PrimInput, PrimOptions, PrimStep } from './primTypes.js';

/** The result of {@link pastePrimBox}. */
export interface PrimPasteResult {
  /** trajectory[0] is the box pasting started from; each later entry is one accepted paste. */
  readonly trajectory: readonly PrimStep[];
  /** The limits of the last box (the pasted box). */
  readonly limits: BoxLimits;
}

/**
 * PRIM's pasting phase (Friedman & Fisher 1999, §2.2) as the EMA Workbench does it: from a box
 * chosen on the peeling trajectory, repeatedly try to widen one restricted limit, and keep the
 * best widening while it raises the density.
 *
 * For an interval limit, the candidate paste on the lower side looks at the rows inside the box
 * on every other dimension and between the initial minimum and the current lower limit on this
 * one (the adjacent slab), and moves the limit down to the (1 − pasteAlpha) quantile of their
 * values ({@link primQuantile}), so that about a share pasteAlpha of the slab joins the box; the
 * upper side mirrors this. For 'integer' dimensions the limit snaps to a data value. For a
 * categorical dimension each missing category is a candidate. Candidates are scored with the
 * objective (default 'lenient1': gain in density per row added); the best is accepted if it adds
 * rows, its score is positive and the density rises. Exact ties go to the candidate that leaves
 * more dimensions unrestricted, then to the one listed first in the EMA Workbench's order:
 * dimensions in {@link primDimensionOrder} (continuous, then integer, then categorical), the
 * lower side before the upper (as `_real_paste`).
 *
 * Deterministic. Throws an {@link AnalysisInputError} for invalid data, options, or limits that
 * do not match the data's dimensions.
 *
 * Cost: O(pastes·dims·rows·dims). References: Friedman & Fisher (1999), §2.2; Kwakkel (2017),
 * EMA Workbench `prim.Prim._paste` and `_real_paste`.
 *
 * @example
 * const peeled = prim(input);
 * const chosen = selectPrimBox(peeled.trajectory, { minCoverage: 0.8 }) ?? 0;
 * const pasted = pastePrimBox(peeled.data, peeled.trajectory[chosen]!.limits);
 * pasted.trajectory.length; // 1 + number of accepted pastes
 */
export function pastePrimBox(input: PrimInput | PrimData, start: BoxLimits, options: PrimOptions = {}): PrimPasteResult {
  const { pasteAlpha, massMin, objective } = resolvePrimOptions(options);
  const data = isPrimData(input) ? input : preparePrimData(input);
  checkBoxLimits(data, start, ['limits']);
  const dims = data.names.length;
  let limits: BoxLimits = start;
  let rows = rowsInBox(data, limits);
  let positives = countPositives(data, rows);
  const trajectory: PrimStep[] = [primStep(data, 0, 'initial', limits, rows)];

  for (;;) {
    let best: { limits: BoxLimits; rows: Int32Array; positives: number } | undefined;
    let bestScore = -Infinity;
    let bestFree = -1;
    for (const candidate of pasteCandidates(data, limits, pasteAlpha)) {
      const candidateRows = rowsInBox(data, candidate);
      const candidatePositives = countPositives(data, candidateRows);
      const score = primObjective(objective, rows.length, positives, candidateRows.length, candidatePositives);
      const stillRestricted = candidate.filter((limit, d) => isRestricted(limit, data.initialBox[d] as DimensionLimit)).length;
      const free = dims - stillRestricted;
      if (score > bestScore || (score === bestScore && free > bestFree)) {
        best = { limits: candidate, rows: candidateRows, positives: candidatePositives };
        bestScore = score;
        bestFree = free;
      }
    }
    if (best === undefined) break;
    const grows = best.rows.length > rows.length;
    const denser = best.positives / best.rows.length > positives / rows.length;
    if (!(grows && denser && bestScore > 0 && best.rows.length / data.rows >= massMin)) break;
    limits = best.limits;
    rows = best.rows;
    positives = best.positives;
    trajectory.push(primStep(data, trajectory.length, 'paste', limits, rows));
  }
  return { trajectory, limits };
}

// Every possible paste of the box, in the EMA Workbench's order (primDimensionOrder), lower side
// before upper.
function pasteCandidates(data: PrimData, limits: BoxLimits, alpha: number): BoxLimits[] {
  const candidates: BoxLimits[] = [];
  const replace = (d: number, limit: DimensionLimit): BoxLimits => limits.map((old, e) => (e === d ? limit : old));
  for (const d of primDimensionOrder(data)) {
    const limit = limits[d] as DimensionLimit;
    const initial = data.initialBox[d] as DimensionLimit;
    if (limit.kind === 'categories' && initial.kind === 'categories') {
      for (const category of initial.values) {
        if (!limit.values.includes(category)) {
          candidates.push(replace(d, { kind: 'categories', values: [...limit.values, category].sort((a, b) => a - b) }));
        }
      }
      continue;
    }
    if (limit.kind !== 'interval' || initial.kind !== 'interval') continue;
    const column = data.columns[d] as Float64Array;
    const integer = data.kinds[d] === 'integer';
    if (limit.lower > initial.lower) {
      const slab = slabValues(data, replace(d, { kind: 'interval', lower: initial.lower, upper: limit.lower }), column);
      let lower = initial.lower;
      if (slab.length > 0) {
        const q = primQuantile(slab, 1 - alpha);
        lower = integer ? firstAtLeast(slab, q) : q;
      }
      candidates.push(replace(d, { kind: 'interval', lower: Math.min(lower, limit.lower), upper: limit.upper }));
    }
    if (limit.upper < initial.upper) {
      const slab = slabValues(data, replace(d, { kind: 'interval', lower: limit.upper, upper: initial.upper }), column);
      let upper = initial.upper;
      if (slab.length > 0) {
        const q = primQuantile(slab, alpha);
        upper = integer ? lastAtMost(slab, q) : q;
      }
      candidates.push(replace(d, { kind: 'interval', lower: limit.lower, upper: Math.max(upper, limit.upper) }));
    }
  }
  return candidates;
}

function slabValues(data: PrimData, slab: BoxLimits, column: Float64Array): Float64Array {
  return Float64Array.from(rowsInBox(data, slab), (r) => column[r] as number).sort();
}
