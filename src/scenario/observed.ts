import type { ObservableId } from '../model/observables.js';
import type { ScenarioIssue } from './issues.js';

/**
 * Which count a series is: one of the three counts of violence (never mixed; see data/README.md),
 * or estimates of strength or of the reserves (the war chest).
 */
export type ObservedKind = 'attacks' | 'incidents' | 'claims' | 'strength' | 'reserves';

/**
 * The observables each kind of count may be compared with. Press-reported incidents count more
 * than ISIS's attacks (other groups, crime, unattributed violence) and less (what reaches the
 * press), so they are compared with the attack observables only through an observation model
 * that says how many incidents one attack makes (`observation.scale`).
 */
export const OBSERVABLES_BY_KIND: Readonly<Record<ObservedKind, readonly ObservableId[]>> = {
  attacks: ['attacksIraq', 'attacksSyria', 'attacks'],
  claims: ['claimedAttacks', 'claimedAttacksIraq', 'claimedAttacksSyria'],
  incidents: ['attacksIraq', 'attacksSyria', 'attacks'],
  strength: ['fighters', 'fightersIraq', 'fightersSyria'],
  reserves: ['reserves'],
};

/** The kinds whose counts are only comparable with the model's through an observation model. */
const NEEDS_OBSERVATION_MODEL: readonly ObservedKind[] = ['incidents'];

/** Observables that are levels at the end of a month (stocks), not counts over it. */
const LEVEL_OBSERVABLES: readonly ObservableId[] = ['fighters', 'fightersIraq', 'fightersSyria', 'reserves', 'areasOperating', 'areasHeld', 'areasCollapsed', 'areasHiding'];

/** How a source's numbers relate to the model's: reported = scale × model × noise. */
export interface ObservationModel {
  /** Reported per model count, [low, high] (equal for a known scale), drawn log-uniformly per run. */
  readonly scale: readonly [number, number];
  /** Coefficient of variation of each point's reporting error (gamma, mean 1). */
  readonly noiseCv: number;
  readonly source: string;
}

/** An observation model as written in a scenario file. */
export interface ObservationModelSpec {
  readonly scale: number | readonly [number, number];
  readonly noiseCv?: number;
  readonly source: string;
}

/** One observed number: the total of months `fromMonth … toMonth` (inclusive; equal for a monthly value). */
export interface ObservedSeriesPoint {
  readonly fromMonth: number;
  readonly toMonth: number;
  readonly value: number;
  /** "2018-03" or "2018-01..2018-12". */
  readonly label: string;
  /** The point's own source, else the series'. */
  readonly source: string;
}

/** An observed series, resolved to month indices of the scenario's horizon. */
export interface ObservedSeries {
  readonly series: ObservableId;
  readonly kind: ObservedKind;
  readonly source: string;
  readonly note?: string;
  /** How the source counts relative to the model; absent: the source counts what the model counts. */
  readonly observation?: ObservationModel;
  readonly points: readonly ObservedSeriesPoint[];
}

/** An observed series as written in a scenario file (after the shape check). */
export interface ObservedSeriesSpec {
  readonly series: ObservableId;
  readonly kind: ObservedKind;
  readonly source: string;
  readonly note?: string;
  readonly observation?: ObservationModelSpec;
  readonly points: readonly (
    | { readonly month: string; readonly value: number; readonly source?: string }
    | { readonly from: string; readonly to: string; readonly total: number; readonly source?: string }
  )[];
}

/**
 * Month index of a YYYY-MM label relative to a start label (0 = the start).
 *
 * @example
 * monthIndex('2018-01', '2019-03'); // 14
 */
export function monthIndex(start: string, label: string): number {
  const [y0, m0] = start.split('-').map(Number) as [number, number];
  const [y, m] = label.split('-').map(Number) as [number, number];
  return (y - y0) * 12 + (m - m0);
}

/**
 * Checks and resolves a scenario's observed series. Each kind of count maps to its own
 * observables — attack-dataset counts to `attacksIraq`, `attacksSyria` or `attacks`, ISIS
 * claims to `claimedAttacks`, strength estimates to `fighters` — and press-reported incidents,
 * a third count of violence, reach the attack observables only through an observation model
 * (a scale and a noise, with their source); comparing a series with another kind's observable
 * mixes counts and is an issue (the brief's data notes: never mix them). A level (fighters)
 * is compared month by month, never as a period's total. Every point must lie inside the horizon,
 * a period must not end before it starts, and the points of one series must not overlap
 * (a month counted twice).
 *
 * Cost: O(points log points).
 *
 * @example
 * const r = resolveObserved([{ series: 'attacksIraq', kind: 'attacks', source: 'Knights & Almeida 2020',
 *   points: [{ from: '2018-01', to: '2018-12', total: 1470 }] }], { start: '2018-01', months: 24 });
 * r.ok && r.value[0].points[0]; // { fromMonth: 0, toMonth: 11, value: 1470, label: '2018-01..2018-12', source: 'Knights & Almeida 2020' }
 */
export function resolveObserved(
  list: readonly ObservedSeriesSpec[],
  options: { readonly start: string; readonly months: number },
): { ok: true; value: ObservedSeries[] } | { ok: false; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  const value: ObservedSeries[] = [];
  const last = options.months - 1;
  list.forEach((entry, i) => {
    const path = ['observed', i];
    const allowed = OBSERVABLES_BY_KIND[entry.kind];
    if (!allowed.includes(entry.series)) {
      const what = { attacks: 'attack-dataset counts', incidents: 'press-reported incidents', claims: 'ISIS claims', strength: 'strength estimates', reserves: 'reserve estimates' }[entry.kind];
      const message = `series "${entry.series}" cannot hold ${what}: that would mix kinds of count (${entry.kind} → ${allowed.join(', ')})`;
      issues.push({ code: 'mixed-kinds', path: [...path, 'kind'], message, expected: allowed.join(', '), received: `${entry.kind} → ${entry.series}` });
      return;
    }
    if (NEEDS_OBSERVATION_MODEL.includes(entry.kind) && entry.observation === undefined) {
      issues.push({
        code: 'observation-model-missing',
        path: [...path, 'observation'],
        message: `press-reported incidents are a different count from the model's attacks: say how many incidents one attack makes, with its source (e.g. "observation": { "scale": [1, 3], "noiseCv": 0.2, "source": "…" })`,
        expected: '{ scale, noiseCv?, source }',
        received: 'nothing',
      });
      return;
    }
    const scale = entry.observation === undefined ? undefined : typeof entry.observation.scale === 'number' ? [entry.observation.scale, entry.observation.scale] : entry.observation.scale;
    if (scale !== undefined && (scale[1] as number) < (scale[0] as number)) {
      issues.push({ code: 'observation-scale-order', path: [...path, 'observation', 'scale'], message: `the scale's high end (${scale[1]}) is below its low end (${scale[0]})`, expected: '[low, high] with low ≤ high', received: JSON.stringify(scale) });
      return;
    }
    const level = LEVEL_OBSERVABLES.includes(entry.series);
    const points: ObservedSeriesPoint[] = [];
    entry.points.forEach((point, j) => {
      const at = [...path, 'points', j];
      const range = 'month' in point ? { from: point.month, to: point.month, value: point.value } : { from: point.from, to: point.to, value: point.total };
      const fromMonth = monthIndex(options.start, range.from);
      const toMonth = monthIndex(options.start, range.to);
      const outside = (month: number, key: string, label: string) => {
        if (month >= 0 && month <= last) return false;
        issues.push({
          code: 'observed-outside-horizon',
          path: [...at, key],
          message: `${label} is outside the scenario's horizon (${options.start} plus ${options.months} months, month ${month} of 0–${last})`,
          expected: `a month in 0–${last}`,
          received: label,
        });
        return true;
      };
      if ('month' in point) {
        if (outside(fromMonth, 'month', point.month)) return;
      } else if (level) {
        issues.push({
          code: 'observed-level-period',
          path: at,
          message: `"${entry.series}" is a level at the end of a month, not a count over a period: give it as { "month": "YYYY-MM", "value": … } (the month the estimate describes)`,
          expected: '{ month, value }',
          received: `{ from: ${point.from}, to: ${point.to} }`,
        });
        return;
      } else {
        if (outside(fromMonth, 'from', point.from) || outside(toMonth, 'to', point.to)) return;
        if (toMonth < fromMonth) {
          issues.push({ code: 'observed-order', path: [...at, 'to'], message: `the period ends (${point.to}) before it starts (${point.from})`, expected: `≥ ${point.from}`, received: point.to });
          return;
        }
      }
      const label = fromMonth === toMonth && 'month' in point ? range.from : `${range.from}..${range.to}`;
      points.push({ fromMonth, toMonth, value: range.value, label, source: point.source ?? entry.source });
    });
    const sorted = points.map((point, j) => ({ point, j })).sort((a, b) => a.point.fromMonth - b.point.fromMonth);
    for (let k = 1; k < sorted.length; k++) {
      const before = sorted[k - 1] as { point: ObservedSeriesPoint; j: number };
      const after = sorted[k] as { point: ObservedSeriesPoint; j: number };
      if (after.point.fromMonth <= before.point.toMonth) {
        issues.push({
          code: 'observed-overlap',
          path: [...path, 'points', after.j],
          message: `${after.point.label} overlaps ${before.point.label} (point ${before.j}): a month would be counted twice; put overlapping figures in separate series entries`,
          received: after.point.label,
        });
      }
    }
    const observation = entry.observation === undefined || scale === undefined ? undefined : { scale: [scale[0], scale[1]] as const, noiseCv: entry.observation.noiseCv ?? 0, source: entry.observation.source };
    value.push({
      series: entry.series,
      kind: entry.kind,
      source: entry.source,
      ...(entry.note === undefined ? {} : { note: entry.note }),
      ...(observation === undefined ? {} : { observation }),
      points,
    });
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}
