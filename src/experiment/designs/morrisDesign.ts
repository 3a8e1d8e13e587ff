import type { RandomSource } from '../../rng/randomSource.js';
import type { SensitivityProblem } from '../../math/problem.js';
import { validateProblem } from '../../math/problem.js';
import { scaleToProblem } from './scaleToProblem.js';
import type { MorrisDesign } from '../../analysis/sensitivity/morrisDesignType.js';

export type { MorrisDesign };

/** Options of {@link morrisDesign}. */
export interface MorrisDesignOptions {
  /** Grid levels p per input, an even integer ≥ 2 (default 4, Morris's and SALib's default). */
  readonly levels?: number;
}

/**
 * Morris's one-at-a-time screening design (Morris 1991): r random trajectories on a p-level grid
 * of the unit cube, each of D + 1 points where consecutive points differ in exactly one input by
 * ±Δ, Δ = p / (2(p − 1)) (Morris 1991 §3; Campolongo, Cariboni & Saltelli 2007 eq. 3, the
 * B* = (J x* + (Δ/2)((2B − J)D* + J))P* construction). Per trajectory, in this order: a base
 * point x* with each coordinate drawn uniformly from the levels k/(p − 1) that leave room for
 * +Δ (D draws); a direction ±1 per input, D* (D draws; an input moving down starts at x* + Δ);
 * and the order in which the inputs move, P* (a Fisher–Yates shuffle, D − 1 draws). Points are
 * then mapped through the problem's inverse CDFs. Campolongo's selection of spread-out
 * trajectories ("optimal trajectories") is not implemented.
 *
 * Randomness comes only from `random`. Throws a RangeError for an invalid problem, trajectories
 * not an integer ≥ 2 (the bootstrap and σ need two), or levels not an even integer ≥ 2.
 *
 * Cost: O(r · D²) time and memory.
 * References: M. D. Morris (1991), "Factorial sampling plans for preliminary computational
 * experiments", Technometrics 33(2):161–174; F. Campolongo, J. Cariboni & A. Saltelli (2007),
 * "An effective screening design for sensitivity analysis of large models", Environ. Model.
 * Softw. 22:1509–1518.
 *
 * @example
 * const design = morrisDesign({ names: ['a', 'b'], bounds: [[0, 1], [0, 1]] }, 10, {}, createRunStream(1, 0, 'morris'));
 * design.samples.length; // 30 (= 10 · (2 + 1))
 * design.delta;          // 0.6666666666666666 (= 4 / (2 · 3))
 */
export function morrisDesign(problem: SensitivityProblem, trajectories: number, options: MorrisDesignOptions, random: RandomSource): MorrisDesign {
  validateProblem(problem);
  const levels = options.levels ?? 4;
  if (!Number.isInteger(trajectories) || trajectories < 2) {
    throw new RangeError(`invalid trajectories: ${trajectories} (expected an integer ≥ 2)`);
  }
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`invalid levels: ${levels} (expected an even integer ≥ 2, so that Δ = p/(2(p − 1)) lands on the grid)`);
  }
  if (typeof random !== 'function') throw new TypeError(`invalid random: ${String(random)} (expected a RandomSource function)`);
  const d = problem.names.length;
  const step = levels / 2; // Δ in grid units: Δ·(p − 1) = p/2
  const baseChoices = levels - step; // grid indices 0 … p/2 − 1 leave room for +Δ
  const unit: number[][] = [];
  const gridIndex = new Int32Array(d);
  const order = new Int32Array(d);
  for (let t = 0; t < trajectories; t++) {
    for (let j = 0; j < d; j++) gridIndex[j] = Math.floor(random() * baseChoices);
    for (let j = 0; j < d; j++) {
      if (random() < 0.5) gridIndex[j] = (gridIndex[j] as number) + step; // this input moves down
    }
    for (let j = 0; j < d; j++) order[j] = j;
    for (let j = d - 1; j > 0; j--) {
      const k = Math.floor(random() * (j + 1));
      const swap = order[j] as number;
      order[j] = order[k] as number;
      order[k] = swap;
    }
    const toUnit = (): number[] => Array.from(gridIndex, (k) => k / (levels - 1));
    unit.push(toUnit());
    for (let s = 0; s < d; s++) {
      const j = order[s] as number;
      const k = gridIndex[j] as number;
      // Starts at or above p/2 are the downward ones (upward starts are base indices < p/2).
      gridIndex[j] = k >= step ? k - step : k + step;
      unit.push(toUnit());
    }
  }
  return { samples: scaleToProblem(problem, unit), unit, trajectories, levels, delta: levels / (2 * (levels - 1)) };
}

