/**
 * The right-hand side of an ODE system y′ = f(t, y): writes f(t, y) into `dydt` (same length as
 * `y`) and must not change `y`. Writing into a buffer the solver owns, instead of returning a
 * new array, keeps the integrators free of allocation inside their loops; the function itself
 * stays pure in the sense that matters (its output depends only on t and y).
 *
 * @example
 * const decay: Derivative = (_t, y, dydt) => { dydt[0] = -(y[0] as number); };
 */
export type Derivative = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** A trajectory: the state at each recorded time, row-major (`states[i * dimension + j]`). */
export interface OdeSolution {
  readonly dimension: number;
  readonly times: Float64Array;
  /** Row-major: component j at `times[i]` is `states[i * dimension + j]`. */
  readonly states: Float64Array;
  /** Accepted steps taken. */
  readonly steps: number;
  /** Steps rejected by the error control (0 for fixed-step methods). */
  readonly rejected: number;
  /** Evaluations of the derivative. */
  readonly evaluations: number;
}

/** Why an adaptive integration stopped early; the trajectory up to `t` is still returned. */
export interface OdeIssue {
  readonly code: 'max-steps' | 'step-too-small' | 'not-finite';
  readonly message: string;
  /** The time reached. */
  readonly t: number;
}

/** What an adaptive integrator returns: a solution, or an issue with the partial solution. */
export type OdeResult =
  | { readonly ok: true; readonly solution: OdeSolution }
  | { readonly ok: false; readonly issue: OdeIssue; readonly solution: OdeSolution };

/**
 * The state at row `index` of a solution, as a copy.
 *
 * @example
 * stateAt(integrateRk4(decay, Float64Array.of(1), { t1: 1, steps: 10 }), 10)[0]; // 0.36787947… (≈ e⁻¹)
 */
export function stateAt(solution: OdeSolution, index: number): Float64Array {
  if (!Number.isInteger(index) || index < 0 || index >= solution.times.length) {
    throw new RangeError(`invalid index: ${index} (expected an integer in [0, ${solution.times.length - 1}])`);
  }
  return solution.states.slice(index * solution.dimension, (index + 1) * solution.dimension);
}
