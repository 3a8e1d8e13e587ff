import type { OdeSolution } from './odeTypes.js';

/**
 * One step of a difference equation y_{k+1} = F(k, y_k): writes F(k, y) into `next` (same length
 * as `y`) and must not change `y`.
 *
 * @example
 * const halve: MapStep = (_k, y, next) => { next[0] = (y[0] as number) / 2; };
 */
export type MapStep = (k: number, y: Float64Array, next: Float64Array) => void;

/** Options of {@link iterateMap}. */
export interface IterateMapOptions {
  /** Number of iterations (an integer ≥ 0, required). */
  readonly steps: number;
  /** Time of step 0. Default 0. */
  readonly t0?: number;
  /** Time between steps, used only to label `times`. Default 1. */
  readonly stepLength?: number;
}

/**
 * Iterates a difference equation y_{k+1} = F(k, y_k) from `y0` and records every state
 * (`steps + 1` rows, the first being `y0`), in the same {@link OdeSolution} layout as the ODE
 * integrators so that trajectories of both kinds compare directly. This is the "solver" for
 * expected-value maps of discrete-time stochastic models, whose steps are a fixed calendar
 * step and not a discretisation of anything.
 *
 * Cost: `steps` calls of `step`.
 *
 * @example
 * iterateMap((_k, y, next) => { next[0] = (y[0] as number) / 2; }, Float64Array.of(1), { steps: 3 }).states;
 * // Float64Array [1, 0.5, 0.25, 0.125]
 */
export function iterateMap(step: MapStep, y0: Float64Array, options: IterateMapOptions): OdeSolution {
  const { steps, t0 = 0, stepLength = 1 } = options;
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`invalid steps: ${steps} (expected an integer ≥ 0)`);
  const n = y0.length;
  const times = new Float64Array(steps + 1);
  const states = new Float64Array((steps + 1) * n);
  states.set(y0, 0);
  times[0] = t0;
  let current = Float64Array.from(y0);
  let next = new Float64Array(n);
  for (let k = 0; k < steps; k++) {
    step(k, current, next);
    [current, next] = [next, current];
    times[k + 1] = t0 + (k + 1) * stepLength;
    states.set(current, (k + 1) * n);
  }
  return { dimension: n, times, states, steps, rejected: 0, evaluations: steps };
}
