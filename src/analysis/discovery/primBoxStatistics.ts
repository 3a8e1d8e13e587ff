import { countPositives, isRestricted, rowsInBox } from './boxMembership.js';
import { binomialUpperTail } from './binomialUpperTail.js';
import { checkBoxLimits } from './checkBoxLimits.js';
import { isPrimData } from './prim.js';
import { preparePrimData } from './preparePrimData.js';
import type { BoxLimits, DimensionKind, DimensionLimit, PrimData, PrimInput } from './primTypes.js';

/** One restricted dimension of a box, with its quasi-p-values. */
export interface RestrictedDimension {
  readonly name: string;
  readonly kind: DimensionKind;
  /** The box's limit on this dimension. */
  readonly limit: DimensionLimit;
  /** The initial box's limit (the whole range, or every category). */
  readonly initial: DimensionLimit;
  /** Quasi-p-value of the lower limit (null if the lower side is not restricted or the dimension is categorical). */
  readonly qpLower: number | null;
  /** Quasi-p-value of the upper limit (null if the upper side is not restricted or the dimension is categorical). */
  readonly qpUpper: number | null;
  /** The largest quasi-p-value of this dimension (for categories, the only one): how dispensable it is. */
  readonly qp: number;
}

/** Coverage, density and mass of a box, and its restricted dimensions with quasi-p-values. */
export interface PrimBoxStatistics {
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  readonly count: number;
  readonly positives: number;
  /** Restricted dimensions in dimension order. */
  readonly restricted: readonly RestrictedDimension[];
}

/**
 * The statistics of one box: coverage (its share of all cases of interest), density (the share
 * of its rows that are of interest), mass (its share of all rows) and, per restricted dimension
 * and side, a quasi-p-value as the EMA Workbench computes it (Bryant & Lempert 2010, §3.3):
 *
 * Drop that one restriction (reset the side to the initial limit, or, for a categorical
 * dimension, readmit every category) and let p = H′/T′ be the density of the widened box. Then
 * qp = P(X ≥ H) for X ~ Binomial(T, p), where T and H are the rows and cases of interest of the
 * box itself: how likely a density at least this high would be if the restriction added nothing.
 * Small qp (e.g. < 0.05) marks a restriction that matters; a large one a candidate to drop. It
 * is "quasi" because the box was chosen from the same data, so it is not a valid significance
 * level, only a screening statistic.
 *
 * Throws an {@link AnalysisInputError} for invalid data or limits that do not match the data.
 *
 * Cost: O((1 + 2·restricted)·rows·dims). References: B. P. Bryant & R. J. Lempert (2010),
 * Technological Forecasting & Social Change 77:34–49; EMA Workbench
 * `PrimBox._calculate_quasi_p` and `scenario_discovery_util._calculate_quasip` (Kwakkel 2017).
 *
 * @example
 * // 3,000 rows, y = 1 inside x1 ∈ [0.2, 0.6] × x2 ∈ [0.5, 0.9], 2% label noise (see the tests)
 * const result = prim({ names, x, y });
 * const stats = primBoxStatistics(result.data, result.trajectory[result.selected!]!.limits);
 * stats.restricted.map((r) => [r.name, r.qp]); // [['x1', 6.5e-46], ['x2', 9.4e-20]]
 */
export function primBoxStatistics(input: PrimInput | PrimData, limits: BoxLimits): PrimBoxStatistics {
  const data = isPrimData(input) ? input : preparePrimData(input);
  checkBoxLimits(data, limits, ['limits']);
  const rows = rowsInBox(data, limits);
  const count = rows.length;
  const positives = countPositives(data, rows);
  const quasiP = (widened: DimensionLimit, d: number): number => {
    const wideRows = rowsInBox(data, limits.map((limit, e) => (e === d ? widened : limit)));
    const p = countPositives(data, wideRows) / wideRows.length;
    return binomialUpperTail(positives, count, p);
  };
  const restricted: RestrictedDimension[] = [];
  limits.forEach((limit, d) => {
    const initial = data.initialBox[d] as DimensionLimit;
    if (!isRestricted(limit, initial)) return;
    let qpLower: number | null = null;
    let qpUpper: number | null = null;
    let qp: number;
    if (limit.kind === 'interval' && initial.kind === 'interval') {
      if (limit.lower > initial.lower) qpLower = quasiP({ kind: 'interval', lower: initial.lower, upper: limit.upper }, d);
      if (limit.upper < initial.upper) qpUpper = quasiP({ kind: 'interval', lower: limit.lower, upper: initial.upper }, d);
      qp = Math.max(qpLower ?? -Infinity, qpUpper ?? -Infinity);
    } else {
      qp = quasiP(initial, d);
    }
    restricted.push({ name: data.names[d] as string, kind: data.kinds[d] as DimensionKind, limit, initial, qpLower, qpUpper, qp });
  });
  return {
    coverage: positives / data.positives,
    density: count === 0 ? 0 : positives / count,
    mass: count / data.rows,
    count,
    positives,
    restricted,
  };
}
