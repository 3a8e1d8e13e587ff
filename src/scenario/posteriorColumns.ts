import type { InitialStateOverride } from '../model/inputs.js';
import { PARAMETERS_BY_ID, type ParameterId } from '../model/parameters.js';

/**
 * What a posterior column (and a calibrated quantity) may be besides a model parameter: a scalar
 * of the start, written `initialState.<field>` as in a scenario's `initialState`. A back-test of a
 * period nobody has set up before knows its start least well (how much of its network ISIS had
 * left in Jan 2018, how much money it held), so the start must be calibratable like a parameter.
 * Counts by area and area control are not: ABC here calibrates continuous scalars.
 */
export const INITIAL_STATE_COLUMNS = {
  'initialState.networkCapacity': { field: 'networkCapacity', range: [0, 1], unit: 'share of the rebuilt network' },
  'initialState.coordination': { field: 'coordination', range: [0, 1], unit: 'share of intact coordination' },
  'initialState.iraqiForceQuality': { field: 'iraqiForceQuality', range: [0, 2], unit: 'relative to Mar 2020' },
  'initialState.reserves': { field: 'reserves', range: [0, 1000], unit: 'million USD' },
} as const satisfies Record<string, { field: string; range: readonly [number, number]; unit: string }>;

/** The id of an initial-state column, e.g. "initialState.networkCapacity". */
export type InitialStateColumnId = keyof typeof INITIAL_STATE_COLUMNS;

/** A column of a posterior: a model parameter or an initial-state scalar. */
export type PosteriorColumnId = ParameterId | InitialStateColumnId;

/** What a column's values must satisfy. */
export interface ColumnDefinition {
  readonly id: string;
  readonly range: readonly [number, number];
  readonly unit: string;
  readonly integer: boolean;
  /** The parameter's default, or undefined for an initial-state column (its default is the scenario's start). */
  readonly value?: number;
}

/** Every id a posterior column may have, parameters first. */
export const POSTERIOR_COLUMN_IDS: readonly string[] = [...Object.keys(PARAMETERS_BY_ID), ...Object.keys(INITIAL_STATE_COLUMNS)];

/**
 * The definition of a column id, or undefined for an unknown one.
 *
 * @example
 * posteriorColumn('attackRate')?.range;                   // [0.01, 0.1]
 * posteriorColumn('initialState.networkCapacity')?.range;  // [0, 1]
 */
export function posteriorColumn(id: string): ColumnDefinition | undefined {
  if (Object.hasOwn(PARAMETERS_BY_ID, id)) {
    const parameter = PARAMETERS_BY_ID[id as ParameterId];
    return { id, range: parameter.range, unit: parameter.unit, integer: parameter.integer, value: parameter.value };
  }
  if (Object.hasOwn(INITIAL_STATE_COLUMNS, id)) {
    const column = INITIAL_STATE_COLUMNS[id as InitialStateColumnId];
    return { id, range: column.range, unit: column.unit, integer: false };
  }
  return undefined;
}

/** True for an `initialState.<field>` column. */
export function isInitialStateColumn(id: string): id is InitialStateColumnId {
  return Object.hasOwn(INITIAL_STATE_COLUMNS, id);
}

/**
 * Splits values by column into scenario JSON: parameters into `parameters`, initial-state
 * columns into `initialState` fields (as written in a scenario file, reserves in million USD).
 *
 * @example
 * scenarioEntriesOf(['attackRate', 'initialState.networkCapacity'], [0.04, 0.3]);
 * // { parameters: { attackRate: 0.04 }, initialState: { networkCapacity: 0.3 } }
 */
export function scenarioEntriesOf(
  ids: readonly string[],
  values: readonly number[],
): { parameters: Record<string, number>; initialState: Record<string, number> } {
  const parameters: Record<string, number> = {};
  const initialState: Record<string, number> = {};
  ids.forEach((id, k) => {
    const value = values[k] as number;
    if (isInitialStateColumn(id)) initialState[INITIAL_STATE_COLUMNS[id].field] = value;
    else parameters[id] = value;
  });
  return { parameters, initialState };
}

/**
 * The model's start override with one initial-state column set (reserves converted to USD).
 * Returns a new object.
 *
 * @example
 * withInitialStateColumn({ totalFighters: 30300 }, 'initialState.reserves', 250); // { totalFighters: 30300, reservesUsd: 250000000 }
 */
export function withInitialStateColumn(override: InitialStateOverride | undefined, id: InitialStateColumnId, value: number): InitialStateOverride {
  const field = INITIAL_STATE_COLUMNS[id].field;
  return field === 'reserves' ? { ...override, reservesUsd: value * 1e6 } : { ...override, [field]: value };
}
