import type { BacktestPoint } from './coverage.js';

/** A naive forecast's skill comparison on the points it can forecast. */
export interface NaiveSkill {
  /** CRPS skill score 1 − CRPS_model / CRPS_naive, mean CRPS over `points`: > 0 the model beats the naive forecast, 1 is perfect, < 0 worse. NaN when no point can be forecast. */
  readonly score: number;
  /** The labels of the points scored (those with enough earlier observations). */
  readonly points: readonly string[];
  /** Mean CRPS of the model over those points. */
  readonly modelCrps: number;
  /** Mean CRPS (absolute error: a single-valued forecast) of the naive forecast over those points. */
  readonly naiveCrps: number;
}

/** The CRPS skill of the model against two naive forecasts. */
export interface CrpsSkill {
  /** Persistence: the monthly level of the latest earlier observation, held. */
  readonly persistence: NaiveSkill;
  /** Trend: the change between the two latest earlier observations, extrapolated (never below 0). */
  readonly trend: NaiveSkill;
}

/**
 * CRPS skill scores of an ensemble against two naive forecasts of the same observed points:
 * persistence (the monthly rate of the latest observation that ends before the point starts,
 * times the point's months) and trend (the rate change between the two latest such
 * non-overlapping observations, per month between their midpoints, extrapolated to the point's
 * midpoint and floored at 0 — "last year's trend" for yearly points). Both are single values,
 * whose CRPS is the absolute error. SS = 1 − mean CRPS_model / mean CRPS_naive over the points
 * the naive forecast can make (Gneiting & Raftery 2007, §2.4 on skill scores; Wilks 2011,
 * "Statistical Methods in the Atmospheric Sciences", §8.4).
 *
 * A demanding comparison: each naive forecast is updated with every earlier observation, while
 * the model forecasts every point from month 0. With `scoreAfter` (a forecast origin's month),
 * only points that start after it are scored; earlier ones still feed the naive forecasts.
 *
 * Cost: O(points²).
 *
 * @example
 * // 2018: 1470, 2019: 1669, 2020 Q1: 566; the model's CRPS per point [200, 150, 60]
 * crpsSkill(points, [200, 150, 60]).persistence;
 * // { score: 1 − 105/((|1470 − 1669| + |1669/4 − 566|)/2) = 0.38…, points: ['2019', '2020 Q1'], … }
 */
export function crpsSkill(points: readonly BacktestPoint[], modelCrps: readonly number[], options: { readonly scoreAfter?: number } = {}): CrpsSkill {
  if (modelCrps.length !== points.length) throw new RangeError(`invalid modelCrps: length ${modelCrps.length} (expected one per point, ${points.length})`);
  const rate = (p: BacktestPoint) => p.value / (p.toMonth - p.fromMonth + 1);
  const length = (p: BacktestPoint) => p.toMonth - p.fromMonth + 1;
  const middle = (p: BacktestPoint) => (p.fromMonth + p.toMonth) / 2;
  const label = (p: BacktestPoint) => p.label ?? `months ${p.fromMonth}–${p.toMonth}`;
  /** The latest observation ending before `before` (the longest on a tie), if any. */
  const latestBefore = (before: number): BacktestPoint | undefined =>
    points
      .filter((p) => p.toMonth < before)
      .sort((a, b) => b.toMonth - a.toMonth || length(b) - length(a))[0];
  const persistence: { label: string; naive: number; model: number }[] = [];
  const trend: { label: string; naive: number; model: number }[] = [];
  points.forEach((point, i) => {
    // Before a forecast origin a point is history: the naive forecasts use it, nobody is scored on it.
    if (options.scoreAfter !== undefined && point.fromMonth <= options.scoreAfter) return;
    const last = latestBefore(point.fromMonth);
    if (!last) return;
    const model = modelCrps[i] as number;
    persistence.push({ label: label(point), naive: Math.abs(rate(last) * length(point) - point.value), model });
    const before = latestBefore(last.fromMonth);
    if (!before) return;
    const slope = (rate(last) - rate(before)) / (middle(last) - middle(before));
    const forecast = Math.max(0, rate(last) + slope * (middle(point) - middle(last))) * length(point);
    trend.push({ label: label(point), naive: Math.abs(forecast - point.value), model });
  });
  return { persistence: skill(persistence), trend: skill(trend) };
}

function skill(rows: readonly { label: string; naive: number; model: number }[]): NaiveSkill {
  if (rows.length === 0) return { score: NaN, points: [], modelCrps: NaN, naiveCrps: NaN };
  const modelCrps = rows.reduce((s, r) => s + r.model, 0) / rows.length;
  const naiveCrps = rows.reduce((s, r) => s + r.naive, 0) / rows.length;
  return { score: naiveCrps > 0 ? 1 - modelCrps / naiveCrps : modelCrps > 0 ? -Infinity : NaN, points: rows.map((r) => r.label), modelCrps, naiveCrps };
}
