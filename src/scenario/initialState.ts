import { ACTORS, AREAS_2020, createAreaTable, type Actor, type AreaRecord, type AreaTable } from '../model/areas.js';
import type { InitialStateOverride } from '../model/inputs.js';
import type { ScenarioIssue } from './issues.js';

/** A scenario's `initialState` as written (after the shape check). */
export interface InitialStateSpec {
  readonly fighters?: number | Readonly<Record<string, number | undefined>>;
  readonly fightersRange?: readonly [number, number];
  readonly reserves?: number;
  readonly detainees?: number | Readonly<Record<string, number | undefined>>;
  readonly coordination?: number;
  readonly networkCapacity?: number;
  readonly iraqiForceQuality?: number;
  readonly control?: Readonly<
    Record<string, { readonly holder: Actor; readonly personnel: number; readonly others?: Readonly<Partial<Record<Actor, number>>> } | undefined>
  >;
}

/** The resolved start: the state override for the model and the areas with their security personnel. */
export interface ResolvedInitialState {
  readonly override: InitialStateOverride;
  /** The 2020 areas with `control` applied (the same table when no `control` is given). */
  readonly areas: AreaTable;
  /** `fightersRange`: the [low, high] each run draws its starting total from (see `drawStartingFighters`). */
  readonly fightersRange?: readonly [number, number];
}

/**
 * Resolves a scenario's `initialState` against the 2020 areas (area ids and actors were
 * checked by the shape check, with "did you mean"). Fighters and detainees per area must be
 * whole numbers; reserves are in million USD. `initialState.reserves` and
 * `factors.warChest` (or `detainees` and `factors.detaineesHeld`) set the same quantity, so
 * giving both is an issue. `control` replaces the holder's personnel in the area (and those of
 * any actor in `others`); listing the holder again in `others` is an issue. `fightersRange` must
 * hold low ≤ the start's fighters ≤ high (the nominal start lies in the estimate's range).
 *
 * Cost: O(areas).
 *
 * @example
 * const r = resolveInitialState({ fighters: 30000, reserves: 300 }, { factorsGiven: new Set() });
 * r.ok && r.value.override; // { totalFighters: 30000, reservesUsd: 300000000 }
 */
export function resolveInitialState(
  spec: InitialStateSpec,
  options: {
    readonly factorsGiven: ReadonlySet<string>;
    readonly areas?: AreaTable;
    /** The default start's fighters (the `initialFighters` parameter), which `fightersRange` must contain when `fighters` is not given. */
    readonly defaultFighters?: number;
  },
): { ok: true; value: ResolvedInitialState } | { ok: false; issues: ScenarioIssue[] } {
  const areas = options.areas ?? AREAS_2020;
  const issues: ScenarioIssue[] = [];
  const conflict = (field: string, factor: string) =>
    issues.push({
      code: 'conflict',
      path: ['initialState', field],
      message: `initialState.${field} and factors.${factor} both set the start's ${field}: give only one`,
      received: `initialState.${field} and factors.${factor}`,
    });
  if (spec.reserves !== undefined && options.factorsGiven.has('warChest')) conflict('reserves', 'warChest');
  if (spec.detainees !== undefined && options.factorsGiven.has('detaineesHeld')) conflict('detainees', 'detaineesHeld');

  const byArea = (field: 'fighters' | 'detainees'): Float64Array | undefined => {
    const value = spec[field];
    if (value === undefined || typeof value === 'number') return undefined;
    const column = new Float64Array(areas.count);
    areas.records.forEach((area, a) => {
      const count = value[area.id];
      if (count === undefined) return;
      if (!Number.isInteger(count)) {
        issues.push({ code: 'not-integer', path: ['initialState', field, area.id], message: `expected a whole number of ${field}, received ${count}`, expected: 'an integer', received: String(count) });
      }
      column[a] = count;
    });
    return column;
  };
  const total = (field: 'fighters' | 'detainees'): number | undefined => {
    const value = spec[field];
    if (typeof value !== 'number') return undefined;
    if (!Number.isInteger(value)) {
      issues.push({ code: 'not-integer', path: ['initialState', field], message: `expected a whole number of ${field}, received ${value}`, expected: 'an integer', received: String(value) });
    }
    return value;
  };
  const fightersByArea = byArea('fighters');
  const totalFighters = total('fighters');
  const detaineesByArea = byArea('detainees');
  const totalDetainees = total('detainees');

  let table = areas;
  if (spec.control !== undefined) {
    const records: AreaRecord[] = areas.records.map((area) => {
      const control = spec.control?.[area.id];
      if (control === undefined) return area;
      if (control.others?.[control.holder] !== undefined) {
        issues.push({
          code: 'conflict',
          path: ['initialState', 'control', area.id, 'others', control.holder],
          message: `${control.holder} is the holder of ${area.id}: set its personnel in "personnel", not in "others"`,
          received: control.holder,
        });
      }
      const security = { ...area.security } as Record<Actor, number>;
      for (const actor of ACTORS) {
        const other = control.others?.[actor];
        if (other !== undefined) security[actor] = other;
      }
      security[control.holder] = control.personnel;
      return { ...area, security };
    });
    table = createAreaTable(records);
  }
  const range = spec.fightersRange;
  if (range !== undefined) {
    const [low, high] = range;
    const nominal = fightersByArea ? fightersByArea.reduce((sum, count) => sum + count, 0) : (totalFighters ?? options.defaultFighters);
    if (low > high) {
      issues.push({ code: 'inverted-range', path: ['initialState', 'fightersRange'], message: `expected [low, high] with low ≤ high, received [${low}, ${high}]`, expected: 'low ≤ high', received: `[${low}, ${high}]` });
    } else if (nominal !== undefined && (nominal < low || nominal > high)) {
      issues.push({
        code: 'outside-range',
        path: ['initialState', 'fightersRange'],
        message: `the start's fighters (${nominal}${fightersByArea ? ', summed over areas' : spec.fighters === undefined ? ', the default start' : ''}) must lie in fightersRange, received [${low}, ${high}]`,
        expected: `low ≤ ${nominal} ≤ high`,
        received: `[${low}, ${high}]`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const override: InitialStateOverride = {
    ...(totalFighters === undefined ? {} : { totalFighters }),
    ...(fightersByArea === undefined ? {} : { fightersByArea }),
    ...(spec.reserves === undefined ? {} : { reservesUsd: spec.reserves * 1e6 }),
    ...(totalDetainees === undefined ? {} : { totalDetainees }),
    ...(detaineesByArea === undefined ? {} : { detaineesByArea }),
    ...(spec.coordination === undefined ? {} : { coordination: spec.coordination }),
    ...(spec.networkCapacity === undefined ? {} : { networkCapacity: spec.networkCapacity }),
    ...(spec.iraqiForceQuality === undefined ? {} : { iraqiForceQuality: spec.iraqiForceQuality }),
  };
  return { ok: true, value: { override, areas: table, ...(range === undefined ? {} : { fightersRange: range }) } };
}
