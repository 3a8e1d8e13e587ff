import type { ModelInputs } from './inputs.js';
import { EVENT_IDS, OBSERVABLE_IDS } from './observables.js';
import { startingIntelligence } from './rules/intelligence.js';
import { POSTURE, type Posture } from './rules/posture.js';

/**
 * The mutable state of one run. Cells are agents stored as columns (structure of arrays) with
 * spare capacity; per-area arrays are allocated once. Rules update it in place.
 */
export interface ModelState {
  /** Number of live cells; cells 0 … cellCount − 1 are valid. */
  cellCount: number;
  cellArea: Int32Array;
  cellFighters: Int32Array;
  /** Cash a cell holds, USD. */
  cellCash: Float64Array;
  /** 1 when the cell hid this month. */
  cellHiding: Uint8Array;
  /** Central reserves, USD. */
  reserves: number;
  /** ISIS coordination, 1 = intact leadership. */
  coordination: number;
  /** ISIS's clandestine network (cells, couriers, safe houses) as a share of what it rebuilds to, 1 = rebuilt. */
  networkCapacity: number;
  /** Iraqi force effectiveness relative to Mar 2020 (eroded while training is suspended). */
  iraqiForceQuality: number;
  /** Each area's intelligence on ISIS cells, 0–1 (see `stepIntelligence`). */
  intelligence: Float64Array;
  /** Each area's intelligence at the start, the level the loss hazard is calibrated at (shared, read-only). */
  readonly intelligenceReference: Float64Array;
  /** ISIS's organisational posture this month (see `stepPosture`). */
  posture: Posture;
  /** The campaign intensity of a surge month (factor `isisCampaign`), 0 otherwise. */
  campaign: number;
  /** Consecutive months ISIS has lain low, up to this one (0 when not lying low). */
  lowMonths: number;
  /** Months left of a rebound campaign (see `stepPosture`), 0 when none is under way. */
  reboundLeft: number;
  /** Detainees still held per area. */
  detainees: Float64Array;
  /** Camp residents who have left each area's camps so far. */
  campEscaped: Float64Array;
  /** Fighters per area, refreshed by `countFightersByArea`. */
  areaFighters: Float64Array;
  /** Consecutive months each area has been held. */
  heldStreak: Int32Array;
  /**
   * Morale (cohesion) of each area's security forces, 0–1, 1 = intact (see `stepContest`). It
   * only changes anything when it falls below `collapseThreshold`.
   */
  defenderMorale: Float64Array;
  /** Months each area's security forces still stay withdrawn after a collapse (0 = present). */
  withdrawnMonths: Int32Array;
  /** Collapses so far in this run, all areas together (see `stepContest`). */
  collapses: number;
  /** This month's tallies, one slot per observable (see OBSERVABLE_INDEX). */
  readonly month: Float64Array;
  /** First month of each event, or −1 while it has not happened. */
  readonly firstEventMonth: Int32Array;
}

/**
 * The state at month 0: fighters spread over areas by the initial presence weights, grouped in
 * cells of `fightersPerCell`; reserves from the war chest; detainees split over detention areas.
 * A scenario's `initialState` (`inputs.initialState`) replaces any of these, and coordination,
 * network capacity and Iraqi force quality, so that a run can start in another period.
 * Deterministic: the start involves no randomness.
 *
 * @example
 * createInitialState(inputs).reserves; // 100000000 (the baseline war chest, $100M)
 * createInitialState({ ...inputs, initialState: { reservesUsd: 3e8 } }).reserves; // 300000000
 */
export function createInitialState(inputs: ModelInputs): ModelState {
  const { areas, parameters: p, factors } = inputs;
  const start = inputs.initialState;
  const totalFighters = Math.round(start?.totalFighters ?? p.initialFighters);
  const fightersPerArea = new Int32Array(areas.count);
  for (let a = 0; a < areas.count; a++) {
    const countryShare = areas.isIraq[a] ? p.iraqShareOfFighters : 1 - p.iraqShareOfFighters;
    fightersPerArea[a] = start?.fightersByArea
      ? Math.round(start.fightersByArea[a] as number)
      : Math.round(totalFighters * countryShare * (areas.initialPresenceWeight[a] as number));
  }
  const totalDetainees = start?.totalDetainees ?? (factors.detaineesHeld[0] as number);
  const cellSize = Math.max(1, Math.round(p.fightersPerCell));
  let cellsNeeded = 0;
  for (const fighters of fightersPerArea) cellsNeeded += Math.ceil(fighters / cellSize);
  const capacity = Math.max(64, cellsNeeded * 4);
  const state: ModelState = {
    cellCount: 0,
    cellArea: new Int32Array(capacity),
    cellFighters: new Int32Array(capacity),
    cellCash: new Float64Array(capacity),
    cellHiding: new Uint8Array(capacity),
    reserves: start?.reservesUsd ?? (factors.warChest[0] as number) * 1e6,
    coordination: start?.coordination ?? 1,
    networkCapacity: start?.networkCapacity ?? 1,
    iraqiForceQuality: start?.iraqiForceQuality ?? 1,
    intelligence: Float64Array.from(startingIntelligence(inputs)),
    intelligenceReference: startingIntelligence(inputs),
    posture: POSTURE.sustain,
    campaign: 0,
    lowMonths: 0,
    reboundLeft: 0,
    detainees: start?.detaineesByArea
      ? Float64Array.from(start.detaineesByArea, (count) => Math.round(count))
      : Float64Array.from(areas.detaineeShare, (share) => Math.round(share * totalDetainees)),
    campEscaped: new Float64Array(areas.count),
    areaFighters: new Float64Array(areas.count),
    heldStreak: new Int32Array(areas.count),
    defenderMorale: new Float64Array(areas.count).fill(1),
    withdrawnMonths: new Int32Array(areas.count),
    collapses: 0,
    month: new Float64Array(OBSERVABLE_IDS.length),
    firstEventMonth: new Int32Array(EVENT_IDS.length).fill(-1),
  };
  for (let a = 0; a < areas.count; a++) {
    let remaining = fightersPerArea[a] as number;
    while (remaining > 0) {
      const size = Math.min(cellSize, remaining);
      addCell(state, a, size, 0);
      remaining -= size;
    }
  }
  return state;
}

/** Appends a cell, growing the columns (doubling) when full. Mutates `state`. */
export function addCell(state: ModelState, area: number, fighters: number, cash: number): void {
  if (state.cellCount === state.cellArea.length) growCells(state);
  const index = state.cellCount++;
  state.cellArea[index] = area;
  state.cellFighters[index] = fighters;
  state.cellCash[index] = cash;
  state.cellHiding[index] = 0;
}

function growCells(state: ModelState): void {
  const capacity = state.cellArea.length * 2;
  const grow = <T extends Int32Array | Float64Array | Uint8Array>(old: T, next: T): T => {
    next.set(old);
    return next;
  };
  state.cellArea = grow(state.cellArea, new Int32Array(capacity));
  state.cellFighters = grow(state.cellFighters, new Int32Array(capacity));
  state.cellCash = grow(state.cellCash, new Float64Array(capacity));
  state.cellHiding = grow(state.cellHiding, new Uint8Array(capacity));
}
