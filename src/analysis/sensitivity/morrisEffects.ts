import type { RandomSource } from '../../rng/randomSource.js';
import { createRunStream } from '../../rng/createRunStream.js';
import type { MorrisDesign } from './morrisDesignType.js';
import type { SensitivityProblem } from '../../math/problem.js';
import { validateProblem } from '../../math/problem.js';
import { normalQuantile } from '../../math/normalQuantile.js';

/** Options of {@link morrisEffects}. */
export interface MorrisEffectsOptions {
  /** Bootstrap resamples for the μ* interval (default 1000, as SALib's documentation). */
  readonly bootstrap?: number;
  /** Confidence level of the μ* interval, in (0, 1) (default 0.95). */
  readonly confidence?: number;
  /** Source of the bootstrap draws (default a fixed stream: `createRunStream('morrisEffects', 0, 'bootstrap')`). */
  readonly random?: RandomSource;
}

/** Morris screening measures per input, SALib's `morris.analyze` result. */
export interface MorrisEffects {
  /** The inputs, in the problem's order. */
  readonly names: readonly string[];
  /** μ: mean elementary effect (signed; effects of opposite sign cancel). */
  readonly mu: number[];
  /** μ*: mean absolute elementary effect, the ranking measure (Campolongo et al. 2007). */
  readonly muStar: number[];
  /** σ: standard deviation of the elementary effects (n − 1): non-linearity or interactions. */
  readonly sigma: number[];
  /** Half-width of the bootstrap interval of μ*: z · sd of μ* over resamples of the trajectories. */
  readonly muStarConf: number[];
  /** The elementary effects themselves, [input][trajectory]. */
  readonly elementaryEffects: number[][];
}

/**
 * Morris's elementary effects and their summary measures from the outputs of a
 * `morrisDesign`, in its row order. On each step of a trajectory exactly one input j moves by
 * ±Δ on the unit grid; its elementary effect is EE_j = (f(x + Δe_j) − f(x)) / Δ, read in the
 * upward direction whichever way the step went, with Δ in unit-cube terms (as SALib: effects
 * are not rescaled by the input's range, so inputs on different scales stay comparable).
 * Then per input over the r trajectories: μ = mean EE (Morris 1991), μ* = mean |EE|
 * (Campolongo, Cariboni & Saltelli 2007), σ = sd EE with divisor r − 1, and a bootstrap
 * interval of μ*: resample the r effects with replacement `bootstrap` times, input after input,
 * half-width z · sd of the resampled μ*, z = Φ⁻¹(1/2 + confidence/2) (SALib's
 * `_compute_mu_star_confidence`).
 *
 * Throws a RangeError when Y does not have one output per design row, an output is not
 * finite, the problem does not match the design's columns, or a step of the design does not
 * move exactly one input by ±Δ.
 *
 * Cost: O(r · D²) to find the steps, O(bootstrap · r · D) for the intervals.
 * References: M. D. Morris (1991), Technometrics 33(2):161–174; F. Campolongo, J. Cariboni &
 * A. Saltelli (2007), Environ. Model. Softw. 22:1509–1518; J. Herman & W. Usher (2017),
 * "SALib", JOSS 2(9):97 (`SALib.analyze.morris`).
 *
 * @example
 * const problem = { names: ['a', 'b', 'c'], bounds: [[0, 1], [0, 1], [0, 1]] };
 * const design = morrisDesign(problem, 20, {}, createRunStream(1, 0, 'morris'));
 * const effects = morrisEffects(design, design.samples.map(([a, b]) => 10 * a + b * b), problem);
 * effects.muStar; // [10, ≈1, 0]: a matters most, c not at all
 */
export function morrisEffects(design: MorrisDesign, Y: ArrayLike<number>, problem: SensitivityProblem, options: MorrisEffectsOptions = {}): MorrisEffects {
  validateProblem(problem);
  const d = problem.names.length;
  const { unit, trajectories, delta } = design;
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`invalid confidence: ${confidence} (expected within (0, 1))`);
  if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new RangeError(`invalid bootstrap: ${bootstrap} (expected an integer ≥ 0)`);
  const rows = trajectories * (d + 1);
  if (unit.length !== rows || unit.some((row) => row.length !== d)) {
    throw new RangeError(`invalid design: ${unit.length} rows of ${unit[0]?.length} inputs (expected ${rows} rows of ${d}, to match the problem)`);
  }
  if (Y.length !== rows) throw new RangeError(`invalid Y: ${Y.length} outputs (expected ${rows}, one per design row)`);
  for (let i = 0; i < rows; i++) {
    if (!Number.isFinite(Y[i] as number)) throw new RangeError(`invalid Y[${i}]: ${Y[i]} (expected a finite number)`);
  }

  const effects = Array.from({ length: d }, () => new Array<number>(trajectories).fill(NaN));
  const tolerance = 1e-9;
  for (let t = 0; t < trajectories; t++) {
    for (let s = 0; s < d; s++) {
      const i = t * (d + 1) + s;
      const before = unit[i] as number[];
      const after = unit[i + 1] as number[];
      let moved = -1;
      for (let j = 0; j < d; j++) {
        if ((after[j] as number) === (before[j] as number)) continue;
        if (moved !== -1) throw new RangeError(`invalid design: rows ${i} and ${i + 1} differ in more than one input`);
        moved = j;
      }
      if (moved === -1) throw new RangeError(`invalid design: rows ${i} and ${i + 1} are equal`);
      const step = (after[moved] as number) - (before[moved] as number);
      if (Math.abs(Math.abs(step) - delta) > tolerance) throw new RangeError(`invalid design: step ${step} between rows ${i} and ${i + 1} (expected ±${delta})`);
      const signedDelta = step > 0 ? delta : -delta;
      const row = effects[moved] as number[];
      if (!Number.isNaN(row[t] as number)) throw new RangeError(`invalid design: input ${moved} moves twice in trajectory ${t}`);
      row[t] = ((Y[i + 1] as number) - (Y[i] as number)) / signedDelta;
    }
  }

  const random = options.random ?? createRunStream('morrisEffects', 0, 'bootstrap');
  const z = normalQuantile(0.5 + confidence / 2);
  const mu: number[] = [];
  const muStar: number[] = [];
  const sigma: number[] = [];
  const muStarConf: number[] = [];
  for (const ee of effects) {
    mu.push(mean(ee));
    muStar.push(mean(ee.map(Math.abs)));
    sigma.push(sampleSd(ee));
    const resampled: number[] = [];
    for (let b = 0; b < bootstrap; b++) {
      let sum = 0;
      for (let k = 0; k < trajectories; k++) sum += Math.abs(ee[Math.floor(random() * trajectories)] as number);
      resampled.push(sum / trajectories);
    }
    muStarConf.push(bootstrap < 2 ? NaN : z * sampleSd(resampled));
  }
  return { names: [...problem.names], mu, muStar, sigma, muStarConf, elementaryEffects: effects };
}

function mean(values: readonly number[]): number {
  let m = 0;
  values.forEach((x, i) => {
    m += (x - m) / (i + 1);
  });
  return m;
}

/** Sample standard deviation (divisor m − 1) by Welford's one-pass update. */
function sampleSd(values: readonly number[]): number {
  let m = 0;
  let m2 = 0;
  values.forEach((x, i) => {
    const delta = x - m;
    m += delta / (i + 1);
    m2 += delta * (x - m);
  });
  return Math.sqrt(m2 / (values.length - 1));
}
