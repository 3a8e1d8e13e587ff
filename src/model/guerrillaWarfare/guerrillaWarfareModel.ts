import type { RandomSource } from '../../rng/randomSource.js';
import { randomBinomial } from '../../rng/randomBinomial.js';
import type { SimulationModel } from '../simulationModel.js';

/**
 * Inputs of the stochastic Deitchman model: the two forces as densities, a population scale N
 * that turns densities into whole units (counts = round(N × density)), the fire rates and the
 * clock. See Deitchman (1962), Operations Research 10(6), 818–827.
 */
export interface GuerrillaWarfareInputs {
  /** N: units per unit of density. Larger N, smaller relative fluctuations (∝ N^(−1/2)). */
  readonly scale: number;
  /** Government force at the start, as a density (x₀). */
  readonly government: number;
  /** Guerrillas at the start, as a density (y₀). */
  readonly guerrillas: number;
  /** B: government losses per guerrilla per unit time (aimed fire). */
  readonly aimedFireRate: number;
  /** D: guerrilla losses per guerrilla per government density per unit time (area fire). */
  readonly areaFireRate: number;
  /** Length of one step, in the time unit of the rates. */
  readonly stepLength: number;
  /** Number of steps (the horizon). */
  readonly steps: number;
}

/** The state of one run: whole units on each side. */
export interface GuerrillaWarfareState {
  government: number;
  guerrillas: number;
  /** First step at which the government force was wiped out (−1 if never). */
  governmentWipedOut: number;
  /** First step at which the guerrillas were wiped out (−1 if never). */
  guerrillasWipedOut: number;
}

/** Observables: both forces as densities (counts / N) at the end of each step. */
const OBSERVABLE_IDS = ['government', 'guerrillas'] as const;
const EVENT_IDS = ['governmentWipedOut', 'guerrillasWipedOut'] as const;
const STREAMS = ['governmentLosses', 'guerrillaLosses'] as const;

/**
 * Deitchman's guerrilla-warfare model at the level of units, as a chain binomial: each step,
 * every government unit is lost with probability 1 − exp(−B·Y/X·dt) (aimed fire: expected
 * losses ≈ B·Y·dt whatever X is) and every guerrilla with 1 − exp(−D·(X/N)·dt) (area fire: a
 * hazard proportional to the government's density), both drawn from the start-of-step state on
 * separate streams. Its expected-value map is `deitchmanExpectedStep` (src/meanfield), to which
 * the scaled trajectories (X/N, Y/N) converge with N^(−1/2) fluctuations. Any
 * `SimulationModel` runner works (`runOnce`, ensembles).
 *
 * @example
 * const inputs = { scale: 400, government: 1, guerrillas: 0.5, aimedFireRate: 0.2, areaFireRate: 0.5, stepLength: 0.1, steps: 50 };
 * runOnce(guerrillaWarfareModel, inputs, 1, 0).series.length; // 100 (50 steps × 2 observables)
 */
export const guerrillaWarfareModel: SimulationModel<GuerrillaWarfareInputs, GuerrillaWarfareState> = {
  name: 'guerrilla-warfare',
  streams: STREAMS,
  observables: OBSERVABLE_IDS,
  events: EVENT_IDS,
  horizon: (inputs) => inputs.steps,
  initialize(inputs) {
    checkInputs(inputs);
    return {
      government: Math.round(inputs.scale * inputs.government),
      guerrillas: Math.round(inputs.scale * inputs.guerrillas),
      governmentWipedOut: -1,
      guerrillasWipedOut: -1,
    };
  },
  step(state, inputs, step, random, row) {
    const { government: x, guerrillas: y } = state;
    const dt = inputs.stepLength;
    const governmentLoss = x > 0 ? 1 - Math.exp((-inputs.aimedFireRate * y * dt) / x) : 0;
    const guerrillaLoss = 1 - Math.exp((-inputs.areaFireRate * x * dt) / inputs.scale);
    state.government = x - randomBinomial(random.governmentLosses as RandomSource, x, governmentLoss);
    state.guerrillas = y - randomBinomial(random.guerrillaLosses as RandomSource, y, guerrillaLoss);
    if (state.government === 0 && state.governmentWipedOut === -1) state.governmentWipedOut = step;
    if (state.guerrillas === 0 && state.guerrillasWipedOut === -1) state.guerrillasWipedOut = step;
    row[0] = state.government / inputs.scale;
    row[1] = state.guerrillas / inputs.scale;
  },
  eventMonths: (state) => Int32Array.of(state.governmentWipedOut, state.guerrillasWipedOut),
};

function checkInputs(inputs: GuerrillaWarfareInputs): void {
  const positive = ['scale', 'stepLength'] as const;
  for (const key of positive) if (!(inputs[key] > 0)) throw new RangeError(`invalid ${key}: ${inputs[key]} (expected a number > 0)`);
  const nonNegative = ['government', 'guerrillas', 'aimedFireRate', 'areaFireRate'] as const;
  for (const key of nonNegative) if (!(inputs[key] >= 0)) throw new RangeError(`invalid ${key}: ${inputs[key]} (expected a number ≥ 0)`);
  if (!Number.isInteger(inputs.steps) || inputs.steps < 0) throw new RangeError(`invalid steps: ${inputs.steps} (expected an integer ≥ 0)`);
}
