import type { Derivative } from './odeTypes.js';
import type { MapStep } from './iterateMap.js';

/**
 * Rates of Deitchman's guerrilla-warfare model, the Lanchester "mixed law" (Deitchman 1962,
 * "A Lanchester model of guerrilla warfare", Operations Research 10(6), 818–827; the form
 * surveyed in Taylor 1983, "Lanchester Models of Warfare", ORSA). With x the government force and y the
 * guerrillas (both as densities, i.e. counts over a population scale N):
 *
 *   dx/dt = −B·y        the government suffers *aimed* fire: the guerrillas choose and see
 *                      their targets (ambush), so each guerrilla kills at a fixed rate B;
 *   dy/dt = −D·x·y      the guerrillas suffer *area* fire: hidden among the population, they
 *                      are hit in proportion to their density, each government unit killing
 *                      D·y per unit time.
 *
 * Sign convention, checked: the brief's tentative "guerrillas x under aimed fire" is the other
 * way round. In dx/dt = −B·y the side whose losses do not depend on its own size (x) is the one
 * *under aimed fire*, which in Deitchman is the government; the guerrillas (y) are the side
 * under area fire. The invariant is then B·y − (D/2)·x² (see {@link deitchmanInvariant}).
 */
export interface DeitchmanParameters {
  /** B: government losses per guerrilla per unit time (aimed fire by the guerrillas). */
  readonly aimedFireRate: number;
  /** D: guerrilla losses per guerrilla per government unit per unit time (area fire by the government). */
  readonly areaFireRate: number;
}

/**
 * The right-hand side of Deitchman's model for state [x, y] = [government, guerrillas], for the
 * ODE integrators. Once a side is at 0 its losses stop (the battle is over); between, it is the
 * smooth mixed law.
 *
 * @example
 * const f = deitchmanDerivative({ aimedFireRate: 0.2, areaFireRate: 0.5 });
 * const d = new Float64Array(2);
 * f(0, Float64Array.of(1, 0.5), d); // d = [-0.1, -0.25]
 */
export function deitchmanDerivative(parameters: DeitchmanParameters): Derivative {
  const { aimedFireRate: b, areaFireRate: d } = parameters;
  return (_t, state, dydt) => {
    const x = state[0] as number;
    const y = state[1] as number;
    dydt[0] = x > 0 ? -b * Math.max(0, y) : 0;
    dydt[1] = y > 0 ? -d * Math.max(0, x) * y : 0;
  };
}

/**
 * Deitchman's conserved quantity B·y − (D/2)·x² (a parabola in the (x, y) plane): with
 * dx/dt = −B·y and dy/dt = −D·x·y, d/dt(B·y) = −B·D·x·y = d/dt((D/2)·x²). Its sign says who
 * wins a fight to the finish: negative, the government is left with x = √(−2C/D) > 0 while the
 * guerrillas decay to 0; positive, the government is annihilated (x reaches 0 in finite time).
 *
 * @example
 * deitchmanInvariant({ aimedFireRate: 0.2, areaFireRate: 0.5 }, Float64Array.of(1, 0.5)); // -0.15
 */
export function deitchmanInvariant(parameters: DeitchmanParameters, state: ArrayLike<number>): number {
  const x = state[0] as number;
  const y = state[1] as number;
  return parameters.aimedFireRate * y - (parameters.areaFireRate / 2) * x * x;
}

/**
 * The expected-value map of the chain-binomial version of Deitchman's model over a step `dt`
 * (the mean field of {@link guerrillaWarfareModel}): each government unit is lost with
 * probability 1 − exp(−B·y/x·dt) (its per-capita hazard B·y/x held over the step) and each
 * guerrilla with 1 − exp(−D·x·dt), so
 *
 *   x_{k+1} = x_k · exp(−B·y_k·dt / x_k),   y_{k+1} = y_k · exp(−D·x_k·dt).
 *
 * Constant-hazard-over-the-step probabilities are the chain-binomial (Reed–Frost) form, used for
 * binomial tau-leaping by Tian & Burrage (2004, J. Chem. Phys. 121, 10356). This map is
 * consistent with the ODE to first order: its one-step error is O(dt²), so its trajectory
 * differs from the ODE's by O(dt) (tested), while the scaled stochastic model converges to the
 * map itself as N → ∞ (Kurtz 1970, J. Appl. Prob. 7, 49–58, in its discrete-time form).
 *
 * @example
 * const step = deitchmanExpectedStep({ aimedFireRate: 0.2, areaFireRate: 0.5 }, 0.1);
 * const next = new Float64Array(2);
 * step(0, Float64Array.of(1, 0.5), next); // next ≈ [0.99005, 0.47561]
 */
export function deitchmanExpectedStep(parameters: DeitchmanParameters, dt: number): MapStep {
  const { aimedFireRate: b, areaFireRate: d } = parameters;
  if (!(dt > 0)) throw new RangeError(`invalid dt: ${dt} (expected a number > 0)`);
  return (_k, state, next) => {
    const x = state[0] as number;
    const y = state[1] as number;
    next[0] = x > 0 ? x * Math.exp((-b * Math.max(0, y) * dt) / x) : 0;
    next[1] = y > 0 ? y * Math.exp(-d * Math.max(0, x) * dt) : 0;
  };
}
