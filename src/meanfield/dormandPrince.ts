import type { Derivative, OdeIssue, OdeResult, OdeSolution } from './odeTypes.js';

// Dormand & Prince (1980), "A family of embedded Runge-Kutta formulae", J. Comput. Appl. Math.
// 6(1), 19–26, method RK5(4)7M; coefficients as tabulated in Hairer, Nørsett & Wanner (1993),
// "Solving Ordinary Differential Equations I", §II.5, Table 5.2. The 5th-order weights equal
// the last stage's row (first same as last, FSAL).
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
// Error weights: 5th-order minus 4th-order weights (b − b̂; b̂ = 5179/57600, 0, 7571/16695,
// 393/640, −92097/339200, 187/2100, 1/40).
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

// Step-size control of Hairer, Nørsett & Wanner (1993) §II.4, eq. (4.12)–(4.13) with the
// constants of their code DOPRI5: safety 0.9, growth at most ×10, shrink at most ×0.2, and no
// growth right after a rejected step.
const SAFETY = 0.9;
const MAX_GROWTH = 10;
const MIN_SHRINK = 0.2;

/** Options of {@link integrateDormandPrince}; all but `t1` optional. */
export interface DormandPrinceOptions {
  /** Start time. Default 0. */
  readonly t0?: number;
  /** End time (required, > t0). */
  readonly t1: number;
  /**
   * Relative tolerance. Default 1e−6. With `atol` it sets the per-component scale
   * sc_i = atol + rtol · max(|y_i|, |y_new,i|); a step is accepted when the RMS of
   * (local error estimate / sc) is ≤ 1 (HNW 1993 eq. 4.11). The global error is then
   * typically a small multiple of the tolerance times the problem's growth factor, not bounded by it.
   */
  readonly rtol?: number;
  /** Absolute tolerance. Default 1e−9 (matters for components near 0). */
  readonly atol?: number;
  /** First step; default chosen by HNW's starting-step algorithm (§II.4, "Starting step size"). */
  readonly initialStep?: number;
  /** Largest step allowed. Default: the whole interval. */
  readonly maxStep?: number;
  /** Stop with an issue after this many attempted steps. Default 100,000. */
  readonly maxSteps?: number;
  /**
   * Times at which to record the state, increasing, inside [t0, t1]. The integrator shortens
   * a step to land on each exactly (no interpolation). Default: record every accepted step.
   */
  readonly outputTimes?: ArrayLike<number>;
}

/** The resolved options (defaults applied once, checked once). */
interface ResolvedDormandPrinceOptions {
  readonly t0: number;
  readonly t1: number;
  readonly rtol: number;
  readonly atol: number;
  readonly initialStep: number | undefined;
  readonly maxStep: number;
  readonly maxSteps: number;
  readonly outputTimes: Float64Array | undefined;
}

function resolveOptions(options: DormandPrinceOptions): ResolvedDormandPrinceOptions {
  const { t0 = 0, t1, rtol = 1e-6, atol = 1e-9, initialStep, maxSteps = 100_000 } = options;
  if (!Number.isFinite(t0) || !Number.isFinite(t1) || !(t1 > t0)) throw new RangeError(`invalid time span: [${t0}, ${t1}] (expected t0 < t1)`);
  if (!(rtol > 0) || !Number.isFinite(rtol)) throw new RangeError(`invalid rtol: ${rtol} (expected a number > 0)`);
  if (!(atol >= 0) || !Number.isFinite(atol)) throw new RangeError(`invalid atol: ${atol} (expected a number ≥ 0)`);
  if (initialStep !== undefined && !(initialStep > 0)) throw new RangeError(`invalid initialStep: ${initialStep} (expected a number > 0)`);
  const maxStep = options.maxStep ?? t1 - t0;
  if (!(maxStep > 0)) throw new RangeError(`invalid maxStep: ${maxStep} (expected a number > 0)`);
  if (!Number.isInteger(maxSteps) || maxSteps < 1) throw new RangeError(`invalid maxSteps: ${maxSteps} (expected an integer ≥ 1)`);
  let outputTimes: Float64Array | undefined;
  if (options.outputTimes !== undefined) {
    outputTimes = Float64Array.from(options.outputTimes);
    for (let i = 0; i < outputTimes.length; i++) {
      const time = outputTimes[i] as number;
      if (!(time >= t0 && time <= t1) || (i > 0 && !(time > (outputTimes[i - 1] as number)))) {
        throw new RangeError(`invalid outputTimes[${i}]: ${time} (expected increasing times in [${t0}, ${t1}])`);
      }
    }
  }
  return { t0, t1, rtol, atol, initialStep, maxStep, maxSteps, outputTimes };
}

/**
 * Integrates y′ = f(t, y) from `t0` to `t1` with the adaptive Dormand–Prince 5(4) pair
 * (Dormand & Prince 1980; the method of MATLAB's ode45 and SciPy's RK45), advancing with the
 * 5th-order solution (local extrapolation) and controlling the step with the embedded
 * 4th-order one (Hairer, Nørsett & Wanner 1993, §II.4–II.5).
 *
 * Tolerances: `rtol` (default 1e−6) and `atol` (default 1e−9) bound the estimated *local*
 * error of each step (see {@link DormandPrinceOptions.rtol}); tighter tolerances cost about
 * tol^(−1/5) more steps. Errors are data: when `maxSteps` is reached, the step falls below
 * 1e−14 of the interval, or the state stops being finite, the result is `{ ok: false, issue }`
 * with the trajectory computed so far. Invalid options throw a RangeError.
 *
 * Cost: 6 evaluations of `f` per attempted step (7 stages, the last reused as the next first).
 *
 * @example
 * const result = integrateDormandPrince((_t, y, d) => { d[0] = -(y[0] as number); }, Float64Array.of(1), { t1: 1, outputTimes: [1] });
 * result.ok && result.solution.states[0]; // 0.36787954 (e⁻¹ = 0.36787944: relative error 3e−7 < rtol 1e−6)
 */
export function integrateDormandPrince(f: Derivative, y0: Float64Array, options: DormandPrinceOptions): OdeResult {
  const o = resolveOptions(options);
  const n = y0.length;
  const k1 = new Float64Array(n), k2 = new Float64Array(n), k3 = new Float64Array(n), k4 = new Float64Array(n);
  const k5 = new Float64Array(n), k6 = new Float64Array(n), k7 = new Float64Array(n);
  const stage = new Float64Array(n);
  let y = Float64Array.from(y0);
  let yNew = new Float64Array(n);
  const times: number[] = [];
  const states: number[] = [];
  const record = (time: number, state: Float64Array) => {
    times.push(time);
    for (let i = 0; i < n; i++) states.push(state[i] as number);
  };
  let nextOutput = 0;
  const outputs = o.outputTimes;
  if (!outputs) record(o.t0, y);
  else while (nextOutput < outputs.length && (outputs[nextOutput] as number) === o.t0) record(o.t0, y), nextOutput++;

  let t = o.t0;
  let evaluations = 1;
  f(t, y, k1);
  let h = o.initialStep ?? startingStep(f, t, y, k1, o, stage, k2);
  if (o.initialStep === undefined) evaluations++;
  h = Math.min(h, o.maxStep);
  let steps = 0;
  let rejected = 0;
  let justRejected = false;
  let issue: OdeIssue | undefined;
  const minStep = 1e-14 * (o.t1 - o.t0);

  while (t < o.t1) {
    if (steps + rejected >= o.maxSteps) {
      issue = { code: 'max-steps', message: `stopped after ${o.maxSteps} steps at t = ${t}`, t };
      break;
    }
    if (h < minStep) {
      issue = { code: 'step-too-small', message: `step ${h} below ${minStep} at t = ${t}`, t };
      break;
    }
    // Land exactly on the next output time or the end.
    const target = outputs && nextOutput < outputs.length ? (outputs[nextOutput] as number) : o.t1;
    let lands = false;
    if (t + h >= target || target - (t + h) < minStep) {
      h = target - t;
      lands = true;
    }
    for (let i = 0; i < n; i++) stage[i] = (y[i] as number) + h * A21 * (k1[i] as number);
    f(t + C2 * h, stage, k2);
    for (let i = 0; i < n; i++) stage[i] = (y[i] as number) + h * (A31 * (k1[i] as number) + A32 * (k2[i] as number));
    f(t + C3 * h, stage, k3);
    for (let i = 0; i < n; i++) stage[i] = (y[i] as number) + h * (A41 * (k1[i] as number) + A42 * (k2[i] as number) + A43 * (k3[i] as number));
    f(t + C4 * h, stage, k4);
    for (let i = 0; i < n; i++) {
      stage[i] = (y[i] as number) + h * (A51 * (k1[i] as number) + A52 * (k2[i] as number) + A53 * (k3[i] as number) + A54 * (k4[i] as number));
    }
    f(t + C5 * h, stage, k5);
    for (let i = 0; i < n; i++) {
      stage[i] =
        (y[i] as number) +
        h * (A61 * (k1[i] as number) + A62 * (k2[i] as number) + A63 * (k3[i] as number) + A64 * (k4[i] as number) + A65 * (k5[i] as number));
    }
    f(t + h, stage, k6);
    for (let i = 0; i < n; i++) {
      yNew[i] =
        (y[i] as number) +
        h * (B1 * (k1[i] as number) + B3 * (k3[i] as number) + B4 * (k4[i] as number) + B5 * (k5[i] as number) + B6 * (k6[i] as number));
    }
    f(t + h, yNew, k7);
    evaluations += 6;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const estimate =
        h * (E1 * (k1[i] as number) + E3 * (k3[i] as number) + E4 * (k4[i] as number) + E5 * (k5[i] as number) + E6 * (k6[i] as number) + E7 * (k7[i] as number));
      const scale = o.atol + o.rtol * Math.max(Math.abs(y[i] as number), Math.abs(yNew[i] as number));
      sum += scale > 0 ? (estimate / scale) ** 2 : estimate === 0 ? 0 : Infinity;
    }
    const error = n > 0 ? Math.sqrt(sum / n) : 0;
    if (!Number.isFinite(error)) {
      if (!yNew.every(Number.isFinite)) {
        issue = { code: 'not-finite', message: `state not finite after a step from t = ${t}`, t };
        break;
      }
    }
    if (error <= 1) {
      t = lands ? target : t + h;
      [y, yNew] = [yNew, y];
      k1.set(k7);
      steps++;
      if (!outputs) record(t, y);
      else if (lands && nextOutput < outputs.length) record(t, y), nextOutput++;
      const growth = error === 0 ? MAX_GROWTH : Math.min(MAX_GROWTH, Math.max(MIN_SHRINK, SAFETY * error ** -0.2));
      h = Math.min(o.maxStep, h * (justRejected ? Math.min(1, growth) : growth));
      justRejected = false;
    } else {
      rejected++;
      justRejected = true;
      h *= Number.isFinite(error) ? Math.max(MIN_SHRINK, SAFETY * error ** -0.2) : MIN_SHRINK;
    }
  }
  const solution: OdeSolution = { dimension: n, times: Float64Array.from(times), states: Float64Array.from(states), steps, rejected, evaluations };
  return issue ? { ok: false, issue, solution } : { ok: true, solution };
}

/**
 * Hairer, Nørsett & Wanner's starting step (1993, §II.4, "Starting step size", with order 5):
 * h0 from ‖y0‖/‖f0‖, one Euler trial to estimate ‖y″‖, then h = min(100·h0, (0.01 / max(‖f0‖, ‖y″‖))^(1/5)).
 */
function startingStep(
  f: Derivative,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  o: ResolvedDormandPrinceOptions,
  stage: Float64Array,
  f1: Float64Array,
): number {
  const n = y.length;
  const norm = (v: (i: number) => number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (v(i) / (o.atol + o.rtol * Math.abs(y[i] as number))) ** 2;
    return n > 0 ? Math.sqrt(sum / n) : 0;
  };
  const d0 = norm((i) => y[i] as number);
  const d1 = norm((i) => f0[i] as number);
  const h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : (0.01 * d0) / d1;
  for (let i = 0; i < n; i++) stage[i] = (y[i] as number) + h0 * (f0[i] as number);
  f(t + h0, stage, f1);
  const d2 = norm((i) => ((f1[i] as number) - (f0[i] as number)) / h0);
  const largest = Math.max(d1, d2);
  const h1 = largest <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : (0.01 / largest) ** (1 / 5);
  return Math.min(100 * h0, h1);
}
