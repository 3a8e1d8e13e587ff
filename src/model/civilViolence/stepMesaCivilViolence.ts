import type { RandomSource } from '../../rng/randomSource.js';
import { civilViolenceStream } from './civilViolenceStream.js';
import type { CivilViolenceInputs } from './inputs.js';
import { legitimacyAt } from './inputs.js';
import { pickEmptyInVision } from './pickEmpty.js';
import { placeAgentsPerCellInPlace } from './placeAgentsPerCell.js';
import { EMPTY_CELL, type CivilViolenceState } from './state.js';
import { arrestTarget } from './arrestTarget.js';
import { shuffleOrderInPlace } from './shuffleOrderInPlace.js';
import { shiftVisionCountInPlace } from './visionCounts.js';

/**
 * One tick of the civil violence model under Mesa 3.3.1's rules (`activation: 'mesa'`), in
 * place, writing the tick's observables (quiescent, active, jailed, arrests this tick,
 * legitimacy) into `row`. Where the default rules ({@link stepCivilViolenceInPlace}) differ:
 * - placement: each cell holds a citizen, a cop or nobody independently
 *   ({@link placeAgentsPerCellInPlace}), so counts vary by seed;
 * - order within an activation: decide first, at the current cell, then move to a uniformly
 *   random empty cell in vision (Mesa's `Citizen.step` and `Cop.step`: update neighbours, decide
 *   or arrest, `move()`);
 * - jail: an arrested citizen stays on her cell, occupying it and never active, and counts her
 *   term down at each of her activations (`if self.jail_sentence: jail_sentence -= 1; return`);
 *   at the first activation with no term left she decides again where she stands and moves.
 *   She counts as jailed until then (Mesa's ARRESTED state).
 * Everything else is shared: all agents once per tick in a fresh random order (`shuffle_do`),
 * von Neumann vision, P = 1 − exp(−k·r(C/A)) with A counting the citizen herself (Mesa rounds
 * C/A with `round`: use arrestRatio 'round'), a uniformly random active arrestee in the cop's
 * vision, terms uniform on 0 … J_max (`randint(0, max_jail_term)`). Streams as the default
 * rules ('release' is not used).
 *
 * Cost: O(agents) per tick plus O(seen) per moving agent, turning or arrested active citizen, in
 * 'incremental' mode; O(agents · seen) in 'scan' mode. Reference: projectmesa/mesa v3.3.1,
 * mesa/examples/advanced/epstein_civil_violence/{model,agents}.py; J. M. Epstein (2002), PNAS 99
 * suppl. 3, 7243–7250.
 *
 * @example
 * const inputs = civilViolenceInputs({ ...MESA_DEFAULTS, activation: 'mesa' });
 * stepMesaCivilViolenceInPlace(state, inputs, 0, streams, row);
 * row[0] + row[1] + row[2] === state.citizens; // true
 */
export function stepMesaCivilViolenceInPlace(
  state: CivilViolenceState,
  inputs: CivilViolenceInputs,
  tick: number,
  random: Readonly<Record<string, RandomSource>>,
  row: Float64Array,
): void {
  if (!state.placed) {
    placeAgentsPerCellInPlace(state, inputs.citizenDensity, inputs.copDensity, civilViolenceStream(random, 'placement'), civilViolenceStream(random, 'traits'));
  }
  const schedule = civilViolenceStream(random, 'schedule');
  const moveRandom = civilViolenceStream(random, 'movement');
  const arrestRandom = civilViolenceStream(random, 'arrests');
  const jailRandom = civilViolenceStream(random, 'jailTerms');

  const { agents, citizens, seen, neighbours, grid, position, hardship, riskAversion, active, jailed, jailTerm } = state;
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

  // Moves the agent on `cell` to a random empty cell in vision (if any); returns its cell.
  const move = (id: number, cell: number, field: Int32Array | null): number => {
    if (!moves) return cell;
    const target = pickEmptyInVision(state, cell, moveRandom);
    if (target < 0) return cell;
    if (incremental && field) {
      shiftVisionCountInPlace(state, field, cell, -1);
      shiftVisionCountInPlace(state, field, target, 1);
    }
    grid[cell] = EMPTY_CELL;
    grid[target] = id;
    position[id] = target;
    return target;
  };

  for (let n = 0; n < agents; n++) {
    const id = order[n] as number;
    const cell = position[id] as number;
    if (id < citizens) {
      if (jailed[id] === 1) {
        const remaining = jailTerm[id] as number;
        if (remaining > 0) {
          jailTerm[id] = remaining - 1;
          continue;
        }
        jailed[id] = 0;
        jailedCount--;
      }
      const was = active[id] as number;
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
      if (now !== was) {
        active[id] = now;
        activeCount += now - was;
        if (incremental) shiftVisionCountInPlace(state, activesInVision, cell, now - was);
      }
      move(id, cell, now === 1 ? activesInVision : null);
    } else {
      const target = arrestTarget(state, cell, incremental, arrestRandom);
      if (target >= 0) {
        const other = grid[target] as number;
        active[other] = 0;
        activeCount--;
        if (incremental) shiftVisionCountInPlace(state, activesInVision, target, -1);
        jailed[other] = 1;
        jailTerm[other] = Math.floor(jailRandom() * jailChoices);
        jailedCount++;
        arrests++;
      }
      move(id, cell, copsInVision);
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
