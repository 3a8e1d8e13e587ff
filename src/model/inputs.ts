import type { Actor, AreaTable } from './areas.js';
import type { FactorId } from './factors.js';
import type { ParameterValues } from './parameters.js';

/**
 * Everything one run needs, resolved: each factor as a value per month, every parameter, the
 * areas. Produced once per ensemble from a validated scenario; the rules only read it.
 */
export interface ModelInputs {
  readonly months: number;
  readonly factors: Readonly<Record<FactorId, Float64Array>>;
  readonly parameters: ParameterValues;
  readonly areas: AreaTable;
  /**
   * Month 0 of every factor under the registry's baseline. Income is scaled against it, so that
   * `extortionIncome` keeps its documented meaning (income under the article's start
   * conditions) in every scenario, and a scenario that frees the roads earns more.
   */
  readonly baselineAtStart: Readonly<Record<FactorId, number>>;
  /**
   * Overrides of the state at month 0, so that a scenario can start in any period (e.g. Jan
   * 2018 for a back-test). Absent (the default): the start is built from the parameters and
   * factors as for mid-2020. See {@link InitialStateOverride}.
   */
  readonly initialState?: InitialStateOverride;
  /**
   * What a scenario schedules besides its factors: force levels by actor, prison breaks,
   * foreign-fighter influxes, leadership decapitations and campaigns (see
   * {@link ScheduledEvents}). Absent: nothing is scheduled.
   */
  readonly events?: ScheduledEvents;
}

/**
 * A run whose world changes: events and force levels a scenario schedules by month, resolved
 * to the model's indices (areas in `areas` order). Validated by `src/scenario/events.ts`.
 */
export interface ScheduledEvents {
  /** Share of coordination lost in each month by a scheduled decapitation (combined as 1 − Π(1 − s)). */
  readonly coordinationLost: Float64Array;
  /** Campaign intensity scheduled in each month (0 = none), on top of the `isisCampaign` factor (the larger wins). */
  readonly campaign: Float64Array;
  /** Breaks at a named detention site: between `low` and `high` detainees freed (uniform, drawn per run). */
  readonly prisonBreaks: readonly { readonly month: number; readonly area: number; readonly low: number; readonly high: number }[];
  /** Foreign fighters arriving in an area in a month. */
  readonly influxes: readonly { readonly month: number; readonly area: number; readonly fighters: number }[];
  /**
   * Multipliers of each actor's mapped personnel, per month and area (`scale[month * areas + a]`);
   * absent for an actor whose level is never changed.
   */
  readonly forceScale: Readonly<Partial<Record<Actor, Float64Array>>>;
  /**
   * Personnel a scheduled `control` event gives each actor, per month and area
   * (`personnel[month * areas + a]`), replacing the mapped personnel there (NaN = as mapped);
   * `forceScale` still multiplies it. Absent (or absent for an actor): nothing replaced.
   */
  readonly forcePersonnel?: Readonly<Partial<Record<Actor, Float64Array>>>;
}

/**
 * What a scenario's `initialState` sets, resolved to per-area columns (in `areas` order). Every
 * field is optional; a missing one keeps the default start of `createInitialState`. Security
 * personnel by actor ("control") are not here: they are part of `areas`.
 */
export interface InitialStateOverride {
  /** Total fighters, split over areas as the default start splits `initialFighters`. */
  readonly totalFighters?: number;
  /** Fighters per area (whole numbers); takes precedence over `totalFighters`. */
  readonly fightersByArea?: Float64Array;
  /** Central reserves at the start, USD (instead of the `warChest` factor). */
  readonly reservesUsd?: number;
  /** Detainees held in total, split by each area's detainee share (instead of `detaineesHeld`). */
  readonly totalDetainees?: number;
  /** Detainees per area; takes precedence over `totalDetainees`. */
  readonly detaineesByArea?: Float64Array;
  /** ISIS coordination at the start (1 = intact leadership). */
  readonly coordination?: number;
  /** ISIS's network capacity at the start (1 = rebuilt after the loss of territory). */
  readonly networkCapacity?: number;
  /** Iraqi force effectiveness relative to Mar 2020 at the start. */
  readonly iraqiForceQuality?: number;
}
