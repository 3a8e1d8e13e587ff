import type { RandomSource } from '../../rng/randomSource.js';
import type { CivilViolenceInputs } from './inputs.js';
import { civilViolenceStream } from './civilViolenceStream.js';
import { legitimacyAt } from './inputs.js';
import { placeAgentsInPlace } from './placeAgents.js';
import { pickEmptyCell, pickEmptyInVision } from './pickEmpty.js';
import { EMPTY_CELL, type CivilViolenceState } from './state.js';
import { stepMesaCivilViolenceInPlace } from './stepMesaCivilViolence.js';
import { arrestTarget } from './arrestTarget.js';
import { shuffleOrderInPlace } from './shuffleOrderInPlace.js';
import { shiftVisionCountInPlace } from './visionCounts.js';

/**
 * The random streams of the model, one per mechanism, so that changing one mechanism never
 * shifts another's draws: initial cells, citizen traits (H, R), activation order, movement,
 * choice of arrestee, jail terms, and release cells.
 */
export const CIVIL_VIOLENCE_STREAMS = ['placement', 'traits', 'schedule', 'movement', 'arrests', 'jailTerms', 'release'] as const;

/** The observables written each tick, in this order. */
export const CIVIL_VIOLENCE_OBSERVABLES = ['quiescent', 'active', 'jailed', 'arrests', 'legitimacy'] as const;

/**
 * Advances the civil violence model by one tick, in place, and writes the tick's observables
 * (quiescent, active, jailed, arrests this tick, legitimacy) into `row`.
 *
 * The rules are Epstein's (2002, PNAS 99 suppl. 3, pp. 7244–7245) Model I:
 * - every agent (citizens, jailed ones included, and cops) is activated once per tick in a fresh
 *   uniformly random order (random asynchronous activation, as Mesa's `shuffle_do` and NetLogo's
 *   `ask turtles`); each activation sees the changes made by those before it;
 * - rule M first (as NetLogo's Rebellion applies M, then A or C, per agent): a free citizen or a
 *   cop moves to a uniformly random empty cell in vision, if there is one (Mesa applies the same
 *   move after deciding instead);
 * - rule A (citizens): G = H(1 − L), P = 1 − exp(−k·r(C/A)), with C the cops and A the actives in
 *   vision counting herself; active iff G − R·P > T;
 * - rule C (cops): arrest a uniformly random active citizen in vision, if any. The arrestee
 *   becomes quiescent, leaves the grid (her cell is free at once) and gets a term J uniform on
 *   0 … J_max (Mesa's `randint(0, max_jail_term)`). A jailed citizen's activation only counts down
 *   (J > 0 → J − 1); at the activation where J = 0 she is released onto a uniformly random empty
 *   cell and applies rule A there, keeping H and R ("emerge as aggrieved as they went in");
 * - at most one agent per cell; jailed citizens are on no cell.
 *
 * The first call places the agents (streams 'placement' and 'traits'), since the engine gives
 * random streams only to `step`.
 *
 * These are the rules of `activation: 'moveFirst'` (the default); with `activation: 'mesa'` the
 * tick is delegated to {@link stepMesaCivilViolenceInPlace} (decide, then move; jailed citizens
 * stay on their cells; counts drawn per cell).
 *
 * Cost: O(agents) per tick plus O(seen) per moving cop, per moving/turning/arrested active
 * citizen and per arrest, in 'incremental' mode; O(agents · seen) in 'scan' mode.
 *
 * @example
 * const row = new Float64Array(5);
 * stepCivilViolenceInPlace(state, inputs, 0, streams, row);
 * row[0] + row[1] + row[2] === state.citizens; // true
 */
export function stepCivilViolenceInPlace(
  state: CivilViolenceState,
  inputs: CivilViolenceInputs,
  tick: number,
  random: Readonly<Record<string, RandomSource>>,
  row: Float64Array,
): void {
  if (inputs.activation === 'mesa') {
    stepMesaCivilViolenceInPlace(state, inputs, tick, random, row);
    return;
  }
  if (!state.placed) placeAgentsInPlace(state, civilViolenceStream(random, 'placement'), civilViolenceStream(random, 'traits'));
  const schedule = civilViolenceStream(random, 'schedule');
  const moveRandom = civilViolenceStream(random, 'movement');
  const arrestRandom = civilViolenceStream(random, 'arrests');
  const jailRandom = civilViolenceStream(random, 'jailTerms');
  const releaseRandom = civilViolenceStream(random, 'release');

  const { agents, citizens, seen, neighbours, grid, position, hardship, riskAversion, active, jailTerm } = state;
  const { copsInVision, activesInVision, arrestProbability, order } = state;
  const stride = seen + 2;
  const legitimacy = legitimacyAt(inputs.legitimacy, tick);
  const oneMinusLegitimacy = 1 - legitimacy;
  const threshold = inputs.threshold;
  const jailChoices = inputs.maxJailTerm + 1;
  const moves = inputs.movement;
  const incremental = inputs.visionCounting === 'incremental';
  let activeCount = state.activeCount;
  let jailedCount = state.jailedCount;
  let arrests = 0;

  // A fresh random activation order (continuing from last tick's order).
  shuffleOrderInPlace(order, agents, schedule);

  for (let n = 0; n < agents; n++) {
    const id = order[n] as number;
    let cell = position[id] as number;
    if (id < citizens) {
      const was = active[id] as number;
      // Whether this citizen's activity is currently counted around `cell`.
      let counted = was === 1;
      if (cell < 0) {
        const remaining = jailTerm[id] as number;
        if (remaining > 0) {
          jailTerm[id] = remaining - 1;
          continue;
        }
        cell = pickEmptyCell(grid, releaseRandom);
        if (cell < 0) continue; // a full grid: stays in jail until a cell frees up
        grid[cell] = id;
        position[id] = cell;
        state.jailed[id] = 0;
        jailedCount--;
      } else if (moves) {
        const target = pickEmptyInVision(state, cell, moveRandom);
        if (target >= 0) {
          if (incremental && counted) shiftVisionCountInPlace(state, activesInVision, cell, -1);
          counted = false;
          grid[cell] = EMPTY_CELL;
          grid[target] = id;
          position[id] = target;
          cell = target;
        }
      }
      let cops: number;
      let actives: number;
      if (incremental) {
        cops = copsInVision[cell] as number;
        actives = activesInVision[cell] as number;
      } else {
        cops = 0;
        actives = 0;
        const base = cell * seen;
        for (let k = 0; k < seen; k++) {
          const other = grid[neighbours[base + k] as number] as number;
          if (other >= citizens) cops++;
          else if (other >= 0 && active[other] === 1) actives++;
        }
      }
      const p = arrestProbability[cops * stride + actives + 1] as number;
      const now = (hardship[id] as number) * oneMinusLegitimacy - (riskAversion[id] as number) * p > threshold ? 1 : 0;
      if (incremental) {
        if (now === 1 && !counted) shiftVisionCountInPlace(state, activesInVision, cell, 1);
        else if (now === 0 && counted) shiftVisionCountInPlace(state, activesInVision, cell, -1);
      }
      if (now !== was) {
        active[id] = now;
        activeCount += now - was;
      }
    } else {
      if (moves) {
        const target = pickEmptyInVision(state, cell, moveRandom);
        if (target >= 0) {
          if (incremental) {
            shiftVisionCountInPlace(state, copsInVision, cell, -1);
            shiftVisionCountInPlace(state, copsInVision, target, 1);
          }
          grid[cell] = EMPTY_CELL;
          grid[target] = id;
          position[id] = target;
          cell = target;
        }
      }
      const target = arrestTarget(state, cell, incremental, arrestRandom);
      if (target >= 0) {
        const other = grid[target] as number;
        active[other] = 0;
        activeCount--;
        if (incremental) shiftVisionCountInPlace(state, activesInVision, target, -1);
        grid[target] = EMPTY_CELL;
        position[other] = -1;
        state.jailed[other] = 1;
        jailTerm[other] = Math.floor(jailRandom() * jailChoices);
        jailedCount++;
        arrests++;
      }
    }
  }

  state.activeCount = activeCount;
  state.jailedCount = jailedCount;
  if (state.outburstTick < 0 && activeCount >= inputs.outburstShare * citizens) state.outburstTick = tick;
  row[0] = citizens - activeCount - jailedCount;
  row[1] = activeCount;
  row[2] = jailedCount;
  row[3] = arrests;
  row[4] = legitimacy;
}
